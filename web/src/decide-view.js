// The "Decide" section's wiring: a goal-seek's answer and frontier, a tornado (bodies and
// charts in decide.js); one at a time, with progress and Cancel as runs have.
import { json, call, follow, ApiError } from './api.js';
import { problems, plannerReason } from './requests.js';
import { progressReader } from './format.js';
import { probabilityProblem, typedProbability, goalSeekRequest, tornadoRequest, frontierChart, frontierNote, frontierTable, tornadoChart, tornadoNote, tornadoTable,
  endedLine, goalSeekAnswer, tornadoHeading, leversWithPlan } from './decide.js';
import { defaultRows, formLines, rowsFromLines } from './decide-levers.js';
import { checkDecideLevers, renderDecideLevers, setDecideRows, showLeverProblem } from './decide-form.js';
import { $, state, waitingForStart, storedJson, sameStart, DRAWN_KEYS, portable } from './state.js';
import { showDecisionInSummary, tableDisclosure } from './results.js';
import { clearErrors, markInvalid, plainError } from './errors.js';
import { typedSettings, noStart } from './runs.js';
import { strandedProblem } from './start.js';
import { renderLevers } from './levers-view.js';
import { planLevers } from './levers.js';
import { announcer } from './announce.js';
import { targetsBeyondMonths } from './wording.js';

let active = null; // {path, id, kind, cancelled} while a goal-seek or sensitivity runs

let announcements = null;

/** What a screen reader is told of a search (announce.js): its start, its end, progress rarely. */
function told() {
  announcements ??= announcer($('decide-announce'));
  return announcements;
}

/** The search's state on screen (#decide-status), and said: `said` where it is more than that. */
function tell(text, said = text) {
  $('decide-status').textContent = text;
  told().say(said);
}

function busy(on) {
  $('goal-seek').disabled = on;
  $('tornado').disabled = on;
  $('decide-progress').hidden = !on;
  if (on) $('decide-progress').removeAttribute('value'); // indeterminate until a total is known
  $('decide-cancel').hidden = !on;
}

/** The search this tab follows, kept so that a reload follows it again (as runs.js does). */
const DECIDE_KEY = 'caseload.decision';

let unloading = false;
window.addEventListener('pagehide', () => { unloading = true; });
window.addEventListener('pageshow', () => { unloading = false; });

function forgetDecision() {
  if (!unloading) sessionStorage.removeItem(DECIDE_KEY);
}

/**
 * Submits a goal-seek or sensitivity, `makeBody(start)` its body, waits for its end and
 * returns its results; the caller says "done" once it has drawn them.
 */
async function decide(path, makeBody) {
  if (active) return null; // one at a time: its status stays on screen
  clearErrors($('decide'));
  $('decide-status').textContent = '';
  if (!state.start) {
    $('decide-error').textContent = noStart();
    return null;
  }
  if (waitingForStart()) {
    $('decide-error').textContent = waitingForStart();
    return null;
  }
  if (strandedProblem(state.levers)) {
    $('decide-error').textContent = strandedProblem(state.levers);
    return null;
  }
  const kind = path === 'goal-seeks' ? 'goal-seek' : 'sensitivity';
  // a goal-seek's targets beyond Months, each said in the page's words (the tornado has none)
  const beyond = kind === 'goal-seek' ? targetsBeyondMonths(state.targets, $('months').value) : null;
  if (beyond) {
    $('decide-error').textContent = beyond;
    return null;
  }
  // a tornado's month left blank: said beside it in the page's words (the API's "give exactly
  // one of month N or snapshot YYYY-09-30" named a snapshot the page has no field for)
  if (kind === 'sensitivity' && $('tornado-month').value.trim() === '') {
    const months = $('months').value.trim();
    $('tornado-month-error').textContent = /^[1-9][0-9]*$/.test(months) ? `give a month, 1 to ${months}` : 'give a month';
    markInvalid($('tornado-month'), $('tornado-month-error'));
    $('tornado-month').focus();
    return null;
  }
  const probable = kind === 'goal-seek' ? probabilityProblem($('decide-probability').value) : null;
  if (probable) {
    $('decide-probability-error').textContent = probable;
    markInvalid($('decide-probability'), $('decide-probability-error'));
    $('decide-probability').focus();
    return null;
  }
  // a row at fault is refused at the row, before anything is sent
  if (!checkDecideLevers()) return null;
  asking[kind] = { typed: typedFor(kind), start: state.start };
  // the last answer of this kind is not shown beside a new one's progress
  if (kind === 'goal-seek') {
    $('frontier-title').hidden = true;
    $('goal-seek-answer').textContent = '';
    $('use-plan').hidden = true;
    $('use-plan-status').textContent = '';
    answered = null;
    $('frontier-chart').replaceChildren();
  } else {
    $('tornado-title').hidden = true;
    $('tornado-chart').replaceChildren();
  }
  markStaleDecisions();
  active = { path, id: null, kind, cancelled: false };
  busy(true);
  $('decide-cancel').focus();
  let created;
  try {
    created = await json(path, { method: 'POST', body: makeBody(state.start) });
  } catch (e) {
    showError(e);
    done(kind);
    return null;
  }
  // with the start it is of, so that followed again after a reload it is told apart from a
  // baseline chosen since (a goal-seek of Kent had been shown under Rutland as Rutland's)
  const job = { path, kind, id: created.id, links: created.links, typed: asking[kind].typed,
    start: portable(asking[kind].start) };
  if (!active.cancelled) told().say(`${kind} started`); // not after "cancelling..."
  try {
    sessionStorage.setItem(DECIDE_KEY, JSON.stringify(job));
  } catch {
    // storage refused: followed all the same, just not after a reload
  }
  active.id = created.id;
  // Cancel pressed before the server had answered: cancel it now (and if that fails, the
  // error says so and it is still followed to its end).
  if (active.cancelled) {
    await call(`${path}/${created.id}`, { method: 'DELETE' }).catch((e) => {
      $('decide-error').textContent = `Not cancelled: ${plainError(e)}`;
    });
  }
  return followDecision(job);
}

/** Follows a submitted search to its end; its results, or null (said on the page). */
async function followDecision(job) {
  const { path, kind, id, links } = job;
  let ended = false;
  try {
    $('decide-status').textContent = `${kind} queued`;
    const progressLine = progressReader();
    const end = await follow(links.events, (status) => {
      // a goal-seek's total is not known ahead: its bar stays indeterminate
      const fraction = status.progress.fraction;
      if (fraction == null) $('decide-progress').removeAttribute('value');
      else $('decide-progress').value = fraction;
      const line = `${kind} ${progressLine(status)}`;
      $('decide-status').textContent = line;
      told().progress(line);
    });
    const status = ['succeeded', 'failed', 'cancelled'].includes(end?.status) ? end : await json(`${path}/${id}`);
    ended = ['succeeded', 'failed', 'cancelled'].includes(status.status);
    if (status.status !== 'succeeded') {
      tell(ended
        ? endedLine(kind, status)
        : `Lost touch with the ${kind}, which goes on on the server: reload the page to follow it again.`);
      return null;
    }
    const doc = await json(links.results);
    keepDrawn(job, asking[kind]?.start);
    return doc;
  } catch (e) {
    if (unloading) return null;
    if (e instanceof ApiError && (e.status === 404 || e.status === 410)) ended = true;
    showError(e);
    return null;
  } finally {
    if (ended) forgetDecision();
    done(kind);
  }
}

/** The Decide field an API field names, or null (levers[2] is the third row: leverProblem). */
const DECIDE_FIELDS = { probability: 'decide-probability', metric: 'tornado-metric', month: 'tornado-month' };

/**
 * A refused goal-seek or tornado: each problem beside the field it names (marked invalid, the
 * first focused, as step 2's are), the rest under the section.
 */
function showError(e) {
  if (!(e instanceof ApiError)) {
    $('decide-error').textContent = plainError(e);
    return;
  }
  const rest = [];
  let first = null;
  for (const p of problems(e.problem)) {
    // a lever's problem is its row's: levers[1] is the second, said beside it
    const row = /^levers\[(\d+)]$/.exec(p.field);
    const atRow = row && showLeverProblem(Number(row[1]), plannerReason(p.reason));
    if (atRow) {
      first ??= atRow;
      continue;
    }
    const id = DECIDE_FIELDS[p.field];
    if (!id) {
      // the levers as a whole (too much work) under the rows, the rest under the section
      if (p.field === 'levers') $('decide-levers-error').textContent = plannerReason(p.reason);
      else rest.push(`${p.field}: ${plannerReason(p.reason)}`);
      continue;
    }
    const slot = $(`${id}-error`);
    const text = plannerReason(p.reason);
    slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
    markInvalid($(id), slot);
    first ??= $(id);
  }
  $('decide-error').textContent = rest.join('; ');
  first?.focus();
}

function done(kind) {
  if (unloading) return;
  const lost = [document.body, null, $('decide-cancel')].includes(document.activeElement);
  active = null;
  busy(false);
  if (lost) $(kind === 'goal-seek' ? 'goal-seek' : 'tornado').focus();
}

/**
 * After a reload: the search this tab was following, claimed at once (its buttons busy while
 * the page loads), or null; a stored one of another shape is forgotten.
 */
export function claimStoredDecision() {
  const job = storedJson(DECIDE_KEY);
  if (!job?.id || !job.links?.events || !job.links?.results
    || !['goal-seek', 'sensitivity'].includes(job.kind)) {
    if (job) sessionStorage.removeItem(DECIDE_KEY);
    return null;
  }
  if (active && active.id !== job.id) return null;
  active = { path: job.path, id: job.id, kind: job.kind, cancelled: false };
  busy(true);
  return job;
}

/** Follows a claimed search (claimStoredDecision) again, then draws its results. */
export async function reattachDecision(job) {
  if (!job) return;
  asking[job.kind] = { typed: job.typed ?? null,
    start: !job.start?.scenario || sameStart(job.start, state.start) ? state.start : job.start };
  const doc = await followDecision(job);
  if (!doc) return;
  if (job.kind === 'goal-seek') drawGoalSeek(doc);
  else drawTornado(doc);
}

/** Keeps a search whose answer is drawn, with the start it was asked of, so that a reload draws it again. */
function keepDrawn(job, start) {
  try {
    sessionStorage.setItem(DRAWN_KEYS[job.kind], JSON.stringify({ ...job, start: portable(start ?? state.start) }));
  } catch {
    // storage full or refused: drawn, just not again after a reload
  }
}

/**
 * After a reload: the goal-seek's answer and the tornado drawn before it, asked for again and
 * drawn with the start and fields they were asked with (a reload had lost them), except the
 * kind of a search followed again (`claimed`), which draws its own. Forgotten quietly when the
 * server no longer has them.
 */
export async function redrawDecisions(claimed) {
  for (const kind of Object.keys(DRAWN_KEYS)) {
    if (claimed?.kind === kind) continue;
    const key = DRAWN_KEYS[kind];
    const job = storedJson(key);
    if (!job?.id || !job.links?.results || job.kind !== kind || !job.start?.scenario) {
      sessionStorage.removeItem(key);
      continue;
    }
    let doc;
    try {
      doc = await json(job.links.results);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 410)
        && storedJson(key)?.id === job.id) sessionStorage.removeItem(key);
      continue;
    }
    if (active?.kind === kind || drawn[kind]) continue; // one asked for meanwhile draws its own
    asking[kind] = { typed: job.typed ?? null, start: sameStart(job.start, state.start) ? state.start : job.start };
    if (kind === 'goal-seek') drawGoalSeek(doc, { said: false });
    else drawTornado(doc, { said: false });
  }
}

/** Cancels the running goal-seek or sensitivity (DELETE, as a run). */
export async function cancelDecision() {
  if (!active) return;
  if (!active.id) {
    active.cancelled = true;
    tell(`${active.kind} cancelling...`);
    return;
  }
  try {
    await call(`${active.path}/${active.id}`, { method: 'DELETE' });
    tell(`${active.kind} cancelling...`);
  } catch (e) {
    $('decide-error').textContent = plainError(e);
  }
}

export async function goalSeek() {
  const doc = await decide('goal-seeks', (start) => goalSeekRequest(start, typedSettings(),
    state.targets, $('decide-probability').value, formLines(state.decideRows).join('\n'), state.levers));
  if (doc) drawGoalSeek(doc);
}

/**
 * A chart in the box {@code boxId} with the note on how to read it below, which describes it,
 * and what it draws as a table under that where given.
 */
function showChart(boxId, chart, noteId, text, figures, name) {
  const note = document.createElement('p');
  note.className = 'hint';
  note.id = noteId;
  note.textContent = text;
  chart.setAttribute('aria-describedby', noteId);
  // drawn at its own size in a box that scrolls sideways where the window is narrower: scaled
  // to a phone's width its words had been 5 or 6 px high; a stop of the Tab key, so that the
  // keyboard can scroll it, as a wide table's box is
  const scroller = document.createElement('div');
  scroller.className = 'chart-scroll';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', name);
  scroller.append(chart);
  $(boxId).replaceChildren(scroller, note, ...(figures ? [figures] : []));
}

function drawGoalSeek(doc, { said = true } = {}) {
  drawn['goal-seek'] = asking['goal-seek'];
  $('frontier-title').hidden = false;
  const start = drawn['goal-seek']?.start ?? state.start;
  const answer = goalSeekAnswer(doc, start?.notes ?? []);
  $('goal-seek-answer').textContent = answer;
  answered = { doc, start };
  $('use-plan').hidden = !leversWithPlan(state.levers, doc);
  $('use-plan-status').textContent = '';
  // what Compare's note on its probability checks it against (comparison-view.js)
  state.decision = { start, text: answer, found: doc.answer?.status === 'found',
    replications: doc.answer?.plan?.replications, seed: doc.seed, months: doc.months, targets: doc.targets };
  markStaleDecisions();
  showDecisionInSummary();
  const { head, rows, caption } = frontierTable(doc);
  showChart('frontier-chart', frontierChart(doc), 'frontier-note', frontierNote(doc),
    tableDisclosure('Plans evaluated', 'the goal-seek frontier', caption, head, rows), 'Goal-seek frontier chart');
  // said with its answer: the words a screen reader would otherwise have to go and find
  if (said) tell('goal-seek done', `goal-seek done. ${answer}`);
}

/**
 * Makes the goal-seek's plan the page's levers (the assumptions kept), asking first where the
 * page has levers of a plan; refused where the answer is of another baseline.
 */
export function usePlan() {
  const status = $('use-plan-status');
  const levers = answered && leversWithPlan(state.levers, answered.doc);
  if (!levers) return;
  if (!sameStart(answered.start, state.start)) {
    status.textContent = 'This answer is of an earlier baseline: find the cheapest plan again first.';
    return;
  }
  // an answer to other assumptions, targets or settings is not made the plan: the page's
  // assumptions would be kept beside a plan found without them
  const asked = drawn['goal-seek']?.typed;
  if (asked && asked !== typedFor('goal-seek')) {
    status.textContent = 'This answer is of the targets, probability, months, seed, assumptions and Decide\'s levers'
      + ' as they were when it was asked: find the cheapest plan again first.';
    return;
  }
  const replaced = planLevers(state.levers).length;
  if (replaced && !window.confirm(`Replace the plan's ${replaced} lever${replaced === 1 ? '' : 's'} on the page with the goal-seek's plan (${answered.doc.answer.plan.plan})?`)) {
    status.textContent = 'The levers are as they were.';
    return;
  }
  state.levers = levers;
  renderLevers();
  status.textContent = `The levers are now the goal-seek's plan (${answered.doc.answer.plan.plan}), with the assumptions kept:`
    + ' Compare runs it against the baseline.';
}

export async function tornado() {
  const doc = await decide('sensitivities', (start) => tornadoRequest(start, typedSettings(),
    $('tornado-metric').value, $('tornado-month').value, formLines(state.decideRows).join('\n'), state.levers));
  if (doc) drawTornado(doc);
}

function drawTornado(doc, { said = true } = {}) {
  drawn.sensitivity = asking.sensitivity;
  $('tornado-title').textContent = tornadoHeading(doc);
  $('tornado-title').hidden = false;
  markStaleDecisions();
  const { head, rows, caption } = tornadoTable(doc);
  showChart('tornado-chart', tornadoChart(doc), 'tornado-note', tornadoNote(doc),
    tableDisclosure('Bars as a table', tornadoHeading(doc), caption, head, rows), 'Tornado chart');
  if (said) tell('tornado drawn', 'The tornado is drawn below.');
}

let offered = null; // the lines last filled in, while the planner has not changed them

/** Decide's levers as lines, to compare. */
function decideLines() {
  return JSON.stringify(formLines(state.decideRows));
}

/** After a start: the levers to start from, on the scenario's own teams, unless changed. */
export function offerDecideLevers() {
  if (offered !== null && decideLines() !== offered) {
    renderDecideLevers(); // kept, on the new baseline's teams (one it lacks left to choose)
    return;
  }
  setDecideRows(defaultRows(state.start?.scenario?.teams ?? []));
  offered = decideLines();
}

/**
 * Decide as a saved scenario kept it (the API's `decide`: its levers' lines and probability),
 * or the defaults for a scenario saved without it.
 */
export function openDecide(saved) {
  const rows = saved ? rowsFromLines(saved.levers) : defaultRows(state.start?.scenario?.teams ?? []);
  setDecideRows(rows);
  $('decide-probability').value = typeof saved?.probability === 'number' ? String(saved.probability) : '0.8';
}

/**
 * Decide as a scenario saves it ({levers, probability}), or {problem} where a row or the
 * probability is at fault (shown at it): a scenario is not saved with what a goal-seek of it
 * would refuse.
 */
export function decideToSave() {
  if (!checkDecideLevers()) return { problem: "a lever to search in step 4 (Decide) has a problem, shown at its row." };
  const typed = $('decide-probability').value.trim();
  if (typed === '') return { decide: { levers: formLines(state.decideRows) } };
  const p = typedProbability(typed);
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    const slot = $('decide-probability-error');
    slot.textContent = probabilityProblem(typed) ?? `A probability is a number between 0 and 1, such as 0.8; was "${typed.length > 24 ? `${typed.slice(0, 20)}...` : typed}".`;
    markInvalid($('decide-probability'), slot);
    $('decide-probability').focus();
    return { problem: "the probability in step 4 (Decide) is not one a goal-seek takes." };
  }
  return { decide: { levers: formLines(state.decideRows), probability: p } };
}

let monthShown = null; // the tornado month last filled in from Months, while not typed over

/**
 * After a reload's fields are back (draft.js): the tornado's month follows Months again where
 * it was following (the two equal); the start's own months, filled in first, had made it look
 * typed over, so that it stayed at 12 when Months went to 18.
 */
export function resumeFollowingMonths() {
  if ($('tornado-month').value.trim() === $('months').value.trim()) monthShown = $('tornado-month').value;
}

/** The tornado's month follows the Months field (its last month) unless typed over. */
export function followMonths() {
  const month = $('tornado-month');
  if (monthShown !== null && month.value !== monthShown) return;
  monthShown = $('months').value.trim();
  month.value = monthShown;
}

/** What a goal-seek or tornado was asked with ({typed, start}), by kind: as submitted, then as drawn. */
const asking = { 'goal-seek': null, sensitivity: null };

/** The goal-seek answer on screen and the start it was asked of, for Make this plan the levers. */
let answered = null;
const drawn = { 'goal-seek': null, sensitivity: null };

/**
 * What is typed now that a goal-seek's or a tornado's answer depends on, as text to compare:
 * months, seed, the assumptions, Decide's levers, and the targets and probability (a goal-seek)
 * or the metric and month (a tornado).
 */
function typedFor(kind) {
  const common = { months: $('months').value.trim(), seed: $('seed').value.trim(),
    assumed: state.levers.filter((l) => l.inBaseline).map((l) => ({ type: l.type, values: l.values })),
    levers: formLines(state.decideRows) };
  return JSON.stringify(kind === 'goal-seek'
    ? { ...common, targets: state.targets, probability: $('decide-probability').value.trim() }
    : { ...common, metric: $('tornado-metric').value, month: $('tornado-month').value.trim() });
}

const STALE = {
  'goal-seek': { title: 'frontier-title', note: 'frontier-stale', what: 'answer', again: 'find the cheapest plan again',
    inputs: 'targets, probability, months, seed, assumptions and Decide\'s levers' },
  sensitivity: { title: 'tornado-title', note: 'tornado-stale', what: 'tornado', again: 'draw it again',
    inputs: 'metric, month, months, seed, assumptions and Decide\'s levers' },
};

/**
 * A goal-seek's answer or a tornado left on screen once what it was asked with has changed is
 * said to be so under its heading (a trial had read an answer to targets changed since, and
 * one of a baseline chosen since, with nothing said), and the printed summary's goal-seek line
 * says so too. Called as anything in steps 2 and 4 changes and when a baseline is chosen.
 */
export function markStaleDecisions() {
  for (const [kind, s] of Object.entries(STALE)) {
    const d = drawn[kind];
    const note = $(s.note);
    let text = '';
    if (d && !$(s.title).hidden && state.start) {
      if (!sameStart(d.start, state.start)) {
        text = `This ${s.what} is of the earlier baseline ${d.start?.label ?? ''}; ${s.again} for ${state.start.label}.`;
      } else if (d.typed && d.typed !== typedFor(kind)) {
        text = `This ${s.what} is of the ${s.inputs} as they were when it was asked; some have been changed since:`
          + ` ${s.again} to see what is typed now.`;
      }
    }
    if (note.textContent !== text) note.textContent = text;
    note.hidden = !text;
    if (kind === 'goal-seek' && state.decision) {
      const stale = Boolean(text) && sameStart(d?.start, state.start);
      if (state.decision.stale !== stale) {
        state.decision.stale = stale;
        showDecisionInSummary();
      }
    }
  }
}
