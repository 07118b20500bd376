// Numbers for people: 18.4, 2,623, 23%, +2 points, £1.2m. Pure functions, unit-tested in test/format.test.js.

const MINUS = '\u2212';

function sign(x) {
  return x < 0 ? MINUS : '';
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}((,\d{3})+|( \d{3})+)(\.\d*)?$/;

/**
 * A number as a planner types it: "1000", "1,000", "1 000", "£2,500,000", "0.15", "1e3" (a
 * leading £ ignored; commas or spaces only as thousands separators, in groups of three).
 * Anything else ("1,5" with a decimal comma, "1 5", "15%", "ten") is returned as typed, for
 * the API to refuse with a message shown next to the field, never silently read as another
 * number; null when blank.
 */
export function typedNumber(text) {
  const t = String(text ?? '').trim();
  if (t === '') return null;
  const s = t.replace(/^([-+]?)£\s*/, '$1');
  if (!DECIMAL.test(s) && !GROUPED.test(s)) return t;
  const n = Number(s.replace(/[, ]/g, ''));
  return Number.isFinite(n) ? n : t;
}

const MONEY_SCALES = { k: 1e3, m: 1e6, bn: 1e9 };

/**
 * Money as typed, as the page writes it: "£2m", "2.5m", "£450k", "£2,000,000", "-£1m" are
 * numbers of pounds; anything else as typedNumber reads it (a target's value took "£2m" while a
 * funding lever had refused it as 'must be a number, was the string "2m"').
 */
export function typedMoney(text) {
  const t = String(text ?? '').trim();
  const m = /^([-+]?)\s*£?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*(k|m|bn)$/i.exec(t);
  if (!m) return typedNumber(text);
  const n = Number((Number(m[2].replace(/,/g, '')) * MONEY_SCALES[m[3].toLowerCase()]).toPrecision(12));
  return m[1] === '-' ? -n : n;
}

/**
 * `n` of `word`, the word plural but for one: "1 month", "6 months", "1 funded post"; `shown`
 * writes the number ("0.5 funded posts").
 */
export function counted(n, word, shown = String(n)) {
  return `${shown} ${word}${Number(n) === 1 ? '' : 's'}`;
}

/** A number with at most `digits` decimals and thousands separators: 18.4, 2,623. */
export function number(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const rounded = Math.abs(x).toLocaleString('en-GB', {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  });
  return (rounded.match(/[1-9]/) ? sign(x) : '') + rounded;
}

/**
 * `x` with at most `digits` decimals (as number()), but a nonzero `x` never shown as 0: then
 * with the decimals of its first significant digit (0.002 is 0.002, not 0).
 */
export function nonzero(x, digits = 1) {
  const text = number(x, digits);
  if (!x || !Number.isFinite(x) || /[1-9]/.test(text)) return text;
  return number(x, Math.min(20, Math.ceil(-Math.log10(Math.abs(x)))));
}

/**
 * A share as a percentage: 0.23 is 23%, 0.054 is 5.4%, 0.0004 is 0.04%; never 0% unless
 * zero, nor 100% unless one (0.99999 is >99.9%, 0.997 is 99.7%).
 */
export function percent(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const p = x * 100;
  const abs = Math.abs(p);
  if (p >= 99.95 && p < 100) return '>99.9%';
  const digits = abs === 0 || (abs >= 10 && abs < 99.5) || abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
  return nonzero(p, digits) + '%';
}

/**
 * A probability: whole percents from 1% to 99%, one decimal nearer the ends, and never 0% or
 * 100% unless exactly so: 4,095 of 4,096 is >99.9%, 1 of 1,000 is 0.1%, 1 of 4,096 is <0.1%.
 */
export function probability(p, decimals) {
  if (p === null || p === undefined || Number.isNaN(p)) return '\u2013';
  if (p === 0 || p === 1) return number(p * 100, 0) + '%';
  if (p < 0.001) return '<0.1%';
  if (p > 0.999) return '>99.9%';
  return number(p * 100, decimals ?? (p < 0.01 || p > 0.99 ? 1 : 0)) + '%';
}

/**
 * Probabilities read together (an estimate and its interval's ends, a baseline's and a plan's)
 * with one decimal for all where any needs it: one under 10% or over 90%, or all within 5
 * points. 0.015 in [0.0084, 0.0246] had read "2%, 0.8% to 2%", the estimate at its own
 * interval's end (an outside trial); now "1.5%, 0.8% to 2.5%".
 */
export function probabilities(...ps) {
  const shown = ps.filter((p) => typeof p === 'number' && Number.isFinite(p));
  const fine = shown.some((p) => (p > 0 && p < 0.1) || (p > 0.9 && p < 1))
    || (shown.length > 1 && Math.max(...shown) - Math.min(...shown) < 0.05);
  return ps.map((p) => probability(p, fine ? 1 : undefined));
}

/**
 * A probability beside a goal it is compared with: as {@link probability} writes it, with
 * more decimals where that would put it on the other side of the goal (a plan meeting every
 * target with P 0.7954 had read '80%' beside an 80% goal it falls short of: now '79.5%').
 */
export function probabilityAgainst(p, goal) {
  const text = probability(p);
  if (goal === null || goal === undefined || !Number.isFinite(p) || p <= 0.001 || p >= 0.999) return text;
  for (let decimals = 0; decimals <= 3; decimals++) {
    const shown = Number((p * 100).toFixed(decimals)) / 100;
    if ((p < goal) === (shown < goal)) {
      return decimals === 0 ? text : number(p * 100, decimals) + '%';
    }
  }
  // within a thousandth of a point of the goal yet on the other side: said so (0.499996 had
  // read '50%' beside a goal of 50%)
  return `${p < goal ? '<' : '>'}${number(goal * 100, 3)}%`;
}

/**
 * Shares of one whole (P(better), P(same), P(worse)) as whole percentages that add up to 100:
 * each rounded down, the points left over given to the largest remainders (Hamilton's method),
 * as the CLI's table; a share above 0 given 0 reads <1%, one below 1 given 100 reads >99%.
 */
export function shares(...ps) {
  // a metric with no better or worse (referrals): only its defined shares, each on its own
  if (ps.some((p) => p === null || p === undefined || Number.isNaN(p))) return ps.map((p) => probability(p));
  const whole = ps.map((p) => Math.floor(100 * p + 1e-9));
  let left = 100 - whole.reduce((a, b) => a + b, 0);
  const order = ps.map((p, i) => i).sort((a, b) => (100 * ps[b] - whole[b]) - (100 * ps[a] - whole[a]) || a - b);
  for (let k = 0; k < left && k < order.length; k++) whole[order[k]]++;
  return ps.map((p, i) => (p > 0 && whole[i] <= 0 ? '<1%' : p < 1 && whole[i] >= 100 ? '>99%' : `${whole[i]}%`));
}

/**
 * `text` (the magnitude of `x` written) with the sign of `x`: + when above zero and shown
 * nonzero; joined to a pound sign by a word joiner, as money() joins a minus (a phone's extra
 * cost table had broken "+" from "£577k", the plus on a line of its own).
 */
function signed(text, x) {
  if (!(x > 0 && /[1-9]/.test(text))) return text;
  return (text.startsWith('£') ? '+\u2060' : '+') + text;
}

/**
 * A difference of two shares (or probabilities) in percentage points, without the word: 0.02
 * is 2, 0.004 is 0.4, 0.123 is 12; one decimal below 10 points and a nonzero difference never
 * 0 (0.00024 is 0.02).
 */
export function pointsNumber(x, extra = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const p = x * 100;
  return fixedNonzero(p, (Math.abs(p) >= 9.95 ? 0 : 1) + extra);
}

/** A difference of shares with its sign and unit: "+2 points", "\u22120.4 points", "0 points". */
export function points(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  return `${signed(pointsNumber(x), x)} points`;
}

/**
 * A difference (plan - baseline) of metric `metric`, signed, rates in percentage points:
 * "+2.1 points", "\u22123.4", "+£1.2m"; a nonzero one never written +0.
 */
export function difference(metric, x, extra = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const kind = kindOf(metric);
  if (kind === 'rate') return `${signed(pointsNumber(x, extra), x)} points`;
  if (kind === 'money') return signed(money(x, extra), x);
  return signed(fixedNonzero(x, (kind === 'count' ? 0 : 1) + extra), x);
}

/**
 * An end of a difference's interval: as difference(), without the + and the unit word;
 * `extra` decimals more; a dash where there is none.
 */
export function differenceEnd(metric, x, extra = 0) {
  // none (one replication: no interval) is no 0: "(0 to 0)" had framed a difference of -1.2
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const kind = kindOf(metric);
  if (kind === 'rate') return pointsNumber(x, extra);
  if (kind === 'money') return money(x, extra);
  return fixedNonzero(x, (kind === 'count' ? 0 : 1) + extra);
}

/** The value of the last digit a difference's end of `kind` near `x` is written to, `extra` decimals more. */
function lastDigit(kind, x, extra) {
  const abs = Math.abs(x);
  let step;
  if (kind === 'money') step = abs >= 1e9 ? 1e8 : abs >= 1e8 ? 1e6 : abs >= 1e6 ? 1e5 : abs >= 1e4 ? 1e3 : abs >= 1e3 ? 100 : 1;
  else if (kind === 'rate') step = abs * 100 >= 9.95 ? 0.01 : 0.001;
  else step = kind === 'count' ? 1 : 0.1;
  return step / 10 ** extra;
}

/**
 * How many decimals more than usual the ends of an interval of metric `metric` need for its
 * width to show: until the last digit is at most half the width, up to 3 ("£2.014m to
 * £2.025m", not "£2m to £2m"; "£2.148m to £2.154m", not "£2.1m to £2.2m", which had read
 * as ±£50k where it is ±£3k).
 */
export function intervalExtra(metric, low, high) {
  const kind = kindOf(metric);
  if (!(high > low)) return 0;
  for (let extra = 0; extra < 3; extra++) {
    if (Math.max(lastDigit(kind, low, extra), lastDigit(kind, high, extra)) <= (high - low) / 2) return extra;
  }
  return 3;
}

/**
 * The decimals beyond the usual a comparison's row writes its difference with (and so its
 * means, meanBeside), from the means of baseline and plan and the difference's 95% interval:
 * those its interval asks for (intervalExtra), and for a count whose means are under 10 (so
 * written with a decimal) at least one ("0.0 | 1.1 | +1 (−0.3 to 3)" had read as a slip: now
 * +1.1 (−0.3 to 2.5)).
 */
export function rowExtra(metric, baseMean, planMean, ci, d) {
  let extra = Array.isArray(ci) ? intervalExtra(metric, ci[0], ci[1]) : 0;
  const underTen = [baseMean, planMean].some((m) => typeof m === 'number' && Math.abs(m) < 10);
  if (kindOf(metric) === 'count' && underTen) extra = Math.max(extra, 1);
  // a difference smaller than the last digit shown gets digits until it is not: "15 | 15 | +1"
  // for 14.56 and 15.18 had read as a slip (a planner's trial): now "14.6 | 15.2 | +0.6"
  const kind = kindOf(metric);
  while (kind !== 'money' && typeof d === 'number' && d !== 0 && extra < 3
    && Math.abs(d) < lastDigit(kind, d, extra) * (1 - 1e-9)) extra++;
  return extra;
}

/**
 * A difference with its 95% interval: "+2.1 points (1.8 to 2.4)", "\u22126.1 (\u22126.3 to
 * \u22125.9)"; with more decimals where the usual ones would hide its width ("+£2.02m (£2.014m to
 * £2.025m)", intervalExtra); `atLeast` decimals more at least (rowExtra's).
 */
export function differenceWithInterval(metric, x, [low, high], atLeast = 0) {
  const extra = Math.max(atLeast, intervalExtra(metric, low, high));
  return `${difference(metric, x, extra)} (${differenceEnd(metric, low, extra)} to ${differenceEnd(metric, high, extra)})`;
}

/**
 * Money: £1.2m, £450k, £820, −£0.3m; with `extra` decimals more (£1.23m); `exact`: with all
 * of them, trailing zeros kept (£1.240m beside £1.257m).
 */
export function money(x, extra = 0, exact = false) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const abs = Math.abs(x);
  // decimals asked for beyond the usual keep their zeros, as their neighbours' ("£1.253m to
  // £1.26m" beside +£1.256m had read as less precise: a trial)
  const num = exact || extra > 0 ? fixed : number;
  let text;
  if (abs >= 1e9) text = num(abs / 1e9, 1 + extra) + 'bn';
  else if (abs >= 1e6) text = num(abs / 1e6, (abs >= 1e8 ? 0 : 1) + extra) + 'm';
  else if (abs >= 1e4) text = num(abs / 1e3, extra) + 'k';
  else if (abs >= 1e3) text = num(abs / 1e3, 1 + extra) + 'k';
  else text = num(abs, extra);
  const shown = '£' + text;
  // a word joiner keeps a minus with its pound sign: at 200% zoom a cell had broken between
  // them, so that a saving read as a cost ("−" on one line, "£3.1m" on the next)
  return (/[1-9]/.test(text) && x < 0 ? sign(x) + '\u2060' : '') + shown;
}

/**
 * A comparison's extra cost over a period (an extraCost summary: mean, ci95, p50, p5, p95,
 * shareAboveZero), `scale`d (to a year), as the extra cost table's cells: the mean signed and
 * its 95% interval with as many decimals as show the interval's width (a year's "+£1.1m, £1.1m
 * to £1.1m" had hidden an interval of £1.12m to £1.14m); the median, the typical replication's
 * (a mean saving of £815k had stood alone where the median replication cost £376k more: a few
 * replications of large savings pull the mean); the 90% band across replications; and the
 * share of replications in which the plan costs more, never on the other side of one half than
 * it is (0.496 is 49.6%, not 50%).
 */
export function extraCostCells(s, scale = (x) => x) {
  const ci = meanInterval95(s);
  const extra = ci ? intervalExtra('cost', scale(ci[0]), scale(ci[1])) : 0;
  return [difference('cost', scale(s.mean), extra),
    ci ? `${money(scale(ci[0]), extra)} to ${money(scale(ci[1]), extra)}` : '\u2013',
    typeof s.p50 === 'number' ? difference('cost', scale(s.p50)) : '\u2013',
    `${money(scale(s.p5))} to ${money(scale(s.p95))}`,
    probabilityAgainst(s.shareAboveZero, 0.5)];
}

/**
 * The 95% interval of a mean as the engine gives it with a cost's summary (`ci95`: Student's t
 * with n - 1 degrees of freedom times the standard error, the CLI's "95% CI"); null where it
 * has none (one replication).
 */
export function meanInterval95(summary) {
  const ci = summary && summary.ci95;
  if (!Array.isArray(ci) || ci.length !== 2 || ci.some((x) => typeof x !== 'number')) return null;
  return ci;
}

/** How each kind of metric is written. */
export const KINDS = {
  count: (x) => number(x, 0),
  fte: (x) => number(x, 1),
  caseload: (x) => number(x, 1),
  rate: percent,
  money,
  months: (x) => number(x, 1),
};

/** The kind of a metric by its name in the results document. */
export function kindOf(metric) {
  if (/^(cost|budget|vacancyUnderspend|agencyOverspend)/.test(metric)) return 'money';
  if (/Rate$|^shareAbove/.test(metric)) return 'rate';
  if (/^caseload/.test(metric)) return 'caseload';
  if (/Fte$/.test(metric)) return 'fte';
  if (/Months$/.test(metric)) return 'months';
  return 'count';
}

/**
 * A Monte Carlo error (a 95% half-width) of metric `metric`, written as the metric is but never
 * 0 unless it is (a caseload's ±0.04 had read ±0).
 */
export function errorValue(metric, x) {
  const kind = kindOf(metric);
  if (kind === 'rate' || kind === 'money') return metricValue(metric, x);
  return nonzero(x, kind === 'count' ? 0 : 1);
}

/** Whole numbers up to this are exact in the engine's percentiles (Summary.EXACT_WHOLE_NUMBERS_UP_TO). */
export const EXACT_WHOLE_NUMBERS_UP_TO = 1024;

/**
 * A percentile of metric `metric` (a median, a band's end), written to the precision it has:
 * percentiles of values above 1,024 are within 0.5% of the exact ones (docs/monte-carlo.md), so
 * a count's or staff's is written to 3 significant figures (England's 333,703 cases is 334,000);
 * money and rates are written so already, and anything else as metricValue. Means are exact:
 * metricValue.
 */
export function percentileValue(metric, x) {
  const kind = kindOf(metric);
  if (typeof x === 'number' && Math.abs(x) > EXACT_WHOLE_NUMBERS_UP_TO && kind !== 'money' && kind !== 'rate') {
    return number(Number(x.toPrecision(3)), 0);
  }
  return metricValue(metric, x);
}

/** Formats `x` as metric `metric` is written. */
export function metricValue(metric, x) {
  return KINDS[kindOf(metric)](x);
}

/** The decimals a number is written with: "−3.4" 1, "0.02" 2, "12" 0. */
function decimalsOf(text) {
  return /\.(\d+)/.exec(text)?.[1].length ?? 0;
}

/**
 * A mean beside a difference `d` of it (a comparison's table): as metricValue(), but with as
 * many decimals as the difference is written with (at most 2), so "20% → 16%, −3.4 points"
 * is "20.1% → 16.7%, −3.4 points". Money is written as money() whatever the difference.
 * `extra`: the decimals the difference is written with beyond the usual, as its interval asks
 * (intervalExtra), so the means have the difference's decimals as shown ("0.00 | 0.06 | +0.1"
 * had taken two from the difference alone while the table wrote it with one).
 */
export function meanBeside(metric, x, d, extra = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return '\u2013';
  const kind = kindOf(metric);
  if (d === null || d === undefined || Number.isNaN(d)) return metricValue(metric, x);
  if (kind === 'money') {
    // to the difference's last digit, so that the two means differ by what it says ("£1.2m |
    // £1.3m | +£17k" had read as a slip of £100k: now £1.243m | £1.260m)
    // at most three digits more (to £100 on a million): "£1.234567m" beside +£286 read as noise
    const step = d ? lastDigit('money', d, extra) : Infinity;
    let more = 0;
    while (more < 3 && lastDigit('money', x, more) > step * (1 + 1e-9)) more++;
    return more ? money(x, more, true) : money(x);
  }
  const digits = Math.min(2, decimalsOf(differenceEnd(metric, d, extra)));
  if (kind === 'rate') {
    const p = x * 100;
    if (p > 99) return percent(x);
    // under 1% with two decimals at least, trailing zeros kept: 0.998% had read "1%" beside
    // "1.34%" and a difference of −0.35 points (a planner's trial)
    return `${fixed(p, Math.max(digits, p < 1 ? 2 : 0))}%`;
  }
  // a mean count under 10 keeps a decimal: 0.554 children waiting had read '1' beside 1.518
  // read '2' (a planner's trial), where the difference's whole numbers asked for none
  // and every mean to the difference's last digit, trailing zeros kept ("15.7 | 16 | +0.3" had
  // dropped the 16.0's)
  const own = kind === 'count' && Math.abs(x) >= 10 ? 0 : 1;
  return fixed(x, Math.max(digits, own));
}

/**
 * `x` with exactly `digits` decimals, so that a difference and the means beside it add up
 * (−3.0, not −3, beside 10.3% and 7.3%: a planner's trial read 10% → 7.3%, −3 points); a
 * nonzero `x` that would show as 0 with the decimals of its first significant digit.
 */
function fixedNonzero(x, digits) {
  if (!x) return '0'; // exactly none: 0 points, whatever the decimals
  const text = fixed(x, digits);
  return /[1-9]/.test(text) ? text : nonzero(x, digits);
}

/** `x` with exactly `digits` decimals: 12.0, 16.40. */
function fixed(x, digits) {
  const text = Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (/[1-9]/.test(text) ? sign(x) : '') + text;
}

/**
 * Reads a job's successive statuses as a line of progress: "running: 1,200 of 5,000
 * replications, about 40 s left", or "running: 1,200 replications" where the total is not
 * known ahead (a goal-seek's). The rate is measured from the first status seen running, so a
 * queue's wait is left out; `now` gives the time in milliseconds.
 */
export function progressReader(now = () => Date.now()) {
  let first = null;
  return (status) => {
    const p = status.progress;
    // a queued run waits for a run slot that runs of others (or other tabs) hold: said so
    // (a trial's second tab had read "queued: 0 of 500 replications" with no reason)
    if (status.status === 'queued') {
      return `queued: waiting for a free run slot (the server runs a few at a time; others are ahead)${p.total == null ? '' : `, then ${number(p.total, 0)} replications`}`;
    }
    if (status.status === 'running' && first === null) first = { at: now(), done: p.done };
    if (p.total == null) return `${status.status}: ${number(p.done, 0)} replications`;
    // the count moves as each batch of replications ends: a large council's first takes a few
    // seconds (a trial's England run had read "0 of 200" as if stuck)
    if (status.status === 'running' && p.done === 0) {
      return `running: working on the first of ${number(p.total, 0)} replications (counted as each batch ends)`;
    }
    const left = first ? timeLeft(p.done - first.done, p.total - first.done, (now() - first.at) / 1000) : '';
    return `${status.status}: ${number(p.done, 0)} of ${number(p.total, 0)} replications`
      + (left ? `, ${left}` : '');
  };
}

/**
 * Time left of a run from its progress: `done` of `total` replications after `seconds` of
 * running (its rate so far), as "about 40 s left" or "about 3 min left"; empty until a tenth
 * of a second's worth of work is done or when nothing is left.
 */
export function timeLeft(done, total, seconds) {
  if (!(done > 0) || !(total > done) || !(seconds > 0.1)) return '';
  const left = (total - done) * seconds / done;
  if (left < 60) return `about ${Math.max(1, Math.round(left))} s left`;
  if (left < 3600) return `about ${Math.round(left / 60)} min left`;
  return `about ${number(left / 3600, 1)} h left`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment in the reader's own time, to the minute or to the second: "3 Dec 2026 07:31",
 * "3 Dec 2026 07:31:05" (an API time such as a saved scenario's `updatedAt`).
 */
export function dateTime(time, { seconds = false } = {}) {
  const d = new Date(time);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTH_NAMES[d.getMonth()]} ${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`
    + (seconds ? `:${two(d.getSeconds())}` : '');
}
