// The page's state, shared by its sections, and the one DOM shorthand they all use.

export const $ = (id) => document.getElementById(id);

export const state = {
  start: null, // {preset?, scenarioId?, scenario, label, notes, area?, saved?, actuals, actualsLoaded}
  levers: [],
  targets: [],
  saved: null, // {id, version, name}
  last: null, // {kind, status, result, start, levers}: results drawn with the start they were run from
  active: null, // {kind, path, id}
  refused: false, // the last run or comparison asked for was refused: results shown are older
};

/** The names of the started scenario's teams, in order. */
export function teams() {
  return (state.start?.scenario?.teams ?? []).map((t) => t.name);
}
