-- Several servers on one database: a cancel asked of a server that is not computing the run
-- is recorded here, and the server computing it reads it within a second and stops the run
-- (RunService.share, which also stores that server's progress in replications_done).
ALTER TABLE runs ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false;
