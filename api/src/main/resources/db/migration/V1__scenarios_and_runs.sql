-- Stored scenarios and the runs (single runs and comparisons) made from them.

CREATE TABLE scenarios (
  id          uuid        PRIMARY KEY,
  name        text        NOT NULL,
  version     integer     NOT NULL CHECK (version >= 1),
  document    text        NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE INDEX scenarios_by_creation ON scenarios (created_at, id);

-- A run keeps everything needed to reproduce it: the scenarios as run (baseline first, as
-- a JSON array), the seed, the generator and the code version. Deleting a stored scenario
-- keeps its runs.
CREATE TABLE runs (
  id                uuid        PRIMARY KEY,
  kind              text        NOT NULL CHECK (kind IN ('run', 'comparison')),
  scenario_id       uuid        REFERENCES scenarios (id) ON DELETE SET NULL,
  scenario_version  integer,
  status            text        NOT NULL
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  request           text        NOT NULL,
  scenarios         text        NOT NULL,
  seed              bigint      NOT NULL,
  replications      bigint      NOT NULL,
  months            integer     NOT NULL,
  generator         text        NOT NULL,
  code_version      text        NOT NULL,
  replications_done bigint      NOT NULL DEFAULT 0,
  error             text,
  result_json       text,
  result_csv        text,
  created_at        timestamptz NOT NULL,
  started_at        timestamptz,
  finished_at       timestamptz
);

CREATE INDEX runs_by_scenario ON runs (scenario_id, created_at, id);
CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('queued', 'running');
