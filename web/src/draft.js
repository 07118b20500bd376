// The page as a planner left it (the baseline, levers, targets, run settings, the name, the
// Decide fields), kept in the tab's sessionStorage when the page goes (a reload, Back from
// another page) and brought back when it loads: a trial's reload mid-run had set the start
// back to the first preset, Months and Replications to their defaults, and cleared the levers
// and targets, while the run it rejoined was of the council left behind.
import { LEVERS } from './levers.js';
import { rowsFromDraft, rowsFromLines } from './decide-levers.js';
import { $, state, storedJson, forgetShown } from './state.js';

const DRAFT_KEY = 'caseload.draft';

/** The controls whose values are kept, by id. */
const FIELDS = ['council', 'year', 'replications', 'months', 'seed', 'scenario-name',
  'decide-probability', 'tornado-metric', 'tornado-month'];

/** Keeps the page's state for this tab (nothing without a baseline). */
export function keepDraft() {
  if (!state.start?.scenario) return;
  const { preset, scenarioId, scenario, label, notes, area, saved } = state.start;
  const draft = {
    start: { preset, scenarioId, scenario, label, notes, area, saved },
    levers: state.levers, targets: state.targets, saved: state.saved, savedWork: state.savedWork,
    decide: state.decideRows,
    fields: Object.fromEntries(FIELDS.map((id) => [id, $(id)?.value ?? ''])),
    source: document.querySelector('input[name=source]:checked')?.value ?? 'preset',
  };
  const text = JSON.stringify(draft);
  try {
    sessionStorage.setItem(DRAFT_KEY, text);
  } catch {
    // storage full: the results kept for a reload give way to the page itself (a large
    // calibrated scenario had left the draft unwritten and the levers and targets lost)
    try {
      forgetShown();
      sessionStorage.setItem(DRAFT_KEY, text);
    } catch {
      // still full or refused: the page starts afresh, as before
    }
  }
}

/**
 * The kept state, taken (forgotten once read), or null; one of another shape (an older
 * page's, or edited by hand) is forgotten, and levers of kinds this page does not know are
 * left out.
 */
/**
 * A kept lever's teams left to choose (start.js's strandLevers), as { stranded } where it has
 * any: a reload had dropped them, and the lever then went to the first team unsaid.
 */
function strandedOf(lever) {
  const kept = lever.stranded && typeof lever.stranded === 'object' ? Object.entries(lever.stranded)
    .filter(([field, team]) => typeof team === 'string' && team && LEVERS[lever.type].fields.some((f) => f.name === field && (f.kind === 'team' || f.kind === 'optionalTeam'))) : [];
  return kept.length ? { stranded: Object.fromEntries(kept) } : {};
}

export function takeDraft() {
  const draft = storedJson(DRAFT_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
  if (!draft?.start?.scenario || typeof draft.start.label !== 'string'
    || !Array.isArray(draft.levers) || !Array.isArray(draft.targets)) return null;
  const levers = draft.levers.filter((l) => LEVERS[l?.type] && l.values && typeof l.values === 'object')
    .map((l) => ({ type: l.type, values: { ...l.values }, inBaseline: Boolean(l.inBaseline), ...strandedOf(l) }));
  const targets = draft.targets.filter((t) => typeof t === 'string');
  // Decide's rows as typed; a draft of the page before the form had its levers as lines
  const oldLines = draft.fields?.['decide-levers'];
  const decideRows = rowsFromDraft(draft.decide)
    ?? (typeof oldLines === 'string' ? rowsFromLines(oldLines.split('\n')) : null);
  return { ...draft, levers, targets, decideRows };
}

/** Puts the kept fields back (after the start's own defaults are set), and the source chosen. */
export function restoreFields(draft) {
  for (const id of FIELDS) {
    const value = draft.fields?.[id];
    if (typeof value === 'string' && $(id)) $(id).value = value;
  }
  const source = document.querySelector(`input[name=source][value="${draft.source === 'council' ? 'council' : 'preset'}"]`);
  if (source && !source.checked) {
    source.checked = true;
    source.dispatchEvent(new Event('change'));
  }
}
