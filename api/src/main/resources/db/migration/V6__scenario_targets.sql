-- The targets a planner set for a stored scenario (a JSON array of target texts, as runs
-- take them), so that it reopens with them; existing scenarios have none.
ALTER TABLE scenarios ADD COLUMN targets text NOT NULL DEFAULT '[]';
