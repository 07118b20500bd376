-- The server process that computes a run: the key of the PostgreSQL advisory lock that
-- process holds for its life (OwnerLock). A server's start fails the unfinished runs whose
-- owner's lock it can take, its owner being gone, and leaves those of live servers alone.
-- Rows stored before owners were recorded keep NULL: their servers are of an older version,
-- and their unfinished runs are failed at a start as before.

ALTER TABLE runs ADD COLUMN owner bigint;
