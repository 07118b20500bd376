// "Start from": a preset, a council calibrated on the spot, or (saved.js) a stored scenario;
// what the baseline assumes, and the council's published figures.
import { json, ApiError } from './api.js';
import { LEVERS } from './levers.js';
import { problems, plannerReason, calibrationRequest } from './requests.js';
import { scenarioFacts, isVeryUncertain, uncertaintyWarning } from './wording.js';
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
  facts.textContent = scenarioFacts(s.scenario);
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

/** Each preset's description, by name, as the API lists them. */
let descriptions = new Map();

/**
 * The presets as options of their names (short enough for a phone's width), the chosen one's
 * description under the select (#preset-description, its accessible description).
 */
export async function loadPresets() {
  const { items } = await json('presets');
  descriptions = new Map(items.map((p) => [p.name, p.description]));
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
  $('preset-pending').textContent = state.start && state.start.preset !== name
    ? `Not the baseline until you press Use this preset (the baseline is ${state.start.preset ?? state.start.label}).` : '';
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
  state.start = { preset: name, scenario, label: presetLabel(name), notes: [] };
  state.saved = null;
  afterStart();
  if (said) sayStart();
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
    const body = calibrationRequest($('council').value, $('year').value);
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
        const slot = p.field === 'la' ? $('council-error') : p.field === 'year' ? $('year-error') : $('council-error');
        slot.textContent = plannerReason(p.reason);
        const input = p.field === 'la' ? $('council') : p.field === 'year' ? $('year') : null;
        if (input) markInvalid(input, slot);
      }
    } else throw e;
  } finally {
    state.starting = null;
    button.removeAttribute('aria-disabled');
  }
}

/**
 * Moves each lever on a team not in `names` to one that is (the first, or every team where the
 * field may be blank), and returns what moved: {lever, from, to}.
 */
export function movedLevers(levers, names) {
  const moved = [];
  for (const lever of levers) {
    for (const f of LEVERS[lever.type].fields) {
      const from = lever.values[f.name];
      if ((f.kind !== 'team' && f.kind !== 'optionalTeam') || names.includes(from)) continue;
      const to = f.kind === 'team' ? names[0] ?? '' : '';
      lever.values[f.name] = to;
      if (from) moved.push({ lever: LEVERS[lever.type].label, from, to: to || 'every team' });
    }
  }
  return moved;
}

/**
 * After a start: its assumptions, its council's figures, its months, levers on its teams. A
 * lever on a team the new baseline has not is moved to one it has, and said so under the
 * baseline (a trial's levers on Medway's localities had moved to the assessment team unsaid,
 * and the comparison then tested another plan).
 */
export function afterStart() {
  showAssumptions();
  loadActuals(state.start);
  $('months').value = String(state.start.scenario.horizonMonths);
  const moved = movedLevers(state.levers, teams());
  if (moved.length) {
    $('start-status').textContent = `${state.start.preset ?? state.start.label} has no team ${[...new Set(moved.map((m) => m.from))].join(' or ')}:`
      + ` ${moved.map((m) => `${m.lever} moved from ${m.from} to ${m.to}`).join('; ')}. Check the levers.`;
  }
  renderLevers();
  describePreset();
  for (const listener of started) listener();
}
