// Decision support on the page: the bodies of POST /api/v1/goal-seeks and /sensitivities,
// and the goal-seek's frontier and the sensitivity's tornado drawn with Observable Plot.
import * as Plot from '@observablehq/plot';
import { baselineOf } from './requests.js';
import { defaultRows, formLines, postsRange } from './decide-levers.js';
import { assumptionLevers, leverFromIntervention } from './levers.js';
import { COLOURS, REFERENCE, labelWidth, wrapWords } from './charts.js';
import { targetLabel } from './wording.js';
import { typedNumber, probability, probabilityAgainst, number, nonzero, money, metricValue, difference, differenceEnd, errorValue, intervalExtra, kindOf, pointsNumber } from './format.js';

/** Lines of text as a list, blank lines dropped. */
export function lines(text) {
  return String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
}

function whole(text) {
  return typedNumber(text) ?? undefined;
}

function withSettings(body, typed) {
  for (const key of ['months', 'seed']) {
    const v = whole(typed[key]);
    if (v !== undefined) body[key] = v;
  }
  return body;
}

/**
 * A probability as typed: a fraction, or a percentage ("80%" is 0.8: a trial's "80%" had been
 * refused while rate targets took one); else as typedNumber reads it, for the API to name.
 */
export function typedProbability(text) {
  const percent = /^\s*(\d*\.?\d+)\s*%\s*$/.exec(String(text ?? ''));
  return percent ? Number((Number(percent[1]) / 100).toPrecision(12)) : whole(text);
}

/**
 * What is wrong with a goal-seek's probability as typed, in a planner's words, or null: a
 * number from 1 to 100 without its % is a percentage typed without its sign (80 had been
 * refused as "must be strictly between 0 and 1, was 80.0", without a word of 80%); the rest is
 * left to the API, which names it.
 */
export function probabilityProblem(text) {
  const typed = String(text ?? '').trim();
  const p = typedProbability(typed);
  if (typeof p !== 'number' || p <= 1 || p >= 100) return null;
  return `A probability is a fraction or a percentage: ${Number((p / 100).toPrecision(12))} or ${typed}%; was "${typed}".`;
}

/** POST /api/v1/goal-seeks: the scenario, the targets, p and the levers (one per line). */
export function goalSeekRequest(start, typed, targets, probability, leverText, assumed = []) {
  const body = { ...baselineOf(start, assumed), targets: targets.map((s) => s.trim()).filter(Boolean),
    probability: typedProbability(probability), levers: lines(leverText) };
  return withSettings(body, typed);
}

/** POST /api/v1/sensitivities: a tornado of one metric at one month. */
export function tornadoRequest(start, typed, metric, month, leverText, assumed = []) {
  const body = { ...baselineOf(start, assumed), metric: String(metric).trim(), month: whole(month),
    method: 'tornado', levers: lines(leverText) };
  return withSettings(body, typed);
}

/**
 * The Decide section's levers to start from, as lines (decide-levers.js's defaultRows): posts
 * on the first long-term team sized to it, and a recruitment campaign.
 */
export function defaultDecideLevers(teams = []) {
  return formLines(defaultRows(teams)).join('\n');
}

export { postsRange };

/**
 * The frontier's points: {plan, cost, costReplications, probability, ci95, replications, answer,
 * best} from a goal-seek document; `best` the plan the answer names where none reaches p.
 */
export function frontierRows(doc) {
  const answer = doc.answer?.plan?.plan;
  const best = doc.answer?.status !== 'found' ? doc.answer?.best?.plan : undefined;
  return (doc.evaluated ?? []).map((e) => ({ plan: e.plan, cost: e.meanCost, costReplications: e.costReplications,
    probability: e.probability, ci95: e.ci95, replications: e.replications, answer: e.plan === answer,
    best: best !== undefined && e.plan === best }));
}

/**
 * The frontier's size and margins, fixed so that where each point is drawn is known here
 * (frontierPoints) and not only in the browser: the x scale runs from the cheapest plan's cost
 * to the dearest's, inset by FRONTIER.inset px so that neither lies on the plot's edge.
 */
export const FRONTIER = { width: 640, height: 314, marginTop: 20, marginRight: 20, marginBottom: 44, marginLeft: 56, inset: 10 };

/**
 * The cost axis's ticks (in £) and their decimals (in £m): a nice step of 1, 2 or 5 times a
 * power of ten for about one tick every 80 px, as many decimals as the step needs (at least
 * one), so that no two ticks read alike (at one decimal, plans from £7.30m to £7.70m had read
 * "7.3 7.3 7.4 7.5 7.5 7.5 7.6 7.7 7.7").
 */
export function frontierCostTicks([low, high], width = FRONTIER.width) {
  const count = Math.max(2, Math.round((width - FRONTIER.marginLeft - FRONTIER.marginRight) / 80));
  const span = (high - low) / 1e6;
  if (!(span > 0)) return { ticks: [low], decimals: 1 };
  const rough = span / count;
  const power = Math.floor(Math.log10(rough));
  const error = rough / 10 ** power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * 10 ** power;
  const decimals = Math.max(1, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = [];
  for (let k = Math.ceil(low / 1e6 / step - 1e-9); k * step <= high / 1e6 + 1e-9 * step; k++) {
    ticks.push(Number((k * step).toFixed(decimals)) * 1e6);
  }
  return { ticks, decimals };
}

/** Points whose centres are closer than this (px, the chart at its drawn size) are drawn as one. */
export const OVERLAP_PX = 4;

/** The cost axis's domain: the plans' costs, widened by 1% about a single cost. */
export function frontierCostDomain(rows) {
  const costs = rows.map((r) => r.cost).filter((c) => typeof c === 'number');
  if (!costs.length) return [0, 1];
  const low = Math.min(...costs);
  const high = Math.max(...costs);
  if (low < high) return [low, high];
  const pad = Math.abs(low) * 0.01 || 1;
  return [low - pad, high + pad];
}

/** Where each row's point is drawn ({x, y} in the chart's px), as frontierChart draws it. */
export function frontierPoints(rows, { width = FRONTIER.width, height = FRONTIER.height } = {}) {
  const [low, high] = frontierCostDomain(rows);
  const left = FRONTIER.marginLeft + FRONTIER.inset;
  const right = width - FRONTIER.marginRight - FRONTIER.inset;
  const bottom = height - FRONTIER.marginBottom;
  return rows.map((r) => ({ x: left + ((r.cost - low) / (high - low)) * (right - left),
    y: bottom - r.probability * (bottom - FRONTIER.marginTop) }));
}

/**
 * The plans drawn over one another: groups (arrays of rows, cheapest first, two or more) whose
 * points lie within OVERLAP_PX of each other (one plan's point to the next's, in chains), as
 * plans of the same cost and probability do: a lever value that changes nothing (an agency cap
 * above what agency staff reach) gives the plan of the value beside it exactly.
 */
export function overlappingPlans(rows, size) {
  const points = frontierPoints(rows, size);
  const group = rows.map((_, i) => i);
  const root = (i) => (group[i] === i ? i : (group[i] = root(group[i])));
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y) < OVERLAP_PX) group[root(j)] = root(i);
    }
  }
  const groups = new Map();
  rows.forEach((r, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), r]));
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a.cost - b.cost));
}

/** "2 plans", "1 plan". */
function plans(n) {
  return `${number(n, 0)} plan${n === 1 ? '' : 's'}`;
}

/**
 * How many plans the levers' ranges allow (the product of their values' counts), and the sizes
 * multiplied: {all, sizes}; null where the document does not list the levers' values.
 */
export function planGrid(doc) {
  const sizes = (doc.levers ?? []).map((l) => l.values?.length ?? 0);
  if (!sizes.length || sizes.some((n) => !n)) return null;
  return { all: sizes.reduce((a, b) => a * b, 1), sizes };
}

/** Whether plan `e` has every lever at its strongest (the last value of each range). */
function strongest(doc, e) {
  return (doc.levers ?? []).every((l) => e.levers?.[l.lever] === l.values[l.values.length - 1]);
}

/** Whether plan `e` has every lever at its weakest (the first value of each range). */
function weakest(doc, e) {
  return (doc.levers ?? []).every((l) => e.levers?.[l.lever] === l.values[0]);
}

/**
 * Why the search ran the plans it ran and not all (docs/decide.md): the reason that holds
 * for this document, so that the note never contradicts the answer above it or the table
 * below it.
 */
function whyNotAll(doc) {
  const evaluated = doc.evaluated ?? [];
  const p = probability(doc.probability);
  if (doc.answer?.status === 'found') {
    return doc.answer.cheapestAmongRunOnly
      ? `a plan run on the way met ${p} where the strongest plan meets the goal less often, so the`
        + ' levers are not all monotone here and the answer is the cheapest of the plans run, not'
        + ' surely of all'
      : 'the search runs only the plans it needs to find the cheapest that meets the goal';
  }
  const endsOnly = evaluated.length === 2 && evaluated.some((e) => strongest(doc, e))
    && evaluated.some((e) => weakest(doc, e));
  return endsOnly
    ? `the strongest plan (every lever at its strongest) falls short of ${p}, and a weaker plan`
      + ' is taken to meet the targets no more often, so the search ran none between it and the'
      + ' weakest'
    : `no plan run reached ${p}: the search looked along each setting of the levers it cannot`
      + ' rank, as far as it needed to tell';
}

/**
 * How many plans were run against how many the ranges allow, and why not all ({@link whyNotAll}).
 * A frontier of two points from a grid of eight had been read as plans lost from the chart.
 */
export function frontierRunText(doc) {
  const run = (doc.evaluated ?? []).length;
  const grid = planGrid(doc);
  if (!grid) return `${plans(run)} run, each a point.`;
  if (run >= grid.all) return `All ${plans(grid.all)} the levers' ranges allow were run, each a point.`;
  return `${plans(run)} run, each a point, of the ${plans(grid.all)} the levers' ranges allow`
    + ` (${grid.sizes.join(' \u00d7 ')}): ${whyNotAll(doc)} (docs/decide.md).`;
}

/**
 * The frontier as a table, its text alternative: every plan evaluated, cheapest first, with
 * its probability of meeting every target, that probability's 95% interval and replications,
 * and its mean cost; the answer marked. {head, rows} of strings.
 */
export function frontierTable(doc) {
  const over = doc.months ? `over ${doc.months} months` : 'over the horizon';
  const all = frontierRows(doc);
  const overlaps = overlappingPlans(all);
  const together = new Map(overlaps.flatMap((g) => g.map((r) => [r, g])));
  const rows = all.sort((a, b) => a.cost - b.cost).map((d) => [
    d.answer ? `${d.plan} (the answer)` : d.best ? `${d.plan} (the best run, short of ${probability(doc.probability)})` : d.plan,
    probabilityAgainst(d.probability, doc.probability),
    d.ci95 ? `${probability(d.ci95[0])} to ${probability(d.ci95[1])}` : '',
    d.replications == null ? '' : number(d.replications, 0),
    money(d.cost),
    ...(overlaps.length ? [overlapCell(d, together.get(d))] : [])]);
  const head = ['Plan', 'P(meets every target)', '95% interval', 'Replications', `Mean cost ${over}`];
  const grid = planGrid(doc);
  const run = all.length;
  const caption = 'Plans evaluated, cheapest first'
    + (grid ? `: ${run >= grid.all ? 'all' : number(run, 0)} of the ${plans(grid.all)} the levers' ranges allow` : '');
  return { head: overlaps.length ? [...head, 'On the chart'] : head, rows, caption };
}

/** Where a plan is on the chart when some points are drawn over others. */
function overlapCell(d, group) {
  if (!group) return 'a point of its own';
  const others = group.filter((r) => r !== d).map((r) => r.plan);
  return `one point with ${others.join('; ')} (\u00d7${group.length})`;
}

/**
 * How many replications the plans' mean costs are over (the API's `costReplications`: the
 * first ones, shared by every plan), as text: "256", or "256 to 512" were they to differ;
 * null when the document does not say.
 */
export function costReplicationsText(doc) {
  const counts = [...new Set((doc.evaluated ?? []).map((e) => e.costReplications).filter((n) => n != null))]
    .sort((a, b) => a - b);
  if (!counts.length) return null;
  const first = number(counts[0], 0);
  return counts.length === 1 ? first : `${first} to ${number(counts[counts.length - 1], 0)}`;
}

/** The cost axis: "Mean cost over 6 months (£m), first 256 replications, the yardstick shared by every plan". */
export function frontierCostLabel(doc) {
  const n = costReplicationsText(doc);
  const over = doc.months ? `over ${doc.months} months` : 'over the horizon';
  return `Mean cost ${over} (£m)` + (n ? `, first ${n} replications, the yardstick shared by every plan` : '');
}

/** Under the frontier: what its two axes are estimated from. */
export function frontierNote(doc) {
  const n = costReplicationsText(doc);
  const over = doc.months ? `over ${doc.months} months` : 'over the horizon';
  const counts = (doc.evaluated ?? []).map((e) => e.replications).filter((r) => r != null);
  const most = counts.length ? Math.max(...counts) : doc.maxReplications;
  const overlaps = overlappingPlans(frontierRows(doc));
  const stacked = overlaps.length
    ? ` Plans of (nearly) the same cost and probability are one point, marked with how many: ${overlaps
      .map((g) => `\u00d7${g.length} ${g.map((r) => r.plan).join(' and ')}`).join('; ')}.`
    : '';
  return `${frontierRunText(doc)}${stacked} `
    + (n ? `Cost: each plan's mean cost ${over}, from the first ${n} replications, the yardstick shared by every plan`
    + ' (the same replications, so plans compare like for like). ' : '')
    + 'Probability of meeting every target: from each plan\'s own replications'
    + (most ? `, up to ${number(most, 0)}` : '') + ' (each point\'s title gives its count and 95% interval).';
}

/** A point's title: the plan, its probability with its interval and replications, its mean cost and the yardstick. */
export function frontierTitle(d, doc, prefix = '') {
  const ci = d.ci95 ? ` (95% interval ${probability(d.ci95[0])} to ${probability(d.ci95[1])})` : '';
  const reps = d.replications ? ` from ${number(d.replications, 0)} replications` : '';
  const yardstick = d.costReplications ? `, first ${number(d.costReplications, 0)} replications, the yardstick shared by every plan` : '';
  return `${prefix}${d.plan}: P ${probabilityAgainst(d.probability, doc.probability)}${ci}${reps}; mean cost ${money(d.cost)}`
    + ` ${doc.months ? `over ${doc.months} months` : 'over the horizon'}${yardstick}`;
}

/** Evaluated plans, cost against probability; the answer ringed (or the best run, dashed), p as a rule. */
export function frontierChart(doc, { width = FRONTIER.width, height = FRONTIER.height } = {}) {
  const rows = frontierRows(doc);
  // each group of points drawn over one another labelled with its count, beside its cheapest
  const overlaps = overlappingPlans(rows, { width, height });
  const costDomain = frontierCostDomain(rows);
  const costTicks = frontierCostTicks(costDomain, width);
  return Plot.plot({
    width,
    height,
    marginTop: FRONTIER.marginTop,
    marginRight: FRONTIER.marginRight,
    marginLeft: FRONTIER.marginLeft,
    // the cost axis's label in lines short enough for the chart's width with a reader's text
    // spacing (WCAG 1.4.12; on one line it had run past the chart's left edge), room below for
    // them (the chart 14 px taller for it, its plot as it was)
    marginBottom: FRONTIER.marginBottom,
    style: { fontSize: '11px', fontFamily: 'system-ui, sans-serif', background: 'white' },
    ariaLabel: 'goal-seek frontier: mean cost against probability of meeting every target',
    // the cheapest and the dearest plan inside the plot, not on its edges (two points had sat
    // on the frame, one against the probability axis)
    x: { label: wrapWords(frontierCostLabel(doc), 60), ticks: costTicks.ticks,
      tickFormat: (x) => (x / 1e6).toFixed(costTicks.decimals),
      domain: costDomain, insetLeft: FRONTIER.inset, insetRight: FRONTIER.inset },
    // in percent, as the page says probabilities everywhere else (the table, the goal)
    y: { label: 'P(meets every target)', domain: [0, 1], grid: true,
      tickFormat: (p) => `${Math.round(p * 100)}%` },
    marks: [
      // the goal's probability, said in the y axis's words and the answer's sentence
      Plot.ruleY([doc.probability], { stroke: REFERENCE, strokeDasharray: '4,3', ariaHidden: true }),
      // each point filled solid (6:1 on white; its translucent fill had been 2.5:1), with a thin
      // white rim so that points which overlap still show apart
      Plot.dot(rows.filter((r) => !r.answer), { x: 'cost', y: 'probability', r: 3.5,
        fill: COLOURS.baseline, stroke: 'white', strokeWidth: 1,
        ariaLabel: 'plans evaluated', className: 'frontier-plan',
        title: (d) => frontierTitle(d, doc) }),
      Plot.dot(rows.filter((r) => r.answer), { x: 'cost', y: 'probability', r: 7,
        stroke: COLOURS.plan, strokeWidth: 3, ariaLabel: 'the answer', className: 'frontier-answer',
        title: (d) => frontierTitle(d, doc, 'the answer, ') }),
      // where no plan reaches p, the best run ringed dashed, as the table marks it (it had been
      // marked in the table only); a ring round its point, which stays drawn with the others
      Plot.dot(rows.filter((r) => r.best), { x: 'cost', y: 'probability', r: 7,
        stroke: REFERENCE, strokeWidth: 2, strokeDasharray: '3,2', ariaLabel: 'the best run',
        className: 'frontier-best', title: (d) => frontierTitle(d, doc, 'the best run, ') }),
      Plot.text(overlaps, { x: (g) => g[0].cost, y: (g) => g[0].probability, text: (g) => `\u00d7${g.length}`,
        dx: 9, dy: -9, textAnchor: 'start', fontWeight: 'bold', className: 'frontier-overlap',
        ariaLabel: 'plans drawn at one point',
        title: (g) => `${g.length} plans at one point: ${g.map((r) => r.plan).join('; ')}` }),
    ],
  });
}

/** The uncertain parameters in planners' words (a trial had read "nfaShare" on the bars). */
const PARAMETER_WORDS = {
  referralLevel: 'Referral level', referralGrowth: 'Referral growth a year',
  nfaShare: 'Referrals with no further action', notInNeedShare: 'Assessed not in need',
  annualTurnover: 'Staff turnover a year', fillProbability: 'Vacancies filled a month',
  agencyCoverShare: 'Vacancies covered by agency', establishmentGrowth: 'Funded posts growth a year',
};

/** The unit of an uncertain parameter's setting: a share or rate (as %), or referrals a month. */
const PARAMETER_UNITS = {
  referralLevel: 'referrals a month', referralGrowth: '%', nfaShare: '%', notInNeedShare: '%',
  annualTurnover: '%', fillProbability: '%', agencyCoverShare: '%', establishmentGrowth: '%',
};

/**
 * A tornado end's setting in the page's words: an uncertain parameter's "annualTurnover p5
 * 0.128" (the API's) as "p5: 12.8%", "referralLevel p5 234" as "p5: 234 referrals a month"
 * (the row names the input already); a lever's ("campaign x3 for 12 months") as it is.
 */
export function settingWords(code, setting) {
  const text = String(setting ?? '');
  const unit = PARAMETER_UNITS[code];
  const m = unit && text.startsWith(`${code} `) ? /^(p\d+) (-?[0-9.]+(?:[eE]-?\d+)?)$/.exec(text.slice(code.length + 1)) : null;
  if (!m) return text;
  const x = Number(m[2]);
  return `${m[1]}: ${unit === '%' ? `${nonzero(100 * x, 1)}%` : `${number(x, 0)} ${unit}`}`;
}

/** Goal-seek's lever names (as `--lever` writes them) in planners' words. */
const LEVER_WORDS = {
  posts: 'Posts', campaign: 'Recruitment campaign', campaignMonths: 'Recruitment campaign, months',
  retention: 'Retention payment', agencyCover: 'Agency cover', agencyCap: 'Agency cap',
  caseloadCap: 'Caseload cap', nqCohort: 'Newly qualified cohort',
};

/** A lever's name in words: "posts:longTerm" is "Posts (longTerm team)"; unknown ones as written. */
export function leverWords(name) {
  const m = /^([A-Za-z]+)(?::([^,]+))?/.exec(String(name ?? ''));
  const words = m && LEVER_WORDS[m[1]];
  if (!words) return name;
  return m[2] ? `${words} (${m[2]} team)` : words;
}

/**
 * A bar's swing, signed: the paired difference of the replications where both ends have a value
 * (the ends' own means may be of different ones); a document stored before the API gave it has
 * high - low. None where an end or every pair has no value (null), not 0.
 */
function swingOf(b) {
  if ('difference' in b) {
    return typeof b.difference === 'number' ? b.difference : NaN;
  }
  return typeof b.high === 'number' && typeof b.low === 'number' ? b.high - b.low : NaN;
}

/**
 * The tornado's bars, widest first: {input, code, low, high, lowSetting, highSetting}; an
 * input in planners' words (a trial had read "posts:longTerm"), its name in the API (`code`)
 * beside.
 */
export function tornadoRows(doc) {
  return (doc.tornado?.bars ?? []).map((b) => ({ input: PARAMETER_WORDS[b.input] ?? leverWords(b.input),
    code: b.input, low: b.low ?? NaN, high: b.high ?? NaN, lowSetting: b.lowSetting, highSetting: b.highSetting,
    lowError: halfWidth(b.lowSe), highError: halfWidth(b.highSe), swing: swingOf(b),
    swingError: halfWidth(b.swingSe) }));
}

/**
 * The tornado as a table, its text alternative (the settings had been only in the bars'
 * hover titles): a row per input, widest bar first, each end's setting and value with its
 * 95% Monte Carlo error, and the swing, a rate's in points. Each row's figures carry the
 * decimals that tell its two ends apart (intervalExtra: "£1.31m" and "£1.33m", where the
 * chart's "£1.3m" and "£1.3m" could not be read).
 */
export function tornadoTable(doc) {
  const m = metricOf(doc.output);
  const rate = kindOf(m) === 'rate';
  const value = (x, extra) => (rate ? `${pointsNumber(x, extra)}%` : differenceEnd(m, x, extra));
  const error = (x, extra) => (typeof x === 'number' ? ` \u00b1${differenceEnd(m, x, extra)}${rate ? ' points' : ''}` : '');
  const rows = tornadoRows(doc).map((r) => {
    const extra = intervalExtra(m, Math.min(r.low, r.high), Math.max(r.low, r.high));
    return [inputName(r), settingWords(r.code, r.lowSetting), value(r.low, extra) + error(r.lowError, extra),
      settingWords(r.code, r.highSetting), value(r.high, extra) + error(r.highError, extra),
      difference(m, r.swing, extra) + error(r.swingError, extra)];
  });
  const out = outputWords(doc.output);
  const head = ['Input', 'Low setting', `${out}, input low`, 'High setting', `${out}, input high`,
    rate ? 'Swing (high minus low), percentage points' : 'Swing (high minus low)'];
  const central = doc.tornado?.central;
  const caption = `${tornadoHeading(doc)}: its bars, widest first`
    + (typeof central === 'number' ? `; every input central: ${metricValue(m, central)}` : '');
  return { head, rows, caption };
}

/** An input as a bar's title and the table name it: its words, the API's name beside them. */
function inputName(d) {
  return d.code && d.code !== d.input ? `${d.input} (${d.code})` : d.input;
}

/** A standard error's 95% half-width (1.96 se), or null without one. */
function halfWidth(se) {
  return typeof se === 'number' ? 1.959963984540054 * se : null;
}

/** A tornado end's value as the chart writes it, with its 95% Monte Carlo error where known. */
export function tornadoEnd(output, value, error) {
  const m = metricOf(output);
  return metricValue(m, value) + (typeof error === 'number' ? ` \u00b1${errorValue(m, error)}` : '');
}

/**
 * The texts at a bar's left and right ends: each end's value marked with the setting that gives
 * it, "low 17.4 \u00b10.1" or "high 18.1 \u00b10.1" (which end was which had been told only in the
 * table: a bar's left end is the low setting's for one input and the high's for another).
 */
export function tornadoEnds(d, output) {
  const low = `low ${tornadoEnd(output, d.low, d.lowError)}`;
  const high = `high ${tornadoEnd(output, d.high, d.highError)}`;
  return d.low <= d.high ? { left: low, right: high } : { left: high, right: low };
}

/** The bars whose swing is within its 95% Monte Carlo error: told apart from no effect by nothing. */
export function noiseBars(doc) {
  return tornadoRows(doc).filter((r) => typeof r.swingError === 'number' && Math.abs(r.swing) <= r.swingError);
}

/**
 * How to read a tornado, below it: what a bar's ends are, the line, and the output (a trial
 * had found no key, and the values only in the bars' titles).
 */
export function tornadoNote(doc) {
  const m = metricOf(doc.output);
  const central = doc.tornado?.central;
  const noise = noiseBars(doc).map((r) => r.input);
  return `Each bar spans ${outputWords(doc.output)} as one input moves from its low setting to its high setting, every other`
    + ' input central (at each end its value, marked low or high for the setting that gives it; the settings are in the'
    + ' table below): the widest bars matter most.'
    + (typeof central === 'number' ? ` The line: every input central, ${metricValue(m, central)}; not the run's mean,`
      + ' which averages over every input\'s uncertainty at once.' : '')
    + ' \u00b1: each end\'s 95% Monte Carlo error, from the study\'s replications.'
    + (noise.length ? ` ${noise.join(', ')}: the bar is within its error, so these replications cannot tell`
      + ' its effect from none; more replications would.' : '')
    + setByLeversNote(doc);
}

/**
 * The uncertain parameters the study left out, set in every month by the plan's levers or
 * assumptions (a referral growth assumption had been drawn as a bar of no effect over a range
 * the plan never uses: a planner's trial); empty where none was.
 */
function setByLeversNote(doc) {
  const left = (doc.setByLevers ?? []).map((p) => PARAMETER_WORDS[p] ?? p);
  if (!left.length) return '';
  return ` Left out: ${left.join(', ')}, which the levers or assumptions set in every month, so the`
    + ` uncertainty about ${left.length === 1 ? 'it' : 'them'} plays no part.`;
}

/** The metric of a tornado's output ("caseload at month 24", or the metric's name alone). */
export function metricOf(output) {
  return /^[A-Za-z]+/.exec(String(output ?? '').trim())?.[0] ?? '';
}

/**
 * A bar's title, its ends in the metric's own units, a parameter's API name beside its words:
 * "Staff turnover a year (annualTurnover): 17.9 (p5 0.12) to 19.4 (p95 0.26)".
 */
export function tornadoTitle(d, output) {
  const m = metricOf(output);
  const name = inputName(d);
  return `${name}: ${tornadoEnd(output, d.low, d.lowError)} (${d.lowSetting}) to ${tornadoEnd(output, d.high, d.highError)} (${d.highSetting})`
    + (typeof d.swingError === 'number' ? `; swing ${errorValue(m, d.swing)} \u00b1${errorValue(m, d.swingError)} (95%)` : '');
}

/**
 * A goal-seek answer's extra cost a year over the baseline, with its 95% interval where the
 * API gives one: "extra cost £1.2m a year (95% interval £1.1m to £1.3m)"; null without one.
 * Of `months` other than 12, what the plan costs over them too: "..., that is +£223k over the
 * 6 months searched".
 */
export function extraCostText(answer, months) {
  const x = answer?.extraCostPerYear;
  if (answer?.status !== 'found' || typeof x !== 'number') return null;
  const ci = answer.extraCostPerYearCi95;
  const has = Array.isArray(ci) && ci.every((v) => typeof v === 'number');
  // as many decimals as show the interval's width, the estimate with them
  const extra = has ? intervalExtra('cost', ci[0], ci[1]) : 0;
  const interval = has ? ` (95% interval ${money(ci[0], extra)} to ${money(ci[1], extra)})` : '';
  // a run of other than 12 months: "a year" is its rate, and what the plan costs over the
  // months searched is said beside it (a 6-month goal-seek had read "+£446k a year" alone,
  // twice the £223k its 6 months cost)
  const total = answer.extraCostOverHorizon;
  const over = months && months !== 12 && typeof total === 'number'
    ? `, that is ${difference('cost', total, extra)} over the ${months} months searched` : '';
  return `extra cost ${difference('cost', x, extra)} a year${interval}${over}`;
}

/**
 * Whether a goal-seek's plan is the baseline itself: no intervention added to it (every lever
 * at its weakest value, where that is no change: no posts, no campaign, no retention payment).
 */
export function isBaselinePlan(plan) {
  return Array.isArray(plan?.interventions) && plan.interventions.length === 0;
}

/**
 * The levers with a goal-seek's plan as the plan: the assumptions kept (the goal-seek's
 * baseline had them), the plan's levers replaced by its interventions, so that Compare runs
 * the answer (a planner had retyped it lever by lever); null where there is no plan to take
 * (none found, or the baseline itself).
 */
export function leversWithPlan(levers, doc) {
  const plan = doc?.answer?.status === 'found' ? doc.answer.plan : null;
  if (!plan || isBaselinePlan(plan)) return null;
  return [...assumptionLevers(levers), ...plan.interventions.map(leverFromIntervention).filter(Boolean)];
}

/**
 * The goal-seek's answer in a sentence: the cheapest plan with its probability, interval and
 * extra cost, or, where that is the baseline itself, that no change is needed; or, where none reaches the goal, the best plan run, what it reaches and the
 * target that binds (met least often), as the API gives them (a trial had read "the best
 * reaches 46%" with neither the plan nor the target that stopped it), and, with the baseline's
 * calibration `notes`, where futures that recruit nobody stand in the way (noRecruitmentReason).
 */
export function goalSeekAnswer(doc, notes = []) {
  const a = doc.answer;
  if (a.status === 'found') {
    const p = probabilityAgainst(a.plan.probability, doc.probability);
    const ci = a.plan.ci95 ? a.plan.ci95.map((p) => probability(p)) : null;
    const replications = `${number(a.plan.replications, 0)} replications`;
    const borderline = (plan) => (a.sure === false ? `. Borderline: its interval reaches below ${probability(doc.probability)}, so ${plan}`
      + ' may fall short of the goal; a stronger plan is safer' : '');
    // the baseline itself (every lever at its weakest, no change) said plainly: it had read
    // "Cheapest plan: assessment posts +0, no campaign, ..., extra cost £0 a year"
    if (isBaselinePlan(a.plan)) {
      return `The baseline already meets the goal (P ${p}, at least ${probability(doc.probability)} asked):`
        + ` no extra posts or spend are needed (P from ${replications}${ci ? `, 95% interval ${ci[0]} to ${ci[1]}` : ''})`
        + borderline('the baseline');
    }
    const extra = extraCostText(a, doc.months);
    return `Cheapest plan: ${a.plan.plan}, P ${p}`
      + (ci ? ` (95% interval ${ci[0]} to ${ci[1]})` : '')
      + ` from ${replications}`
      + (extra ? `; ${extra}` : '')
      + (a.cheapestAmongRunOnly ? ' (the cheapest of the plans run: the strongest plan meets the goal less often, so a cheaper one may exist)' : '')
      + borderline('this plan');
  }
  const best = a.best;
  return `No plan within the ranges reaches ${probability(doc.probability)}`
    + (best ? `; the best run, ${best.plan}, meets every target with P ${probabilityAgainst(best.probability, doc.probability)}` : '')
    + (a.binding ? `; the target that binds (met least often): ${targetLabel(a.binding)}` : '')
    + '. Widen a lever\'s range, add a lever, or ask a lower probability.'
    + noRecruitmentReason(notes);
}

/**
 * Where the baseline's calibration draws futures that recruit nobody (its "no recruitment:"
 * note, the warning above the baseline), why no plan may reach the goal whatever the ranges:
 * no lever fills a vacancy there. An outside trial's Isle of Wight 2022 (19% of futures) had
 * read only "widen a lever's range", which could not help. '' where there is no such note.
 */
export function noRecruitmentReason(notes = []) {
  const share = notes.map((n) => /^no recruitment: .*drawn as 0 in (\d+)% of replications/.exec(n)?.[1]).find(Boolean);
  return share ? ` In about ${share}% of futures this baseline recruits nobody at all (the warning above it): no`
    + ' campaign, retention payment or extra post fills a vacancy there (only a newly qualified cohort starts'
    + ' whatever the chance of filling, and agency staff still cover), so a goal on vacancies or staff in post'
    + ' may be out of reach whatever the ranges of those levers.' : '';
}

/** A tornado's output metrics in the words of the page's "Tornado of metric" choices. */
const OUTPUT_WORDS = { caseload: 'caseload', caseloadAssessment: 'caseload (assessment team)',
  caseloadLongTerm: 'caseload (long-term team)', unallocatedCases: 'children waiting unallocated',
  vacancyRate: 'vacancy rate', agencyRate: 'agency rate', agencyFte: 'agency workers (FTE)',
  inPostFte: 'staff in post (FTE)', cost: 'cost a month (£)' };

/**
 * The tornado's heading in the page's words: "Tornado of caseload (long-term team) at month
 * 24" (the API's "caseloadLongTerm at month 24"); a metric the page does not offer as named.
 */
export function tornadoHeading(doc) {
  return doc.output ? `Tornado of ${outputWords(doc.output)}` : 'Tornado';
}

/**
 * A tornado's output in the page's words, as its heading, axis and note give it: "caseload
 * (long-term team) at month 24" for the API's "caseloadLongTerm at month 24" (the axis and the
 * note had kept the API's name under a heading in words).
 */
export function outputWords(output) {
  const m = metricOf(output);
  return `${OUTPUT_WORDS[m] ?? m}${String(output ?? '').trim().slice(m.length)}`;
}

/** One bar per input from its low to its high end, about the central value. */
/**
 * A tornado's row height in px: 28, or more where a name takes three lines or more (a word of
 * over 32 characters, a long team's name, wraps onto a line of its own), 13 px a line with
 * the text spacing a reader may add, so that a name never runs into the next row's.
 */
export function tornadoRowHeight(labels) {
  const lines = Math.max(1, ...labels.map((l) => String(l).split('\n').length));
  return Math.max(28, 13 * lines + 4);
}

export function tornadoChart(doc, { width = 640 } = {}) {
  const rows = tornadoRows(doc);
  // each input's name whole on the left, with a reader's text spacing (WCAG 1.4.12): the
  // margin is as wide as the longest needs (a fixed 200 px had cut off "Referrals with no
  // further action"), a name of over 32 characters (a lever on a long team's name) on two lines
  const names = new Map(rows.map((r) => [r.input, wrapWords(r.input, 32)]));
  // room beside the bars for the longest end's text ("low £1.23m ±£0.01m"), 11 px a character
  // of about 6.5 px
  const longest = Math.max(0, ...rows.flatMap((r) => Object.values(tornadoEnds(r, doc.output)).map((t) => t.length)));
  const inset = Math.max(80, Math.ceil(6.5 * longest) + 8);
  return Plot.plot({
    width,
    height: 40 + tornadoRowHeight([...names.values()]) * Math.max(rows.length, 1),
    marginLeft: Math.max(120, labelWidth([...names.values()]) + 12),
    style: { fontSize: '11px', fontFamily: 'system-ui, sans-serif', background: 'white' },
    ariaLabel: `tornado of ${outputWords(doc.output)}`,
    x: { label: outputWords(doc.output), grid: true, tickFormat: (x) => metricValue(metricOf(doc.output), x),
      insetLeft: inset, insetRight: inset },
    y: { label: null, domain: rows.map((r) => r.input), tickFormat: (input) => names.get(input) ?? input },
    marks: [
      // bars solid (6:1 on white, 3.5:1 with the black rule across them; at 0.7 opacity they had been 3.0:1)
      Plot.barX(rows, { y: 'input', x1: 'low', x2: 'high', fill: COLOURS.baseline,
        ariaLabel: 'bars, low end to high end', className: 'tornado-bar',
        title: (d) => tornadoTitle(d, doc.output) }),
      Plot.ruleX(Number.isFinite(doc.tornado?.central) ? [doc.tornado.central] : [], { stroke: COLOURS.actual, ariaHidden: true }),
      // each end's value beside it, so the chart reads without hovering
      Plot.text(rows, { y: 'input', x: (d) => Math.min(d.low, d.high), text: (d) => tornadoEnds(d, doc.output).left,
        textAnchor: 'end', dx: -4, className: 'tornado-end' }),
      Plot.text(rows, { y: 'input', x: (d) => Math.max(d.low, d.high), text: (d) => tornadoEnds(d, doc.output).right,
        textAnchor: 'start', dx: 4, className: 'tornado-end' }),
    ],
  });
}

/**
 * A goal-seek's or tornado's end other than success, in a line: "goal-seek cancelled", or
 * "goal-seek failed: REASON"; the reason left out where it only says the status again (it had
 * read "goal-seek cancelled: cancelled").
 */
export function endedLine(kind, status) {
  const reason = status.error && status.error !== status.status ? `: ${status.error}` : '';
  return `${kind} ${status.status}${reason}`;
}
