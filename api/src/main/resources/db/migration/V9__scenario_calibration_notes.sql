-- What the calibration a stored scenario was made from assumed (the notes POST
-- /api/v1/calibrations gives: how each figure was derived, which were missing), kept so that
-- the scenario reopens with them: a JSON array of the texts. Existing scenarios have none.
ALTER TABLE scenarios ADD COLUMN calibration_notes text NOT NULL DEFAULT '[]';
