-- Goal-seeks and sensitivity studies are stored as runs of their own kinds.

ALTER TABLE runs DROP CONSTRAINT runs_kind_check;
ALTER TABLE runs ADD CONSTRAINT runs_kind_check
  CHECK (kind IN ('run', 'comparison', 'goal-seek', 'sensitivity'));
