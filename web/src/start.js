// "Start from": a preset, a council calibrated on the spot, or (saved.js) a stored scenario;
// what the baseline assumes, and the council's published figures.
import { json, ApiError } from './api.js';
import { LEVERS, unstrand } from './levers.js';
import { problems, plannerReason, calibrationRequest } from './requests.js';
import { scenarioFacts, isVeryUncertain, uncertaintyWarning, isWarnedNote, noteWarning } from './wording.js';
import { $, state, teams } from './state.js';
import { clearErrors, markInvalid } from './errors.js';
import { renderLevers } from './levers-view.js';

const started = [];

/** Calls `listener` after every start, once the rest of the page has caught up. */
export function onStarted(listener) {
  started.push(listener);
}

/**
 * The council a baseline is of: the calibration's area, the scenario's `area` (calibrations,
 * presets and saved scenarios keep it whatever they are named), or, for a scenario saved
 * before that field, its name's "X at 30 September".
 */
export function areaOf(start) {
  return start?.area ?? start?.scenario?.area
    ?? /^(.+) at 30 September \d{4}$/.exec(start?.scenario?.name ?? '')?.[1] ?? null;
}

/**
 * The council's published figures, kept with the start they are of (`start.actuals`, and
 * `start.actualsLoaded` to wait for), so results are drawn with their own start's figures.
 */
export function loadActuals(start) {
  start.actuals = null;
  const area = areaOf(start);
  start.actualsLoaded = !area ? Promise.resolve(null)
    : json(`actuals?la=${encodeURIComponent(area)}`)
      .then((a) => { start.actuals = a; return a; })
      .catch(() => null); // a preset of a made-up council has none: draw the run alone
  return start.actualsLoaded;
}

/** The baseline's heading, facts and notes, as they are now. */
export function showAssumptions() {
  const box = $('assumptions');
  const s = state.start;
  box.replaceChildren();
  if (!s) return;
  const h = document.createElement('h3');
  h.textContent = `Baseline: ${s.label}`;
  const facts = document.createElement('p');
  facts.id = 'baseline-facts';
  facts.textContent = scenarioFacts(s.scenario, $('months').value);
  box.append(h, facts);
  // parameters the council's own figures leave very uncertain, said before the bands are read
  const wide = (s.notes ?? []).filter(isVeryUncertain);
  if (wide.length) {
    const warning = document.createElement('p');
    warning.id = 'baseline-warning';
    warning.className = 'warning';
    warning.textContent = uncertaintyWarning(wide);
    box.append(warning);
  }
  // a return the calibration found doubtful, futures that recruit nobody: said first
  (s.notes ?? []).filter(isWarnedNote).forEach((note, i) => {
    const warning = document.createElement('p');
    warning.id = `note-warning-${i}`;
    warning.className = 'warning';
    warning.textContent = noteWarning(note);
    box.append(warning);
  });
  if (s.notes?.length) {
    const intro = document.createElement('p');
    intro.textContent = 'What the calibration assumed:';
    const ul = document.createElement('ul');
    ul.className = 'notes';
    for (const n of s.notes) {
      const li = document.createElement('li');
      li.textContent = n;
      ul.append(li);
    }
    box.append(intro, ul);
  }
}

/**
 * The baseline's line said again with the months now typed (Months changed, or put back from
 * a draft or a saved scenario), as runs use them.
 */
export function showFacts() {
  const facts = document.getElementById('baseline-facts');
  if (facts && state.start?.scenario) facts.textContent = scenarioFacts(state.start.scenario, $('months').value);
}

/**
 * The years of the DfE's workforce returns a council can be calibrated from, where the server
 * does not say (its England figures, returnYears, say which it has): the page's one copy.
 */
export const RETURN_YEARS = Object.freeze({ first: 2017, last: 2022 });

/**
 * The first and last year of the returns the server has, from its published figures for
 * England (GET actuals?la=England: a year for each workforce return), or RETURN_YEARS where
 * it gives none.
 */
export function returnYears(actuals) {
  const years = (Array.isArray(actuals?.years) ? actuals.years : []).map((y) => y?.year).filter(Number.isInteger);
  return years.length ? { first: Math.min(...years), last: Math.max(...years) } : RETURN_YEARS;
}

/** The hint beside the Year box: "returns published 2017-2022". */
export function yearsHint({ first, last }) {
  return first === last ? `returns published ${last}` : `returns published ${first}-${last}`;
}

/** The Year box set to the latest return (`years`), its range beside it. */
export function showYears(years = RETURN_YEARS) {
  $('year').value = String(years.last);
  $('year-hint').textContent = yearsHint(years);
}

/**
 * The Year box at the latest return the server has, its range beside it (the box had said 2019
 * though returns to 2022 were shipped; an outside trial); RETURN_YEARS where the server cannot
 * say. Before a draft's fields are put back, which keep a year typed.
 */
export async function loadYears() {
  showYears(await json('actuals?la=England').then(returnYears, () => RETURN_YEARS));
}

/** Each preset's description, by name, as the API lists them. */
let descriptions = new Map();

/** What each calibrated preset was calibrated from ({la, year, months}), by name. */
let calibratedFrom = new Map();

/**
 * The presets as options of their names (short enough for a phone's width), the chosen one's
 * description under the select (#preset-description, its accessible description).
 */
export async function loadPresets() {
  const { items } = await json('presets');
  descriptions = new Map(items.map((p) => [p.name, p.description]));
  calibratedFrom = new Map(items.filter((p) => p.calibratedFrom).map((p) => [p.name, p.calibratedFrom]));
  const select = $('preset');
  select.replaceChildren(...items.map((p) => new Option(p.name, p.name)));
  select.value = items.some((p) => p.name === 'medway-2019') ? 'medway-2019' : items[0]?.name;
  describePreset();
}

/**
 * The chosen preset's description, under the select, and, where it is not the baseline, that
 * it is not yet (a trial's run had run the baseline under another preset's description).
 */
export function describePreset() {
  const name = $('preset').value;
  $('preset-description').textContent = descriptions.get(name) ?? '';
  $('preset-pending').textContent = pendingPreset(state.start, name);
}

/**
 * Under a preset chosen that is not the baseline: that it is not yet, and, where the baseline
 * is a saved scenario or a calibrated council, that Use this preset would replace it (a saved
 * Medway 2022 reopened in a new tab had shown "A preset: medway-2019" as where it started).
 */
export function pendingPreset(start, name) {
  if (!start || start.preset === name) return '';
  if (start.preset) return `Not the baseline until you press Use this preset (the baseline is ${start.preset}).`;
  const what = start.saved ? `the saved scenario "${start.saved.name}", version ${start.saved.version}` : start.label;
  return `The baseline is ${what}, not a preset; Use this preset would replace it with ${name}.`;
}

/** A preset as the page names a baseline: "medway-2019: Medway at 30 September 2019, calibrated". */
function presetLabel(name) {
  const description = descriptions.get(name);
  return description ? `${name}: ${description}` : name;
}

/**
 * A baseline chosen, said to a screen reader in a line: what it is, and that its facts and
 * assumptions follow. The box of those had been a live region, read whole (a calibrated
 * council's, over a thousand characters) at every choice and every load of the page.
 */
function sayStart() {
  $('start-announce').textContent = `Baseline: ${state.start.label}. Its facts and what it assumes are below.`;
}

/** The preset chosen as the baseline; `said` (a planner's choice, not the page's first load) says so. */
export async function usePreset({ said = false } = {}) {
  clearErrors();
  $('start-status').textContent = '';
  const name = $('preset').value;
  const scenario = await json(`presets/${encodeURIComponent(name)}`);
  const start = { preset: name, scenario, label: presetLabel(name), notes: [] };
  state.start = start;
  state.saved = null;
  afterStart();
  if (said) sayStart();
  // not waited for here (the preset is the baseline now); a save waits for them, to keep them
  start.notesPending = true;
  start.notesLoaded = presetNotes(start, calibratedFrom.get(name)).finally(() => { start.notesPending = false; });
}

/**
 * What a calibrated preset assumed, under it as a calibration's notes are (a planner starting
 * from a preset had read none): its calibration asked for again, its notes taken only where
 * it gives the preset itself (a server with other DfE data would not), and shown only while
 * the preset is still the baseline. Nothing is said where it cannot be had.
 */
async function presetNotes(start, from) {
  if (!from) return;
  try {
    const answer = await json('calibrations', { method: 'POST', body: from });
    if (state.start === start && sameJson(answer.scenario, start.scenario)) {
      start.notes = answer.notes ?? [];
      showAssumptions();
    }
  } catch {
    // the notes are a help, not the baseline: without them the preset runs as it is
  }
}

/** Whether two parsed JSON values are the same, whatever the order of their objects' keys. */
export function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length
    && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

/**
 * The council and year typed calibrated and made the baseline. The button is marked
 * aria-disabled meanwhile, and a click on it (or Enter in the council or year) does nothing:
 * disabled, it had dropped the keyboard's focus to the page's start.
 */
export async function calibrate() {
  const button = $('calibrate');
  if (button.getAttribute('aria-disabled') === 'true') return;
  clearErrors();
  const status = $('start-status');
  button.setAttribute('aria-disabled', 'true');
  state.starting = `${$('council').value.trim()} ${$('year').value.trim()}`;
  status.textContent = `Calibrating ${state.starting}…`;
  try {
    const body = calibrationRequest($('council').value, $('year').value, $('months').value);
    const answer = await json('calibrations', { method: 'POST', body });
    state.start = { scenario: answer.scenario, label: `${answer.area} ${answer.year} (calibrated)`,
      notes: answer.notes, area: answer.area };
    state.saved = null;
    status.textContent = '';
    afterStart();
    sayStart();
  } catch (e) {
    // the baseline has not changed: said, as the council typed is no longer the one it is of
    status.textContent = state.start ? `Not calibrated: the baseline is still ${state.start.label}.` : '';
    if (e instanceof ApiError) {
      for (const p of problems(e.problem)) {
        // the Months sent with it (a server's limit below them) beside Months, named
        const months = p.field === 'months' ? document.querySelector('.error[data-field="months"]') : null;
        const slot = months ?? (p.field === 'year' ? $('year-error') : $('council-error'));
        slot.textContent = months ? `Months: ${plannerReason(p.reason)}` : plannerReason(p.reason);
        const input = p.field === 'la' ? $('council') : p.field === 'year' ? $('year') : months ? $('months') : null;
        if (input) markInvalid(input, slot);
      }
    } else throw e;
  } finally {
    state.starting = null;
    button.removeAttribute('aria-disabled');
  }
}

/**
 * Levers on a team the baseline has not: their team is left for the planner to choose (the
 * lever's `stranded` keeps, by field, the team it named), and nothing runs until each is
 * chosen (strandedProblem). Each such lever is returned as { lever, from }. Such levers had
 * been moved to the baseline's first team, said only under the baseline: a trial's 9
 * long-term posts became 9 assessment posts and were compared so.
 */
export function strandLevers(levers, names) {
  const stranded = [];
  for (const lever of levers) {
    for (const f of LEVERS[lever.type].fields) {
      if (f.kind !== 'team' && f.kind !== 'optionalTeam') continue;
      const wanted = lever.stranded?.[f.name] ?? lever.values[f.name];
      unstrand(lever, f.name);
      if (names.includes(wanted)) {
        lever.values[f.name] = wanted; // back on a baseline that has its team
      } else if (!wanted) {
        // none was chosen (a lever added before any baseline): the first team, or every team
        lever.values[f.name] = f.kind === 'team' ? names[0] ?? '' : '';
      } else {
        lever.values[f.name] = '';
        lever.stranded = { ...lever.stranded, [f.name]: wanted };
        stranded.push({ lever: LEVERS[lever.type].label, from: wanted });
      }
    }
  }
  return stranded;
}

/**
 * Why nothing may run while a lever's team is not one of the baseline's (strandLevers), or
 * null: "Choose a team for lever 1 (Posts): the baseline has no team west."
 */
export function strandedProblem(levers) {
  const each = levers.flatMap((lever, i) => Object.values(lever.stranded ?? {})
    .map((from) => `lever ${i + 1} (${LEVERS[lever.type].label}): the baseline has no team ${from}`));
  return each.length ? `Choose a team for ${each.join('; ')}.` : null;
}

/**
 * After a start: its assumptions, its council's figures, its months (said where they replace
 * other Months typed, unless `sayMonths` is false: a draft put back restores its own), levers
 * on its teams. A lever on a team the new baseline has not waits for the planner to choose one
 * (strandLevers), said under the baseline and at the lever.
 */
export function afterStart({ sayMonths = true } = {}) {
  const typed = sayMonths ? $('months').value.trim() : '';
  $('months').value = String(state.start.scenario.horizonMonths);
  // a preset or a saved scenario brings its own horizon: said where it replaced other Months
  const said = [];
  if (/^[0-9]+$/.test(typed) && Number(typed) !== state.start.scenario.horizonMonths) {
    said.push(`Months is now ${state.start.scenario.horizonMonths}, the baseline's own (it was ${typed}).`);
  }
  showAssumptions();
  loadActuals(state.start);
  const stranded = strandLevers(state.levers, teams());
  if (stranded.length) {
    said.unshift(`${state.start.preset ?? state.start.label} has no team ${[...new Set(stranded.map((m) => m.from))].join(' or ')}:`
      + ` choose a team for ${stranded.map((m) => m.lever).join(', ')} (the levers below).`);
  }
  if (said.length) $('start-status').textContent = said.join(' ');
  renderLevers();
  describePreset();
  for (const listener of started) listener();
}
