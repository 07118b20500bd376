-- All-England sweeps are stored as runs of their own kind.

ALTER TABLE runs DROP CONSTRAINT runs_kind_check;
ALTER TABLE runs ADD CONSTRAINT runs_kind_check
  CHECK (kind IN ('run', 'comparison', 'goal-seek', 'sensitivity', 'sweep'));
