// Errors next to fields: the API's problems shown beside the field they name.
import { ApiError } from './api.js';
import { leverAt } from './levers.js';
import { problems, plannerReason } from './requests.js';
import { $, state } from './state.js';

/** Clears the errors shown within `root` (the whole page by default) and their marks. */
export function clearErrors(root = document) {
  root.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach(unmark);
}

/** Takes `input`'s invalid mark off: described again by what described it before (its hint), if anything. */
export function unmark(input) {
  input.removeAttribute('aria-invalid');
  if ('describedBy' in input.dataset) {
    if (input.dataset.describedBy) input.setAttribute('aria-describedby', input.dataset.describedBy);
    else input.removeAttribute('aria-describedby');
    delete input.dataset.describedBy;
  }
}

/**
 * A control's error goes as soon as the control is changed: it spoke of the value refused, not
 * of the one now typed (it had stayed beside a corrected field until the next run). Listened
 * for on the way down (capture), before the control's own handlers, so a field that checks
 * itself as it is typed in (the table by team's month) marks its new error after this clears
 * the old.
 */
export function clearOnEdit(root = document) {
  const clear = (event) => {
    const input = event.target;
    if (!(input instanceof Element) || input.getAttribute('aria-invalid') !== 'true') return;
    // its error is the first of what describes it (describedWithError), its hint after
    const slot = document.getElementById((input.getAttribute('aria-describedby') ?? '').trim().split(/\s+/)[0]);
    if (slot?.classList.contains('error')) slot.textContent = '';
    unmark(input);
  };
  root.addEventListener('input', clear, true);
  root.addEventListener('change', clear, true);
}

/**
 * What describes a field while it shows an error: the error first, then what described it
 * before (its hint), so that the hint is not lost while the error shows (a refused Posts had
 * been described by its error alone, its "typical: ..." dropped until retyped).
 */
export function describedWithError(errorId, before = '') {
  const rest = String(before ?? '').split(/\s+/).filter((id) => id && id !== errorId);
  return [errorId, ...rest].join(' ');
}

/** Marks `input` invalid, described by its error `slot` (then its hint) until clearErrors. */
export function markInvalid(input, slot) {
  if (!('describedBy' in input.dataset)) input.dataset.describedBy = input.getAttribute('aria-describedby') ?? '';
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', describedWithError(slot.id || (slot.id = `err-${Math.random().toString(36).slice(2)}`),
    input.dataset.describedBy));
}

function errorSlot(field) {
  // a saved scenario's Decide: a lever to search beside its row, the probability beside it
  const searched = /^decide\.levers\[(\d+)]$/.exec(field ?? '');
  if (searched) return document.getElementById(`decide-lever-${searched[1]}-error`);
  if (field === 'decide.probability') return document.getElementById('decide-probability-error');
  const lever = leverAt(field, state.levers);
  if (lever) {
    return document.querySelector(`.error[data-lever="${lever.index}"][data-field="${lever.field}"]`)
      ?? document.querySelector(`.error[data-lever="${lever.index}"][data-field=""]`);
  }
  const top = field.replace(/^(variants\[\d+]\.|baseline\.)/, '').replace(/\[\d+]$/, '');
  return document.querySelector(`.error[data-field="${top}"]:not([data-lever])`);
}

/**
 * What went wrong that the API did not say, in a planner's words: a request the browser could
 * not send or whose answer broke off (the server stopped, the network is down) had shown the
 * browser's own "Failed to fetch" or "network error" (an outside trial).
 */
export function plainError(error) {
  const message = error?.message ?? String(error);
  if (error instanceof TypeError && /fetch|network|load failed/i.test(message)) {
    return 'The server did not answer (it may have stopped, or the network is down): try again'
      + ' in a moment, or reload the page to see where a run stands.';
  }
  return message;
}

export function showProblems(error, fallback = $('run-error')) {
  if (!(error instanceof ApiError)) {
    fallback.textContent = plainError(error);
    return;
  }
  for (const p of problems(error.problem)) {
    const slot = errorSlot(p.field) ?? fallback;
    const reason = plannerReason(p.reason);
    // a field of its own is named; the body as a whole goes without saying
    slot.textContent = slot === fallback && p.field !== 'body' ? `${p.field}: ${reason}` : reason;
    // The control of the slot's own field only (a section-wide slot, such as the targets', marks none).
    const input = slot.closest('.field')?.querySelector('input, select, textarea');
    if (input && slot !== fallback) markInvalid(input, slot);
  }
}
