// The "Decide" section's wiring: a goal-seek's answer and frontier, a tornado (bodies and
// charts in decide.js).
import { json, follow, ApiError } from './api.js';
import { problems } from './requests.js';
import { number, probability } from './format.js';
import { goalSeekRequest, tornadoRequest, frontierChart, frontierNote, tornadoChart, defaultDecideLevers } from './decide.js';
import { $, state } from './state.js';
import { typedSettings } from './runs.js';

/**
 * Submits a goal-seek or sensitivity, waits for its end and returns its results; the caller
 * says "done" once it has drawn them.
 */
async function decide(path, body) {
  $('decide-error').textContent = '';
  $('decide-status').textContent = '';
  if (!state.start) {
    $('decide-error').textContent = 'Choose a preset or calibrate a council first.';
    return null;
  }
  try {
    const created = await json(path, { method: 'POST', body });
    $('decide-status').textContent = `${created.kind} queued`;
    const end = await follow(created.links.events, (status) => {
      $('decide-status').textContent = `${created.kind} ${status.status}: ${number(status.progress.done, 0)} replications`;
    });
    const status = end?.status ? end : await json(`${path}/${created.id}`);
    if (status.status !== 'succeeded') {
      $('decide-status').textContent = `${created.kind} ${status.status}${status.error ? `: ${status.error}` : ''}`;
      return null;
    }
    return await json(created.links.results);
  } catch (e) {
    $('decide-error').textContent = e instanceof ApiError
      ? problems(e.problem).map((p) => `${p.field}: ${p.reason}`).join('; ')
      : e.message ?? String(e);
    return null;
  }
}

export async function goalSeek() {
  const doc = await decide('goal-seeks', goalSeekRequest(state.start, typedSettings(),
    state.targets, $('decide-probability').value, $('decide-levers').value));
  if (!doc) return;
  const a = doc.answer;
  $('goal-seek-answer').textContent = a.status === 'found'
    ? `Cheapest plan: ${a.plan.plan}, P ${probability(a.plan.probability)}`
      + (a.plan.ci95 ? ` (95% interval ${probability(a.plan.ci95[0])} to ${probability(a.plan.ci95[1])})` : '')
      + ` from ${number(a.plan.replications, 0)} replications`
      + (a.cheapestAmongRunOnly ? ' (the cheapest of the plans run: the strongest plan meets the goal less often, so a cheaper one may exist)' : '')
    : `No plan within the ranges reaches ${probability(doc.probability)}; the best reaches ${probability(a.best?.probability ?? 0)}`;
  const note = document.createElement('p');
  note.className = 'hint';
  note.id = 'frontier-note';
  note.textContent = frontierNote(doc);
  const chart = frontierChart(doc);
  chart.setAttribute('aria-describedby', note.id);
  $('frontier-chart').replaceChildren(chart, note);
  $('decide-status').textContent = 'goal-seek done';
}

export async function tornado() {
  const doc = await decide('sensitivities', tornadoRequest(state.start, typedSettings(),
    $('tornado-metric').value, $('tornado-month').value, $('decide-levers').value));
  if (!doc) return;
  $('tornado-chart').replaceChildren(tornadoChart(doc));
  $('decide-status').textContent = 'sensitivity done';
}

let offered = null; // the levers last filled in, while the planner has not changed them

/** After a start: the levers to start from, on the scenario's own teams, unless typed over. */
export function offerDecideLevers() {
  const box = $('decide-levers');
  if (offered !== null && box.value !== offered) return;
  offered = defaultDecideLevers(state.start?.scenario?.teams ?? []);
  box.value = offered;
}
