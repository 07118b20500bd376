// Words the page puts beside numbers: the baseline's facts, chart titles by role, the note
// on caseload read with unallocated cases, the published figures' legend. Pure functions,
// unit-tested in test/wording.test.js.
import { number, probability, probabilityAgainst, difference, money, dateTime, counted } from './format.js';
import { ROLES } from './teams.js';
import { readingKey } from './state.js';

/** Cases in a scenario's queues ({assessment, childProtection, lookedAfter, childInNeed}). */
function queued(queues) {
  return queues ? Object.values(queues).reduce((a, n) => a + (Number(n) || 0), 0) : 0;
}

/**
 * The months a run will go on for, as Months says: "run for 24 months (Months, step 2)"; in
 * words where Months is not a number of months to run. The baseline's line had said its
 * scenario's own 36 months while Months said 24, which is what runs use (an outside trial).
 */
export function horizonWords(months) {
  const m = String(months ?? '').trim();
  return /^[0-9]+$/.test(m) && Number(m) >= 1
    ? `run for ${Number(m)} month${Number(m) === 1 ? '' : 's'} (Months, step 2)`
    : 'run for the months set in Months (step 2)';
}

/**
 * One line on a scenario: base date, the months to run (`months`, as typed in Months), teams,
 * posts, its new referrals a month (`parameters.demand.baseMonthly`: external referrals,
 * re-referrals excluded) and the cases waiting for a worker at the base date (the service's
 * and its teams' queues: a trial had seen caseloads jump in month 1 with nothing on the page
 * to say 329 children were waiting).
 */
export function scenarioFacts(sc, months = sc.horizonMonths) {
  const posts = sc.teams.reduce((a, t) => a + t.establishment, 0);
  const referrals = number(sc.parameters.demand.baseMonthly, 0);
  const waiting = queued(sc.queues) + sc.teams.reduce((a, t) => a + queued(t.queues), 0);
  return `Base date ${sc.baseDate}, ${horizonWords(months)}; teams `
    + sc.teams.map((t) => `${t.name} (${number(t.establishment, 1)} funded post${number(t.establishment, 1) === '1' ? '' : 's'}, cap ${t.caseloadCap})`).join(', ')
    + `; ${number(posts, 1)} post${number(posts, 1) === '1' ? '' : 's'} in all; ${referrals} new referral${referrals === '1' ? '' : 's'} a month`
    + ' (re-referrals of closed cases come on top).'
    + (waiting > 0 ? ` ${number(waiting, 0)} case${waiting === 1 ? '' : 's'} waiting for a worker at the base date`
      + ' (for a calibrated council, the children awaiting assessment the DfE published):'
      + ' workers take them from month 1 as they have room, which raises caseloads in the first months.' : '');
}

/**
 * The title of a chart of one role's teams ("Caseload" of the role `role`) from the
 * scenario's teams [{name, role}]: the team's name where the role has one team, "all long-term
 * teams (east, west)" where it has several; `fallback` where it has none.
 */
export function roleTitle(prefix, role, teams, fallback) {
  const ofRole = (teams ?? []).filter((t) => t.role === role).map((t) => t.name);
  const roleName = ROLES[role] ?? role;
  if (ofRole.length === 1) return `${prefix}: ${ofRole[0]} (${roleName} team)`;
  if (ofRole.length > 1) return `${prefix}: all ${roleName} teams (${ofRole.join(', ')})`;
  return fallback;
}

/** What a planner should read a caseload that rises as a backlog clears with. */
export const ALLOCATION_NOTE = 'Caseload rises here because children who were waiting are now allocated: '
  + 'read it with unallocated cases';

/**
 * The months (of `months`, 1-based) at which the plan is more likely better than not on
 * unallocated cases while more likely worse than not on caseload: a backlog being allocated.
 * `differences` is a variant's `differences` (one entry a month, `metrics` by name).
 */
export function allocationMonths(differences, months) {
  return months.filter((m) => {
    const d = differences?.[m - 1]?.metrics;
    if (!d?.unallocatedCases || !d?.caseload) return false;
    return d.unallocatedCases.probabilityBetter > 0.5 && d.caseload.probabilityWorse > 0.5;
  });
}

/** Months as runs: [3, 4, 5, 9] is "3-5, 9". */
export function monthRanges(months) {
  const parts = [];
  let from = null;
  let to = null;
  for (const m of [...months].sort((a, b) => a - b)) {
    if (from !== null && m === to + 1) {
      to = m;
      continue;
    }
    if (from !== null) parts.push(from === to ? `${from}` : `${from}-${to}`);
    from = m;
    to = m;
  }
  if (from !== null) parts.push(from === to ? `${from}` : `${from}-${to}`);
  return parts.join(', ');
}

/** The note with the months it applies to, or null where it applies to none. */
export function allocationNote(months) {
  if (!months.length) return null;
  const which = months.length === 1 ? `month ${months[0]}` : `months ${monthRanges(months)}`;
  return `${ALLOCATION_NOTE} (${which}).`;
}

/**
 * Where some replications have nobody holding cases in a month (a council of a few social
 * workers, all gone): a caseload there is no caseload, not a low one; the server leaves it out
 * of the caseloads' fans and of a comparison's differences (each summary's `n` says of how
 * many replications it is), and a target on a caseload is not met there. From each run
 * ({label, result}) its month with the most such replications; null where someone always holds
 * cases. (Isles of Scilly had read "caseload at
 * most 12: 100%" with a fifth of its replications holding nobody.)
 */
export function nobodyHoldingNote(runs) {
  const parts = [];
  for (const { label, result } of runs) {
    let worst = null;
    for (const m of result.monthly) {
      const holding = m.metrics.caseHolderFte?.shareAboveZero;
      if (typeof holding === 'number' && holding < 1 && (worst === null || holding < worst.holding)) {
        worst = { month: m.month, holding };
      }
    }
    if (worst) parts.push(`${label ? `${label}: ` : ''}${probability(1 - worst.holding)} of replications at month ${worst.month}`);
  }
  if (!parts.length) return null;
  return `Nobody holds cases in some replications (most: ${parts.join('; ')}). A caseload there is no caseload, `
    + 'not a low one: the caseloads shown are of the other replications, and a target on a caseload is not met there.';
}

/** The charted rates that can have no value, their names and why (the server's Metric.whyNoValue). */
const NO_VALUE = {
  vacancyRate: ['The vacancy rate', 'no posts and nobody in post'],
  agencyRate: ['The agency rate', 'nobody in post, permanent or agency'],
};

/**
 * Where a charted rate has no value in some replications (nothing over nothing: the agency
 * rate with nobody in post), which the server leaves out of its summaries (each summary's `n`,
 * below the run's replications): from each run ({label, result}) the month with the fewest
 * values; null where it always has one, or the run says no `n` (a result stored before it).
 */
export function noValueNote(runs, metric) {
  const [name, why] = NO_VALUE[metric];
  const parts = [];
  for (const { label, result } of runs) {
    let worst = null;
    for (const m of result.monthly) {
      const n = m.metrics[metric]?.n;
      if (typeof n === 'number' && n < result.replications && (worst === null || n < worst.n)) {
        worst = { month: m.month, n };
      }
    }
    if (worst) {
      parts.push(`${label ? `${label}: ` : ''}${probability(1 - worst.n / result.replications)} of replications at month ${worst.month}`);
    }
  }
  if (!parts.length) return null;
  return `${name} has no value in some replications (most: ${parts.join('; ')}): ${why}. Those are left out of `
    + 'this chart, and a target on it is not met there.';
}

/** The legend of the published figures drawn before a run's first month. */
export function actualsLegend(area, baseDate) {
  return `Published by the DfE for ${area} at 30 September of each year up to the base date, ${baseDate} `
    + '(squares, left of the dotted line)';
}

/**
 * How far the 95% interval of a share of `n` replications reaches either side of it at most,
 * in percentage points, rounded up to a tenth: 1.96 √(1/4n) + 1/(2n), the normal half-width at
 * a share of one half with half a replication more (the engine's Clopper-Pearson interval
 * reaches no further), 3.2 for 1,000.
 */
export function shareHalfWidth(n) {
  // at most 100 points: a share and its limit both lie in 0 to 1 (148 for one replication)
  return Math.min(100, Math.ceil(1000 * (1.959963984540054 * Math.sqrt(0.25 / n) + 0.5 / n)) / 10);
}

/**
 * How accurate the figures of a run (or, with `comparison`, a comparison) of `replications`
 * replications are, in planners' words: the facts of the CLI's footnote (Cells.ACCURACY) and
 * docs/monte-carlo.md "Accuracy of the figures". `requested` and `stoppedEarly` as the run's
 * JSON (`requestedReplications`, `stoppedEarly`); `leftOut`: some figures are of fewer
 * replications (someLeftOut).
 */
export function accuracyNote({ replications, requested, stoppedEarly, comparison = false, leftOut = false }) {
  const ofN = counted(replications, 'replication', number(replications, 0));
  const parts = [
    `How accurate these figures are: every one comes from ${replications === 1 ? '' : 'the same '}${ofN}`
      + (stoppedEarly && requested ? ` (of ${number(requested, 0)} asked for: the run stopped once precise enough)` : '')
      + '.',
    `Medians and bands are percentiles of the ${ofN} (the dark band the 25th to 75th, the light 90% band the 5th to 95th),`
      + ' nearest rank, within 0.5% of the exact ones, and exact for counts of children and cases and for staff FTE up to 1,024 (above it, within 0.5% too).'
      + (replications >= 100 ? ' They are estimates too: with other replications a median or band end could move by about its \u00b1'
        + ' (95% Monte Carlo error), which each chart point\'s description (hover over it) and the CSV download give month by month.'
        : ' Under 100 replications their Monte Carlo error is not estimated.'),
    `Means are computed exactly from the ${ofN}; a mean's 95% interval (mean \u00b1 about 1.96 standard errors; Student's t for few replications) shows how far`
      + ' more replications could move it.',
    `Probabilities are shares of the ${ofN} (exact counts); the 95% interval of any of them is at most`
      + ` \u00b1${number(shareHalfWidth(replications), 1)} points (a run's targets table gives each target's own).`,
  ];
  if (comparison) {
    parts.push('Differences are plan minus baseline, paired replication by replication (the same random numbers),'
      + ' with the 95% interval of their mean; rates and probabilities in percentage points.'
      + ` P(better), P(same) and P(worse) are shares of the ${ofN}; they count replications where`
      + ' the mean difference weighs how much, so the two can point different ways (many small'
      + ' gains against a few large losses).'
      + ' The extra cost\'s 90% band is how much it varies across replications, not an interval of its mean.'
      + ' A target\'s difference has Tango\'s 95% score interval.');
  }
  if (leftOut) {
    parts.push('Where a caseload or rate has nothing to divide by in a replication (nobody holding cases, nobody'
      + ' in post), that replication is left out of its figures, which are then of fewer replications than these'
      + (comparison ? ', and its differences and P(better), P(same) and P(worse) are of the pairs where both have one' : '')
      + ': the notes under the charts say where.');
  }
  return parts.join(' ');
}

/**
 * Whether any of `results`' monthly summaries is of fewer replications than its run's (its
 * `n`: a caseload or rate with nothing to divide by left out), for accuracyNote.
 */
export function someLeftOut(...results) {
  return results.some((r) => (r?.monthly ?? []).some((m) => Object.values(m.metrics ?? {})
    .some((s) => typeof s?.n === 'number' && s.n < r.replications)));
}

/**
 * What a run's baseline assumed, for the printed summary: a calibration's notes; a saved
 * scenario's parameters as stored (what its start assumed is not stored with it); a preset's.
 */
export function assumptionsText(start) {
  if (start?.notes?.length) return start.notes.join(' | ');
  if (start?.saved) {
    return `as stored in the saved scenario "${start.saved.name}" (version ${start.saved.version}); `
      + 'the notes of the calibration or preset it came from are not stored with it';
  }
  if (start?.preset) return `as in the preset ${start.preset} (docs/calibration.md)`;
  return 'as in the scenario sent';
}

/** The compared metrics in planners' words, as the charts name them. */
export const COMPARED_LABELS = {
  caseload: 'Caseload', unallocatedCases: 'Children waiting unallocated', vacancyRate: 'Vacancy rate',
  agencyRate: 'Agency rate', inPostFte: 'Staff in post (FTE)', agencyFte: 'Agency workers (FTE)',
  cost: 'Cost a month',
};

/**
 * A plan year's row label with its dates, and its months where it is not a whole year (the
 * last of a run of 18 months is 6 months: a comparison's "Year 2 +£140k" had read as a year's
 * extra cost).
 */
export function planYearLabel(y) {
  return `Year ${y.year} (${y.from} to ${y.to}${y.months < 12 ? `, ${counted(y.months, 'month')}` : ''})`;
}

/**
 * A row of a comparison's differences table: the metric at a month in planners' words (the
 * charts' names; a trial had found "unallocatedCases" and "vacancyRate" here), "Cost a month"
 * for the cost (the results' monthly cost, beside a chart of cost a year).
 */
export function comparedLabel(metric, month) {
  return `${COMPARED_LABELS[metric] ?? metric}, month ${month}`;
}

/** A target's comparisons in words: the API's operator to what the page says. */
export const TARGET_OPERATORS = { '<=': 'at most', '<': 'under', '>=': 'at least', '>': 'over' };

const TARGET = /^([A-Za-z]+) (<=|<|>=|>) (\S+) at month ([0-9]+)$/;

/** The metrics a target's value is a fraction of: written as a percentage. */
const TARGET_RATES = ['vacancyRate', 'agencyRate'];

/**
 * What the API names the probability of meeting every target in the same replication, listed
 * after the targets where there are two or more: the probability a goal-seek plans against.
 */
export const EVERY_TARGET = 'every target together';

/**
 * A target as the API reads it ("vacancyRate <= 0.15 at month 36") in a planner's words
 * ("Vacancy rate at most 15% at month 36"): the metric as the charts name it, a rate's value as
 * its percentage and a cost's in pounds, both exactly (no rounding: it is a threshold), other
 * values as typed. A target of a metric the page does not name is left as the API's text (a
 * third trial had found the printed summary's targets in the API's words). Every target
 * together reads as all of them in the same future.
 */
export function targetLabel(text) {
  if (text === EVERY_TARGET) return 'All of these targets in the same future';
  const m = TARGET.exec(String(text).trim());
  if (!m || !COMPARED_LABELS[m[1]]) return text;
  const [, metric, op, value, month] = m;
  const x = Number(value);
  let shown = value;
  if (Number.isFinite(x) && TARGET_RATES.includes(metric)) shown = `${Number((x * 100).toPrecision(12))}%`;
  else if (Number.isFinite(x) && metric === 'cost') shown = `${x < 0 ? '-' : ''}\u00a3${Math.abs(x).toLocaleString('en-GB', { maximumFractionDigits: 20 })}`;
  return `${COMPARED_LABELS[metric]} ${TARGET_OPERATORS[op]} ${shown} at month ${month}`;
}

/**
 * The targets whose month lies beyond the Months typed, said in the page's words with what to
 * do, or null (none, or Months not a whole number, which the API names). Checked before a run,
 * a comparison or a goal-seek: Months lowered after a target was added had been refused by the
 * API in its own words ('target "vacancyRate <= 0.15 at month 12": month 12 is beyond the
 * horizon of 6 months'), and for the first such target only.
 */
export function targetsBeyondMonths(targets, months) {
  const horizon = String(months ?? '').trim();
  // Months of 0 is itself wrong, said beside it by the run's refusal ("beyond the 0 months to
  // run" had been said under the targets, and nothing beside Months)
  if (!/^[0-9]+$/.test(horizon) || Number(horizon) < 1) return null;
  const monthOf = (t) => Number(/at month\s+(\d+)\s*$/.exec(String(t))?.[1] ?? NaN);
  const beyond = targets.filter((t) => monthOf(t) > Number(horizon));
  if (!beyond.length) return null;
  const names = beyond.map((t) => `"${targetLabel(t)}"`).join(', ');
  const last = Math.max(...beyond.map(monthOf));
  return beyond.length === 1
    ? `The target ${names} is beyond the ${horizon} months to run: raise Months to ${last} or remove the target.`
    : `The targets ${names} are beyond the ${horizon} months to run: raise Months to ${last} or remove them.`;
}

/** Uncertain parameters in planners' words. */
const UNCERTAIN_WORDS = {
  annualTurnover: 'staff turnover', fillProbability: 'how fast vacancies are filled',
  agencyCoverShare: 'how much agency staff cover vacancies',
};

/** Whether a calibration's note says a parameter is very uncertain (the engine's RateSpread). */
export function isVeryUncertain(note) {
  return /^very uncertain: /.test(note);
}

/**
 * The calibration notes shown as warnings above a baseline, by how they begin, each with its
 * heading: a return the calibration found doubtful (CaseMix's: a trial's Cumbria 2018, 417
 * cases held where the census counts 3,305, had forecast 410 children waiting within a year
 * with nothing said), and replications that recruit nobody (RateSpread's: Birmingham 2022's
 * futures with no starter had been unsaid).
 */
const WARNED_NOTES = [['doubtful return: ', 'Doubtful return'], ['no recruitment: ', 'Some futures recruit nobody']];

/** Whether a calibration note is one shown as a warning (WARNED_NOTES). */
export function isWarnedNote(note) {
  return WARNED_NOTES.some(([start]) => note.startsWith(start));
}

/** The warning a note of WARNED_NOTES gives: its heading, then the note's words. */
export function noteWarning(note) {
  const [start, heading] = WARNED_NOTES.find(([s]) => note.startsWith(s));
  return `${heading}: ${note.slice(start.length)}.`;
}

/**
 * The warning above a baseline whose calibration found parameters very uncertain, in
 * planners' words: which, and what it means for the bands (a trial's Leeds 2021 had bands of
 * 0% to 40% vacancy with nothing said).
 */
export function uncertaintyWarning(notes) {
  const names = notes.map((n) => /^very uncertain: (\w+)/.exec(n)?.[1]).filter(Boolean)
    .map((p) => UNCERTAIN_WORDS[p] ?? p);
  return `Wide bands ahead: this council's own figures disagree from year to year on ${names.join(' and ')},`
    + ' far more than the typical council\'s, so replications differ widely and the bands are wide.'
    + ' Read the notes below, and check the council\'s returns before relying on the bands.';
}

/**
 * The saved scenarios' rows as listed, one for each item of the API's list ({name, updatedAt}):
 * when it was last saved, to the minute, and the name its Open and Delete buttons are read by.
 * That is its name where the name is its own; where names read alike (two saved as "Rutland
 * retention test" had been listed, and their buttons read, as one scenario's two versions),
 * the name and when it was saved ("Rutland retention test (saved 3 Dec 2026 07:31)"), to the
 * second where the minute does not tell them apart, and its row where nothing does.
 */
export function savedRows(items) {
  const byName = new Map();
  for (const item of items) {
    const key = readingKey(item.name);
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key).push(item);
  }
  return items.map((item, row) => {
    const alike = byName.get(readingKey(item.name));
    if (alike.length === 1) return { when: dateTime(item.updatedAt), label: item.name, repeated: false };
    const apart = (options) => new Set(alike.map((o) => dateTime(o.updatedAt, options))).size === alike.length;
    const seconds = !apart();
    const when = dateTime(item.updatedAt, { seconds });
    const sameSecond = seconds && !apart({ seconds });
    return { when, label: `${item.name} (saved ${when}${sameSecond ? `, row ${row + 1}` : ''})`, repeated: true };
  });
}

/**
 * Whether an extra cost summary's mean points the other way to most replications: the mean
 * and the median of opposite signs, or a mean saving where the plan costs more in over half of
 * them (shareAboveZero), or a mean extra cost where it costs more in under half.
 */
function costAgainstMost(s) {
  if (!(typeof s.mean === 'number' && s.mean !== 0)) return false;
  if (typeof s.p50 === 'number' && s.p50 !== 0 && (s.p50 > 0) !== (s.mean > 0)) return true;
  if (typeof s.shareAboveZero !== 'number') return false;
  return s.mean < 0 ? s.shareAboveZero > 0.5 : s.shareAboveZero < 0.5;
}

/**
 * The note beside a comparison's extra cost where its mean points the other way to most
 * replications (Medway 2022's plan read "a year on average −£905k" while it cost more in 53%
 * of replications, the median +£143k a year: a few replications of large savings pull the
 * mean), or null. `periods`: [{label, mean, p50, p5, p95, shareAboveZero}], each scaled as its
 * row is (the headline, "a year on average", first): the first that points the other way in
 * full, the others after it in a line.
 */
export function extraCostNote(periods) {
  const against = periods.filter(costAgainstMost);
  if (!against.length) return null;
  const [first, ...rest] = against;
  const cost = (x) => difference('cost', x);
  const share = (s) => probabilityAgainst(s.shareAboveZero, 0.5);
  const saving = first.mean < 0;
  const most = typeof first.shareAboveZero === 'number' && (saving ? first.shareAboveZero > 0.5 : first.shareAboveZero < 0.5);
  const typical = saving
    ? (most ? `in most futures (${share(first)}) the plan costs more` : 'in the typical future the plan costs more')
    : (most ? `in most futures (${probabilityAgainst(1 - first.shareAboveZero, 0.5)}) the plan costs no more`
      : 'in the typical future the plan costs no more');
  const tail = saving
    ? `the average saving of ${money(-first.mean)} comes from a few futures where it saves far more (5th percentile ${cost(first.p5)})`
    : `the average extra cost of ${money(first.mean)} comes from a few futures where it costs far more (95th percentile ${cost(first.p95)})`;
  const others = rest.map((s) => `${s.label}: mean ${cost(s.mean)}, median ${cost(s.p50)}, costs more in ${share(s)}`);
  return `${first.label}: ${typical} (median ${cost(first.p50)}); ${tail}.`
    + (others.length ? ` Likewise ${others.join('; ')}.` : '');
}

/** Metrics of which more is better (staff in post); of the others, less is. */
const HIGHER_BETTER = new Set(['inPostFte', 'starters']);

/**
 * The note beside a comparison's differences where a row's mean difference points the other
 * way to most replications (Medway 2022's caseload at month 12: a mean of +0.3, worse, while
 * lower, better, in 64% of replications), or null. `rows`: [{label, metric, mean (the
 * difference's), written (the mean as the table writes it), better, worse}].
 */
export function againstMostNote(rows) {
  const each = [];
  for (const r of rows) {
    if (!(typeof r.mean === 'number' && r.mean !== 0)) continue;
    if (typeof r.better !== 'number' || typeof r.worse !== 'number') continue;
    const higherBetter = HIGHER_BETTER.has(r.metric);
    const meanBetter = higherBetter ? r.mean > 0 : r.mean < 0;
    const most = meanBetter ? r.worse : r.better;
    if (!(most > 0.5)) continue;
    // the direction most replications go, in plain words
    const mostHigher = meanBetter ? !higherBetter : higherBetter;
    each.push(`${r.label} (mean ${r.written}, yet ${mostHigher ? 'higher' : 'lower'} in ${probabilityAgainst(most, 0.5)} of futures)`);
  }
  if (!each.length) return null;
  return `The mean difference and most futures point different ways in ${each.join('; ')}:`
    + ' a few futures with large differences outweigh many with small ones.';
}

/**
 * The 30 September indicators in planners' words. Cost is the year's total to that date (a
 * trial had read "Cost" beside a chart of a month's cost times 12).
 */
export const SNAPSHOT_LABELS = {
  inPostFte: 'Staff in post (FTE)', agencyFte: 'Agency workers (FTE)', vacancyFte: 'Vacancies (FTE)',
  vacancyRate: 'Vacancy rate', turnoverRate: 'Turnover rate', agencyRate: 'Agency rate',
  caseload: 'Average caseload', cases: 'Cases', caseHolderFte: 'Case holders (FTE)',
  unallocatedCases: 'Unallocated cases', referrals: 'Referrals in the year, re-referrals included', starters: 'Starters',
  leavers: 'Leavers', cost: 'Cost in the year to 30 September',
};

/**
 * The heading of a run's 30 September indicators, `prefix` ("Baseline: ", "Plan: " or none)
 * first: simulated, as they are the run's figures in the DfE's terms, not the DfE's own (a
 * trial had read "Baseline: DfE indicators" as published figures).
 */
export function snapshotCaption(prefix = '') {
  return prefix ? `${prefix}simulated DfE indicators at 30 September` : 'Simulated DfE indicators at 30 September';
}
