-- Which of a stored scenario's interventions its planner treats as assumptions (in the
-- baseline too, such as referral growth expected whatever is done) rather than as the plan:
-- a JSON array of their positions in the scenario's interventions. Existing scenarios have
-- none, as the page treated every lever as the plan's before.
ALTER TABLE scenarios ADD COLUMN assumptions text NOT NULL DEFAULT '[]';
