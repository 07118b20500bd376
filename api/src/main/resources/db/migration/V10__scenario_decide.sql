-- What the planners' page's step 4, Decide, had when a scenario was saved: the goal-seek's
-- levers (as goal-seek takes them) and its probability, a JSON object
-- {"levers": [...], "probability": 0.8}, so that the scenario reopens with them. Existing
-- scenarios have none (NULL): the page opens them with its defaults.
ALTER TABLE scenarios ADD COLUMN decide text;
