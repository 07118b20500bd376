// The page's state, shared by its sections, and the one DOM shorthand they all use.

export const $ = (id) => document.getElementById(id);

export const state = {
  start: null, // {preset?, scenarioId?, scenario, label, notes}
  levers: [],
  targets: [],
  saved: null, // {id, version, name}
  last: null, // {kind, status, result}
  active: null, // {kind, id, abort}
  actuals: null, // the council's published figures, from /actuals
};

/** The names of the started scenario's teams, in order. */
export function teams() {
  return (state.start?.scenario?.teams ?? []).map((t) => t.name);
}
