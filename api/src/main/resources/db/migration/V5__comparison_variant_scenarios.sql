-- The stored scenarios a comparison's variants name (`variants[i].scenarioId`), beside the
-- baseline's (runs.scenario_id): a scenario's runs and comparisons are those of either.
-- Deleting a stored scenario deletes its links (the comparison is kept, as a baseline's run
-- is); deleting a run deletes its own. Comparisons stored before this migration are linked
-- from their stored requests.

CREATE TABLE run_scenarios (
  run_id      uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  scenario_id uuid NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  PRIMARY KEY (scenario_id, run_id)
);

INSERT INTO run_scenarios (run_id, scenario_id)
SELECT DISTINCT r.id, s.id
FROM runs r
CROSS JOIN LATERAL jsonb_array_elements(CASE
    WHEN jsonb_typeof(r.request::jsonb -> 'variants') = 'array'
    THEN r.request::jsonb -> 'variants' ELSE '[]'::jsonb END) v
JOIN scenarios s ON s.id::text = lower(v ->> 'scenarioId')
WHERE r.kind = 'comparison';
