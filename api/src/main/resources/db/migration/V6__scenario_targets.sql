-- What a planner set for a stored scenario besides the scenario itself, so that it reopens
-- as it was run: its targets (a JSON array of target texts, as runs take them) and the
-- replications and seed of its runs (null: the defaults). Existing scenarios have none.
ALTER TABLE scenarios ADD COLUMN targets text NOT NULL DEFAULT '[]';
ALTER TABLE scenarios ADD COLUMN replications bigint;
ALTER TABLE scenarios ADD COLUMN seed bigint;
