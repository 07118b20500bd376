// The page's state, shared by its sections, and the one DOM shorthand they all use.

import { defaultRows, formLines } from './decide-levers.js';

export const $ = (id) => document.getElementById(id);

export const state = {
  start: null, // {preset?, scenarioId?, scenario, label, notes, area?, saved?, actuals, actualsLoaded}
  levers: [],
  targets: [],
  decideRows: [], // Decide's levers to search, as the form holds them (decide-levers.js)
  saved: null, // {id, version, name}
  last: null, // {kind, status, result, start, levers}: results drawn with the start they were run from
  active: null, // {kind, path, id}
  refused: false, // the last run or comparison asked for was refused: results shown are older
  starting: null, // the baseline being calibrated ("Dorset 2018"): nothing runs until it is in
  decision: null, // {start, text}: the last goal-seek's answer, for the printed summary
  savedWork: null, // workOnPage() when last saved or opened: what opening another would lose
};

/**
 * The levers, targets and Decide's levers and probability on the page, as text to compare:
 * opening a saved scenario replaces them, so it asks first where they differ from what was
 * last saved or opened.
 */
export function workOnPage() {
  return JSON.stringify({ levers: state.levers.map((l) => [l.type, l.values, Boolean(l.inBaseline)]),
    targets: state.targets, decide: decideOnPage() });
}

/** Decide's levers (as goal-seek's lines) and probability, as typed. */
function decideOnPage() {
  return { levers: formLines(state.decideRows), probability: $('decide-probability')?.value.trim() ?? '' };
}

/**
 * Whether the page has work not saved that opening a scenario would lose: levers, targets, or
 * Decide's levers or probability changed from their defaults (Decide's had been replaced
 * without a word).
 */
export function unsavedWork() {
  const defaults = JSON.stringify({ levers: formLines(defaultRows(state.start?.scenario?.teams ?? [])), probability: '0.8' });
  const decideChanged = JSON.stringify(decideOnPage()) !== defaults;
  return (state.levers.length > 0 || state.targets.length > 0 || decideChanged) && workOnPage() !== state.savedWork;
}

/** The names of the started scenario's teams, in order. */
export function teams() {
  return (state.start?.scenario?.teams ?? []).map((t) => t.name);
}

/**
 * Why nothing may be run now, or null: a baseline being calibrated (a run asked for then had
 * run the previous baseline under the new council's name).
 */
export function waitingForStart() {
  return state.starting ? `Wait: ${state.starting} is being calibrated; it becomes the baseline when done.` : null;
}

/** What this tab keeps under `key` (sessionStorage), read as JSON; null when none or not JSON. */
export function storedJson(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * Whether two starts are the same baseline: one object, or a start kept across a reload (a
 * run's, the results') and the page's own, or the same chosen again: the same preset, the
 * same saved scenario with the same content (a new version saved with no change is the same),
 * or a calibration of the same name and content. A start's label may change while it stays
 * the same baseline (a saved scenario's version), so it is not compared where a preset or a
 * saved scenario names it.
 */
export function sameStart(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const sameScenario = JSON.stringify(a.scenario) === JSON.stringify(b.scenario);
  if (a.scenarioId || b.scenarioId) return a.scenarioId === b.scenarioId && sameScenario;
  if (a.saved || b.saved) return a.saved?.name === b.saved?.name && sameScenario;
  if (a.preset || b.preset) return a.preset === b.preset;
  return a.label === b.label && sameScenario;
}

/** The run or comparison whose results are drawn, kept so that a reload draws them again (runs.js). */
export const SHOWN_KEY = 'caseload.shown';

/** The goal-seek and tornado drawn, by kind, kept so that a reload draws them again (decide-view.js). */
export const DRAWN_KEYS = { 'goal-seek': 'caseload.decided.goal-seek', sensitivity: 'caseload.decided.sensitivity' };

/** Forgets the results kept for a reload (the tab's storage is wanted for the page's draft). */
export function forgetShown() {
  for (const key of [SHOWN_KEY, ...Object.values(DRAWN_KEYS)]) sessionStorage.removeItem(key);
}

/** A start without its figures, as kept for a reload: enough to draw results with it. */
export function portable(start) {
  const { preset, scenarioId, scenario, label, notes, area, saved } = start ?? {};
  return { preset, scenarioId, scenario, label, notes, area, saved };
}

/**
 * How a reader tells a name apart from others, as the server's PlainText.readingKey: its
 * compatibility form (NFKC), without characters that show nothing, runs of spaces as one, none
 * at the ends, case ignored ("Cafe\u0301" and "café " read alike).
 */
export function readingKey(name) {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/[\s\p{Zs}]+/gu, ' ').trim().toLowerCase();
}
