// Running a baseline or a comparison: submit, follow its progress, cancel, then draw it with
// the start it was submitted from. The running resource is remembered in the tab's
// sessionStorage, so a reload reattaches to it (progress, Cancel, then its results), and so
// is the one whose results are drawn, so a reload draws them again.
import { json, call, follow, ApiError } from './api.js';
import { number, progressReader } from './format.js';
import { $, state, waitingForStart, storedJson, sameStart, SHOWN_KEY, portable } from './state.js';
import { clearErrors, showProblems } from './errors.js';
import { loadActuals, strandedProblem } from './start.js';
import { renderRun } from './run-view.js';
import { renderComparison } from './comparison-view.js';
import { markEarlierResults, typedNow } from './results.js';
import { planLevers } from './levers.js';
import { announcer } from './announce.js';
import { targetsBeyondMonths } from './wording.js';

const NO_BASELINE = 'Choose a preset or calibrate a council first.';

/**
 * Why there is no baseline to run, in words: the server's token where it has not been given
 * (a planner who cancelled the token's question had been told to choose a preset, which the
 * page could not list), else a preset or council to choose.
 */
export function noStart() {
  return $('token-needed').hidden ? NO_BASELINE
    : 'This server needs its token first: press Enter the token, at the top of the page.';
}
const ACTIVE_KEY = 'caseload.active';

/** Replications, months and seed as typed (strings). */
export function typedSettings() {
  return { replications: $('replications').value, months: $('months').value, seed: $('seed').value };
}

let announcements = null;

/** What a screen reader is told of the run (announce.js): its start, its end, progress rarely. */
function told() {
  announcements ??= announcer($('run-announce'));
  return announcements;
}

/** The run's state on screen (#progress-text), and said (its start, its end, a cancel). */
function tell(text) {
  $('progress-text').textContent = text;
  told().say(text);
}

function busy(on) {
  $('progress').hidden = !on;
  $('cancel').hidden = !on;
  $('run-baseline').disabled = on;
  $('run-compare').disabled = on || planLevers(state.levers).length === 0;
  if (on) {
    $('progress').value = 0;
    $('progress-text').textContent = 'Queued';
  }
}

let unloading = false;
window.addEventListener('pagehide', () => { unloading = true; });
// back from the back-forward cache: the page lives on, so its runs are forgotten again as they end
window.addEventListener('pageshow', () => { unloading = false; });

function remember(job) {
  try {
    sessionStorage.setItem(ACTIVE_KEY, JSON.stringify(job));
  } catch {
    // storage full or refused: the run is still followed, just not after a reload
  }
}

function forget() {
  if (!unloading) sessionStorage.removeItem(ACTIVE_KEY);
}

function keepShown(job) {
  try {
    sessionStorage.setItem(SHOWN_KEY, JSON.stringify(job));
  } catch {
    // storage full or refused: the results are drawn, just not again after a reload
  }
}

/** A kept job's start: the page's own where it is the same baseline, else its own copy, its published figures asked for. */
function startOf(job) {
  if (sameStart(job.start, state.start)) return state.start;
  const start = { ...job.start };
  loadActuals(start);
  return start;
}

/** A kept job of the shape this page writes, or null (an older page's, or edited by hand). */
function validJob(job) {
  return job?.id && job.links?.events && job.links?.results && job.start?.scenario
    && ['run', 'comparison'].includes(job.kind) ? job : null;
}

/**
 * Submits a run ('run') or a comparison ('comparison') of the current start, `makeBody(start)`
 * giving its body; the results are drawn with that start (its name, council, published
 * figures and assumptions), whatever is chosen while it runs.
 */
export async function execute(kind, makeBody) {
  clearErrors();
  const start = state.start;
  if (!start) {
    $('run-error').textContent = noStart();
    return;
  }
  if (waitingForStart()) {
    $('run-error').textContent = waitingForStart();
    return;
  }
  if (strandedProblem(state.levers)) {
    $('run-error').textContent = strandedProblem(state.levers);
    return;
  }
  if (state.active) return;
  // a target beyond Months (lowered since it was added) said in the page's words, every one
  const beyond = targetsBeyondMonths(state.targets, $('months').value);
  if (beyond) {
    document.querySelector('.error[data-field=targets]').textContent = beyond;
    return;
  }
  const body = makeBody(start);
  const levers = state.levers.map((l) => ({ type: l.type, values: { ...l.values }, inBaseline: Boolean(l.inBaseline) }));
  const typed = typedNow(kind);
  const path = kind === 'run' ? 'runs' : 'comparisons';
  busy(true);
  $('cancel').focus();
  const submitted = Date.now();
  state.active = { kind, path, id: null, cancelled: false };
  let created;
  try {
    created = await json(path, { method: 'POST', body });
  } catch (e) {
    showProblems(e);
    $('progress-text').textContent = '';
    state.refused = true;
    markEarlierResults();
    state.active = null;
    busy(false);
    // Cancel, which had focus, is hidden again: the field at fault, or the button pressed
    (document.querySelector('[aria-invalid="true"]') ?? $(kind === 'run' ? 'run-baseline' : 'run-compare')).focus();
    return;
  }
  state.refused = false;
  markEarlierResults();
  const cancelled = state.active.cancelled;
  // not said when Cancel was pressed meanwhile: "Cancelling..." had been followed by "started"
  if (!cancelled) told().say(kind === 'run' ? 'Baseline run started' : 'Comparison started');
  const job = { kind, path, id: created.id, links: created.links, levers, typed, start: portable(start),
    submittedAt: submitted };
  remember(job);
  state.active.id = created.id;
  // Cancel pressed before the server had answered: cancel it now, then follow it to its end.
  if (cancelled) await cancel();
  await attach(job, start);
}

/**
 * After a reload: the run this tab was following, if any, claimed at once (Run and Compare
 * are busy from the first moment, so a new run cannot leave it unfollowed while the page
 * loads), or null. A stored job of another shape (an older page's) is forgotten.
 */
export function claimStored() {
  const job = validJob(storedJson(ACTIVE_KEY));
  if (!job) {
    sessionStorage.removeItem(ACTIVE_KEY);
    return null;
  }
  if (state.active && state.active.id !== job.id) return null;
  state.active = { kind: job.kind, path: job.path, id: job.id, cancelled: false };
  busy(true);
  return job;
}

/** Follows a claimed job (claimStored) again: progress, Cancel, then its results. */
export async function reattach(job) {
  if (!job) return;
  await attach(job, startOf(job));
}

/**
 * After a reload with no run to follow: the results drawn before it, asked for again and
 * drawn with the levers, targets and settings they were run with (a reload had lost them).
 * Forgotten quietly when the server no longer has them (deleted, or another server's).
 */
export async function redrawShown() {
  const job = validJob(storedJson(SHOWN_KEY));
  if (!job) {
    sessionStorage.removeItem(SHOWN_KEY);
    return;
  }
  // a run followed again (a reload mid-run) leaves them on screen until its own are drawn,
  // as they were before the reload
  if (state.active?.id === job.id) return;
  const start = startOf(job);
  // forgotten only if still the ones kept: a run ended meanwhile keeps its own
  const forget = () => {
    if (storedJson(SHOWN_KEY)?.id === job.id) sessionStorage.removeItem(SHOWN_KEY);
  };
  let status;
  let result;
  try {
    status = await json(`${job.path}/${job.id}`);
    result = status.status === 'succeeded' ? await json(job.links.results) : null;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 410)) forget();
    return; // not answered now (a network failure, a token asked for): the page starts without them
  }
  if (!result) {
    forget();
    return;
  }
  await start.actualsLoaded;
  if (state.last) return; // a run ended meanwhile has drawn its own
  state.last = { kind: job.kind, status, result, start, levers: job.levers, typed: job.typed };
  if (job.kind === 'run') renderRun(result);
  else renderComparison(result);
  markEarlierResults();
}

async function attach(job, start) {
  const { kind, path, id, links, levers, typed } = job;
  let ended = false;
  let drawn = false;
  try {
    const started = job.submittedAt ?? Date.now();
    const progressLine = progressReader();
    const showProgress = (status) => {
      $('progress').value = status.progress.fraction ?? 0;
      const line = progressLine(status);
      $('progress-text').textContent = line;
      told().progress(line);
    };
    const finished = (s) => ['succeeded', 'failed', 'cancelled'].includes(s?.status);
    let status = await follow(links.events, showProgress);
    // a stream that closed before the end (a proxy's timeout, a network blip) is followed again
    for (let again = 0; !finished(status) && again < 5; again++) {
      status = await json(`${path}/${id}`);
      if (!finished(status)) status = await follow(links.events, showProgress);
    }
    if (!finished(status)) status = await json(`${path}/${id}`);
    if (!finished(status)) {
      tell('Lost touch with the run, which goes on on the server: reload the page to follow it again.');
      return;
    }
    if (status.status !== 'succeeded') {
      ended = ['failed', 'cancelled'].includes(status.status);
      tell(status.status === 'cancelled' ? 'Cancelled' : `Failed: ${status.error ?? ''}`);
      return;
    }
    const result = await json(links.results);
    ended = true;
    await start.actualsLoaded;
    const seconds = (Date.now() - started) / 1000; // from the submission, reloads between
    tell(`Done in ${number(seconds, 1)} s. Results ready below.`);
    state.last = { kind, status, result, start, levers, typed };
    if (kind === 'run') renderRun(result);
    else renderComparison(result);
    drawn = true;
    keepShown({ kind, path, id, links, levers, typed, start: portable(start) });
  } catch (e) {
    if (unloading) return;
    // The resource is gone (deleted, or another server's): nothing left to follow.
    if (e instanceof ApiError && (e.status === 404 || e.status === 410)) ended = true;
    showProblems(e);
    $('progress-text').textContent = '';
  } finally {
    if (ended) forget();
    if (!unloading) {
      state.active = null;
      const lost = [document.body, null, $('cancel'), $('run-baseline'), $('run-compare')].includes(document.activeElement);
      busy(false);
      $('progress').hidden = true;
      if (lost) $(drawn ? 'results-title' : kind === 'run' ? 'run-baseline' : 'run-compare').focus();
    }
  }
}

export async function cancel() {
  const a = state.active;
  if (!a) return;
  if (!a.id) {
    a.cancelled = true;
    tell('Cancelling...');
    return;
  }
  try {
    await call(`${a.path}/${a.id}`, { method: 'DELETE' });
    tell('Cancelling...');
  } catch (e) {
    showProblems(e);
  }
}
