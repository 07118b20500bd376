// Saved scenarios: save as new or as a new version (a stale edit refused), list, open, delete.
import { json, call, ApiError } from './api.js';
import { leverFromIntervention } from './levers.js';
import { renderTargets } from './levers-view.js';
import { scenarioToSave, savedSettings, assumptionPositions, problems, plannerReason } from './requests.js';
import { typedSettings } from './runs.js';
import { $, state, workOnPage, unsavedWork, readingKey } from './state.js';
import { savedRows } from './wording.js';
import { clearErrors, showProblems, markInvalid } from './errors.js';
import { afterStart, areaOf, showAssumptions, describePreset, strandedProblem } from './start.js';
import { decideToSave, openDecide } from './decide-view.js';

/**
 * A save refused for Decide's levers or probability (the API's decide.levers[i],
 * decide.probability) said beside Save too, the row's Lever marked: the reason had gone to the
 * row in step 4 alone, the status by the button left empty (a review).
 */
function showDecideRefusal(error) {
  if (!(error instanceof ApiError)) return;
  const decide = problems(error.problem).find((p) => /^decide\./.test(p.field ?? ''));
  if (!decide) return;
  $('save-status').textContent = `Not saved: step 4 (Decide), ${decide.field === 'decide.probability' ? 'the probability'
    : `lever ${Number(/\d+/.exec(decide.field)?.[0] ?? 0) + 1} to search`}: ${plannerReason(decide.reason)}`;
  const row = /^decide\.levers\[(\d+)]$/.exec(decide.field);
  const control = row ? $(`decide-lever-${row[1]}-kind`) : $('decide-probability');
  const slot = row ? $(`decide-lever-${row[1]}-error`) : $('decide-probability-error');
  if (control && slot) markInvalid(control, slot);
}

export const DELETED = 'This scenario was deleted (perhaps in another tab); save it as a new scenario?';

/**
 * The list again when the tab is seen again: another tab may have saved or deleted. A tab
 * switch fires both events: they make one refresh.
 */
export function refreshWhenSeen() {
  let pending = false;
  const refresh = () => {
    if (pending || document.visibilityState !== 'visible' || !document.querySelector('#preset option')) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      listScenarios().catch(() => {});
    }, 100);
  };
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', refresh);
}

/** Lists asked for so far: a reply to an older one is not drawn over a newer. */
let listed = 0;

export function updateSaveButtons() {
  $('save-edit').hidden = !state.saved;
  if (state.saved) $('save-edit').textContent = `Save changes to "${state.saved.name}" (version ${state.saved.version})`;
}

/** The names in the list of saved scenarios as last shown. */
function savedNames() {
  return [...document.querySelectorAll('#scenario-list tbody th')].map((th) => th.textContent);
}

/**
 * Every saved scenario, page after page of the API's 100, oldest first: the list had shown the
 * first page alone, so the 101st scenario saved was never shown (nor could be opened, deleted
 * or found by the check of a name already used).
 */
async function allScenarios() {
  const items = [];
  for (;;) {
    const page = await json(`scenarios?limit=100${items.length ? `&offset=${items.length}` : ''}`);
    items.push(...page.items);
    if (!page.next || page.items.length === 0) return items;
  }
}

export async function listScenarios() {
  const asked = ++listed;
  const items = await allScenarios();
  if (asked !== listed) return;
  const tbody = document.querySelector('#scenario-list tbody');
  // the button that had focus is given it back in the new list (a keyboard user's place)
  const focused = tbody.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  // names that repeat are told apart by when each was saved, in the rows and the buttons' names
  const rows = savedRows(items);
  tbody.replaceChildren(...items.map((item, i) => {
    const { when, label } = rows[i];
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = item.name;
    name.title = `${item.name}: version ${item.version}, last saved ${when}`;
    const version = document.createElement('td');
    version.textContent = item.version;
    const updated = document.createElement('td');
    updated.textContent = when;
    const actions = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open';
    open.setAttribute('aria-label', `Open ${label}`);
    open.addEventListener('click', () => openScenario(item.id, item.name).catch((e) => showProblems(e, $('save-status'))));
    const del = document.createElement('button');
    del.type = 'button';
    del.textContent = 'Delete';
    del.setAttribute('aria-label', `Delete ${label}`);
    del.addEventListener('click', () => deleteScenario(item, rows[i]).catch((e) => showProblems(e, $('save-status'))));
    actions.append(open, ' ', del);
    tr.append(name, version, updated, actions);
    return tr;
  }));
  $('scenario-none').hidden = items.length > 0; // an empty table's header alone had said nothing
  if (focused) [...tbody.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === focused)?.focus();
}

/** A save under way: a second click (a double click) while it is saves nothing more. */
let saving = false;

export async function save(asNew) {
  if (saving) return;
  saving = true;
  try {
    await saveOnce(asNew);
  } finally {
    saving = false;
  }
}

async function saveOnce(asNew) {
  clearErrors();
  $('save-status').textContent = '';
  const name = $('scenario-name').value.trim() || state.start?.label;
  if (!state.start) {
    $('save-status').textContent = 'Choose a preset or calibrate a council first.';
    return;
  }
  // a lever whose team is left to choose is not saved on another (a campaign had been saved
  // as every team's)
  if (strandedProblem(state.levers)) {
    $('save-status').textContent = `Not saved: ${strandedProblem(state.levers)}`;
    return;
  }
  // Decide's levers and probability are saved with it: not while one is at fault (shown there)
  const decide = decideToSave();
  if (decide.problem) {
    $('save-status').textContent = `Not saved: ${decide.problem}`;
    return;
  }
  // a blank name is the baseline's: written in the box, so that what is asked and said next
  // is about a name the planner can see (two spaces had been saved, or refused, as one unseen)
  $('scenario-name').value = name;
  // a second scenario of the same name is allowed (the API keys scenarios by id) but asked
  // about: two rows named alike are easy to open or delete by mistake
  // a name that reads as one saved (another case, a space more, composed otherwise) is asked
  // about too: it had been saved unasked, and the list then showed two alike
  const alike = asNew ? savedNames().find((saved) => readingKey(saved) === readingKey(name)) : undefined;
  if (alike !== undefined
    && !window.confirm(`A scenario named "${alike}" is saved already. Save another with the same name?`)) {
    // the name said: a blank name had become the baseline's unseen, and "choose another name"
    // named none
    $('save-status').textContent = `Not saved: "${alike}" is saved already; choose another name, or save changes to the one open.`;
    return;
  }
  // a preset's notes, asked for as it became the baseline, are saved with it: waited for, and
  // nothing saved if the baseline changed meanwhile (it had mixed one start with another's)
  const start = state.start;
  if (start.notesPending) {
    $('save-status').textContent = 'Waiting for what the preset\'s calibration assumed…';
    await start.notesLoaded;
    $('save-status').textContent = '';
    if (state.start !== start) {
      $('save-status').textContent = 'Not saved: the baseline changed meanwhile; save again.';
      return;
    }
  }
  const scenario = scenarioToSave(state.start.scenario, state.levers, name, areaOf(state.start),
    $('months').value);
  try {
    // the targets, replications and seed are saved with it, so that it reopens as it was run
    const settings = savedSettings(state.targets, typedSettings(),
      assumptionPositions(state.start.scenario, state.levers), state.start.notes ?? [], decide.decide);
    const stored = asNew
      ? await json('scenarios', { method: 'POST', body: { scenario, ...settings } })
      : await json(`scenarios/${state.saved.id}`, { method: 'PUT', body: { version: state.saved.version, scenario, ...settings } });
    if (!asNew && state.start.saved && state.saved?.id === stored.id) {
      // the baseline opened from this scenario is now its new version
      state.start.saved = { name: stored.name, version: stored.version };
      state.start.label = `${stored.name} (saved, version ${stored.version})`;
      state.start.scenario = { ...state.start.scenario, horizonMonths: scenario.horizonMonths };
      showAssumptions();
      describePreset(); // its line names the baseline by its label, now the new version's
    }
    state.saved = { id: stored.id, version: stored.version, name: stored.name };
    state.savedWork = workOnPage();
    updateSaveButtons();
    try {
      await listScenarios();
    } finally {
      // said once the list has it, when the buttons take another click: a Save as new clicked
      // on seeing "Saved" had been ignored while the list was still being read
      $('save-status').textContent = `Saved "${stored.name}", version ${stored.version}.`;
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      $('save-status').textContent = `Not saved: someone changed "${state.saved.name}" since you opened version `
        + `${state.saved.version}. Open it again to see their changes, or save yours as new.`;
      await listScenarios().catch(() => {});
    } else if (e instanceof ApiError && !asNew
      && (e.status === 404 || problems(e.problem).some((p) => /^no scenario/.test(p.reason)))) {
      state.saved = null;
      updateSaveButtons();
      $('save-status').textContent = DELETED;
      await listScenarios().catch(() => {});
    } else {
      showProblems(e, $('save-status'));
      showDecideRefusal(e);
    }
    // the focus kept where a keyboard can go on: on the field at fault, or, where the button
    // pressed went ("Save changes" of a scenario deleted elsewhere), on Save as new, which the
    // message offers (it had been lost to the page's top)
    const at = document.querySelector('#saved [aria-invalid="true"], #settings [aria-invalid="true"]');
    if (at) at.focus();
    else if (!document.activeElement || document.activeElement === document.body) $('save-new').focus();
  }
}

async function openScenario(id, name) {
  clearErrors();
  $('save-status').textContent = '';
  // the levers and targets on the page are replaced: asked first where not saved (a trial's
  // levers, target and name had gone without a word or an undo)
  if (unsavedWork() && !window.confirm(`Open "${name}"? The levers, targets and Decide's levers on the page, not saved, will be replaced.`)) {
    $('save-status').textContent = `Not opened: save the levers, targets and Decide's levers first (Save as new), or open "${name}" again and confirm to replace them.`;
    return;
  }
  const stored = await json(`scenarios/${id}`);
  const { interventions = [], ...rest } = stored.scenario;
  const levers = interventions.map(leverFromIntervention);
  state.start = { scenario: { ...rest, interventions: interventions.filter((_, i) => !levers[i]) },
    label: `${stored.name} (saved, version ${stored.version})`, notes: stored.calibrationNotes ?? [],
    area: areaOf({ scenario: stored.scenario }),
    saved: { name: stored.name, version: stored.version } };
  // the levers that were assumptions (in the baseline too) come back as assumptions
  const assumed = new Set(stored.assumptions ?? []);
  levers.forEach((lever, i) => { if (lever) lever.inBaseline = assumed.has(i); });
  state.levers = levers.filter(Boolean);
  state.targets = [...(stored.targets ?? [])];
  renderTargets();
  $('replications').value = String(stored.replications ?? 1000);
  $('seed').value = String(stored.seed ?? 1);
  state.saved = { id: stored.id, version: stored.version, name: stored.name };
  $('scenario-name').value = stored.name;
  $('save-status').textContent = `Opened "${stored.name}", version ${stored.version}.`;
  afterStart();
  // Decide as it was saved (the defaults for a scenario saved before it was kept)
  openDecide(stored.decide);
  state.savedWork = workOnPage();
}

async function deleteScenario(item, { when, repeated }) {
  clearErrors();
  $('save-status').textContent = '';
  // a stored scenario deleted is gone for everyone: ask first, saying which where names repeat
  const which = repeated ? `version ${item.version}, saved ${when}` : `version ${item.version}`;
  if (!window.confirm(`Delete "${item.name}" (${which}) for everyone? This cannot be undone.`)) {
    $('save-status').textContent = `"${item.name}" kept.`;
    return;
  }
  await call(`scenarios/${item.id}`, { method: 'DELETE' });
  if (state.saved?.id === item.id) {
    state.saved = null;
    // the baseline opened from it is no longer "saved, version 2" (a trial read that after
    // deleting it): said so, with how to keep it
    if (state.start?.saved) {
      state.start.saved = null;
      state.start.label = `${item.name} (deleted from this server: Save as new keeps it)`;
      showAssumptions();
    }
  }
  $('save-status').textContent = `Deleted "${item.name}".`;
  updateSaveButtons();
  await listScenarios();
}
