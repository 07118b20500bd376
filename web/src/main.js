// The planners' page: wires the controls of each section (modules by section: start.js,
// levers-view.js, runs.js, run-view.js, comparison-view.js, team-view.js, saved.js, decide-view.js) to
// the public API.
import './style.css';
import { onTokenNeeded, TokenRefused } from './api.js';
import { LEVERS, newLever } from './levers.js';
import { runRequest, comparisonRequest, target, targetValue, targetValueProblem, targetMonthProblem } from './requests.js';
import { $, state, teams } from './state.js';
import { clearOnEdit, showProblems, markInvalid, unmark } from './errors.js';
import { loadPresets, loadYears, showYears, usePreset, calibrate, onStarted, afterStart, describePreset, showFacts } from './start.js';
import { keepDraft, takeDraft, restoreFields } from './draft.js';
import { addDecideLever, renderDecideLevers, setDecideRows } from './decide-form.js';
import { renderLevers, renderTargets } from './levers-view.js';
import { typedSettings, execute, cancel, reattach, claimStored, redrawShown } from './runs.js';
import { downloadCsv, downloadWide, markEarlierResults } from './results.js';
import { save, listScenarios, updateSaveButtons, refreshWhenSeen } from './saved.js';
import { goalSeek, usePlan, tornado, offerDecideLevers, cancelDecision, followMonths, claimStoredDecision,
  reattachDecision, redrawDecisions, markStaleDecisions, resumeFollowingMonths } from './decide-view.js';
import { wireTeams } from './team-view.js';
import { targetLabel } from './wording.js';

// Back, then Forward, brought the page back from the browser's cache with its controls as they
// had been but not its own state (a trial found a lever's values in the target builder and the
// baseline silently back to the first preset): such a page starts afresh, as a reload does
// (a run in progress is rejoined). Every control is autocomplete="off", so a page loaded from
// history is not refilled around the page's state either.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});
// what the planner had set is kept for this tab as the page goes, and brought back (draft.js)
window.addEventListener('pagehide', keepDraft);

// ---- token ---------------------------------------------------------------

export const WRONG_TOKEN = 'That token is not this server\'s. Ask whoever runs the server for it.';

onTokenNeeded((wrong) => new Promise((resolve) => {
  const dialog = $('token-dialog');
  $('token-input').value = '';
  $('token-problem').textContent = wrong ? WRONG_TOKEN : '';
  dialog.onclose = () => resolve(dialog.returnValue === 'ok' ? $('token-input').value.trim() : null);
  dialog.showModal();
  $('token-input').focus();
}));

// ---- wiring ------------------------------------------------------------------------

function guard(fn, slot = () => $('run-error')) {
  return () => fn().catch((e) => showProblems(e, slot()));
}

function wire() {
  for (const radio of document.querySelectorAll('input[name=source]')) {
    radio.addEventListener('change', () => {
      const council = document.querySelector('input[name=source]:checked').value === 'council';
      $('source-preset').hidden = council;
      $('source-council').hidden = !council;
    });
  }
  $('lever-type').replaceChildren(...Object.entries(LEVERS).map(([type, def]) => new Option(def.label, type)));
  $('preset').addEventListener('change', describePreset);
  $('load-preset').addEventListener('click', guard(() => usePreset({ said: true }), () => $('run-error')));
  $('calibrate').addEventListener('click', guard(calibrate, () => $('council-error')));
  // Enter in the council or year calibrates, as Enter in a target's value adds it (a trial
  // had pressed Enter and waited)
  for (const id of ['council', 'year']) {
    $(id).addEventListener('keydown', (e) => {
      if (e.key === 'Enter') $('calibrate').click();
    });
  }
  $('add-lever').addEventListener('click', () => {
    state.levers.push(newLever($('lever-type').value, teams(), state.start?.scenario));
    renderLevers();
    // its first field selected, so that what is typed replaces the default (8 typed into a
    // default of 8 had made 88)
    const first = document.querySelector(`#levers fieldset:last-child input`);
    first?.focus();
    first?.select?.();
  });
  const addTarget = () => {
    const metric = $('target-metric').value;
    const error = document.querySelector('[data-field=targets]');
    for (const id of ['target-value', 'target-month']) unmark($(id));
    // the field at fault marked, and the problem said for it (under the targets, as before)
    const valueProblem = targetValueProblem(metric, $('target-value').value);
    const problem = valueProblem ?? targetMonthProblem($('target-month').value, $('months').value);
    if (problem) {
      error.textContent = problem;
      markInvalid($(valueProblem ? 'target-value' : 'target-month'), error);
      $(valueProblem ? 'target-value' : 'target-month').focus();
      return;
    }
    const t = target(metric, $('target-op').value, targetValue(metric, $('target-value').value), $('target-month').value);
    if (state.targets.includes(t)) { // a double click had added it twice
      error.textContent = `"${targetLabel(t)}" is already a target.`;
      return;
    }
    error.textContent = '';
    state.targets.push(t);
    renderTargets();
  };
  $('add-target').addEventListener('click', addTarget);
  for (const id of ['target-value', 'target-month']) {
    $(id).addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addTarget();
      }
    });
  }
  $('run-baseline').addEventListener('click', () => execute('run',
    (start) => runRequest(start, typedSettings(), state.targets, state.levers)));
  $('run-compare').addEventListener('click', () => execute('comparison',
    (start) => comparisonRequest(start, state.levers, typedSettings(), state.targets)));
  $('cancel').addEventListener('click', cancel);
  $('save-new').addEventListener('click', () => save(true));
  $('save-edit').addEventListener('click', () => save(false));
  // Enter in the name saves as new, as the button beside it does (and nothing else: no form
  // is submitted); an Enter that ends an input method's composition is the composition's
  $('scenario-name').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      $('save-new').click();
    }
  });
  $('download-csv').addEventListener('click', guard(downloadCsv));
  $('download-wide').addEventListener('click', downloadWide);
  $('print').addEventListener('click', () => window.print());
  $('goal-seek').addEventListener('click', goalSeek);
  $('add-decide-lever').addEventListener('click', addDecideLever);
  $('use-plan').addEventListener('click', usePlan);
  $('tornado').addEventListener('click', tornado);
  $('decide-cancel').addEventListener('click', cancelDecision);
  $('months').addEventListener('input', followMonths);
  $('months').addEventListener('input', showFacts); // the baseline's line says the months runs use
  // results on screen said to be of the last run once a lever, target or setting typed differs
  // (each field's own listener has updated the state by the time the event reaches the section)
  for (const type of ['input', 'change']) $('settings').addEventListener(type, markEarlierResults);
  // and Decide's answers once what they were asked with differs (a lever or target added or
  // removed is a click, after which the event reaches the section)
  for (const id of ['settings', 'decide']) {
    for (const type of ['input', 'change', 'click']) $(id).addEventListener(type, markStaleDecisions);
  }
  $('token-retry').addEventListener('click', load);
  wireTeams();
  refreshWhenSeen();
}

/** Presets, the default one, the saved scenarios, and the run this tab was following. */
async function load() {
  $('token-needed').hidden = true;
  const job = claimStored();
  const decision = claimStoredDecision();
  try {
    await loadPresets();
    await loadYears();
    const draft = takeDraft();
    if (draft) restoreDraft(draft);
    else await usePreset();
    await listScenarios();
  } catch (e) {
    if (e instanceof TokenRefused) {
      $('token-needed').hidden = false;
      $('token-retry').focus();
    } else showProblems(e);
    return;
  }
  redrawShown(); // the results on screen before the reload, while a run followed again goes on
  reattach(job);
  redrawDecisions(decision); // the answers on screen before the reload, but a search followed again draws its own
  reattachDecision(decision);
}

/** The page as the planner left it (draft.js): its baseline, levers, targets and fields. */
function restoreDraft(draft) {
  state.start = { ...draft.start };
  if (draft.start.preset) {
    $('preset').value = draft.start.preset;
    describePreset();
  }
  state.levers = draft.levers;
  state.targets = draft.targets;
  state.saved = draft.saved ?? null;
  state.savedWork = draft.savedWork ?? null;
  renderTargets();
  afterStart({ sayMonths: false });
  restoreFields(draft);
  if (draft.decideRows) setDecideRows(draft.decideRows);
  showFacts();
  resumeFollowingMonths();
}

async function init() {
  onStarted(updateSaveButtons);
  onStarted(offerDecideLevers);
  onStarted(followMonths);
  onStarted(markEarlierResults);
  onStarted(markStaleDecisions);
  showYears(); // until the server says which it has (loadYears)
  wire();
  clearOnEdit();
  renderLevers();
  renderDecideLevers();
  await load();
  document.body.dataset.ready = 'true';
}

init();
