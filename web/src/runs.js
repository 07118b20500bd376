// Running a baseline or a comparison: submit, follow its progress, cancel, then draw it.
import { json, call, follow } from './api.js';
import { number } from './format.js';
import { $, state } from './state.js';
import { clearErrors, showProblems } from './errors.js';
import { renderRun } from './run-view.js';
import { renderComparison } from './comparison-view.js';

/** Replications, months and seed as typed (strings). */
export function typedSettings() {
  return { replications: $('replications').value, months: $('months').value, seed: $('seed').value };
}

function busy(on) {
  $('progress').hidden = !on;
  $('cancel').hidden = !on;
  $('run-baseline').disabled = on;
  $('run-compare').disabled = on || state.levers.length === 0;
  if (on) {
    $('progress').value = 0;
    $('progress-text').textContent = 'Queued';
  }
}

export async function execute(kind, body) {
  clearErrors();
  if (!state.start) {
    $('run-error').textContent = 'Choose a preset or calibrate a council first.';
    return;
  }
  const path = kind === 'run' ? 'runs' : 'comparisons';
  const teams = state.start.scenario.teams.map((t) => ({ name: t.name, role: t.role }));
  busy(true);
  const abort = new AbortController();
  try {
    const created = await json(path, { method: 'POST', body });
    state.active = { kind, id: created.id, abort };
    const started = performance.now();
    const end = await follow(created.links.events, (status) => {
      const p = status.progress;
      $('progress').value = p.fraction;
      $('progress-text').textContent = `${status.status}: ${number(p.done, 0)} of ${number(p.total, 0)} replications`;
    }, abort.signal);
    const status = end?.status === 'succeeded' || end?.status === 'failed' || end?.status === 'cancelled'
      ? end : await json(`${path}/${created.id}`);
    if (status.status !== 'succeeded') {
      $('progress-text').textContent = status.status === 'cancelled' ? 'Cancelled' : `Failed: ${status.error ?? ''}`;
      return;
    }
    const result = await json(created.links.results);
    await state.actualsLoaded;
    const seconds = (performance.now() - started) / 1000;
    $('progress-text').textContent = `Done in ${number(seconds, 1)} s`;
    state.last = { kind, status, result, body, teams, levers: state.levers.map((l) => ({ type: l.type, values: { ...l.values } })) };
    if (kind === 'run') renderRun(result);
    else renderComparison(result);
  } catch (e) {
    showProblems(e);
    $('progress-text').textContent = '';
  } finally {
    state.active = null;
    busy(false);
    $('progress').hidden = true;
  }
}

export async function cancel() {
  const a = state.active;
  if (!a) return;
  try {
    await call(`${a.kind === 'run' ? 'runs' : 'comparisons'}/${a.id}`, { method: 'DELETE' });
    $('progress-text').textContent = 'Cancelling...';
  } catch (e) {
    showProblems(e);
  }
}
