// Decision support on the page: the bodies of POST /api/v1/goal-seeks and /sensitivities,
// and the goal-seek's frontier and the sensitivity's tornado drawn with Observable Plot.
import * as Plot from '@observablehq/plot';
import { sourceOf } from './requests.js';
import { COLOURS } from './charts.js';
import { typedNumber, probability } from './format.js';

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

/** POST /api/v1/goal-seeks: the scenario, the targets, p and the levers (one per line). */
export function goalSeekRequest(start, typed, targets, probability, leverText) {
  const body = { ...sourceOf(start), targets: targets.map((s) => s.trim()).filter(Boolean),
    probability: whole(probability), levers: lines(leverText) };
  return withSettings(body, typed);
}

/** POST /api/v1/sensitivities: a tornado of one metric at one month. */
export function tornadoRequest(start, typed, metric, month, leverText) {
  const body = { ...sourceOf(start), metric: String(metric).trim(), month: whole(month),
    method: 'tornado', levers: lines(leverText) };
  return withSettings(body, typed);
}

/**
 * The Decide section's levers to start from, for a scenario's teams [{name, role}]: posts on
 * its first long-term team (else its last team), and a recruitment campaign.
 */
export function defaultDecideLevers(teams = []) {
  const team = teams.find((t) => t.role === 'longTerm') ?? teams[teams.length - 1];
  return [team ? `posts:${team.name}=0..60/6` : null, 'campaign=1..3/1'].filter(Boolean).join('\n');
}

/** The frontier's points: {plan, cost, probability, answer} from a goal-seek document. */
export function frontierRows(doc) {
  const answer = doc.answer?.plan?.plan;
  return (doc.evaluated ?? []).map((e) => ({ plan: e.plan, cost: e.meanCost,
    probability: e.probability, replications: e.replications, answer: e.plan === answer }));
}

/** Evaluated plans, cost against probability; the answer ringed, p as a rule. */
export function frontierChart(doc, { width = 640, height = 300 } = {}) {
  const rows = frontierRows(doc);
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    style: { fontSize: '11px', fontFamily: 'system-ui, sans-serif', background: 'white' },
    ariaLabel: 'goal-seek frontier: mean cost against probability of meeting every target',
    x: { label: 'Mean cost over the horizon (£m)', tickFormat: (x) => (x / 1e6).toFixed(1) },
    y: { label: 'P(meets every target)', domain: [0, 1], grid: true },
    marks: [
      Plot.ruleY([doc.probability], { stroke: '#888', strokeDasharray: '4,3' }),
      Plot.dot(rows.filter((r) => !r.answer), { x: 'cost', y: 'probability', r: 3,
        fill: COLOURS.baseline, fillOpacity: 0.6, className: 'frontier-plan',
        title: (d) => `${d.plan}: ${probability(d.probability)}` }),
      Plot.dot(rows.filter((r) => r.answer), { x: 'cost', y: 'probability', r: 7,
        stroke: COLOURS.plan, strokeWidth: 3, className: 'frontier-answer',
        title: (d) => `the answer, ${d.plan}: ${probability(d.probability)}` }),
    ],
  });
}

/** The tornado's bars, widest first: {input, low, high, lowSetting, highSetting}. */
export function tornadoRows(doc) {
  return (doc.tornado?.bars ?? []).map((b) => ({ input: b.input, low: b.low, high: b.high,
    lowSetting: b.lowSetting, highSetting: b.highSetting }));
}

/** One bar per input from its low to its high end, about the central value. */
export function tornadoChart(doc, { width = 640 } = {}) {
  const rows = tornadoRows(doc);
  return Plot.plot({
    width,
    height: 40 + 28 * Math.max(rows.length, 1),
    marginLeft: 200,
    style: { fontSize: '11px', fontFamily: 'system-ui, sans-serif', background: 'white' },
    ariaLabel: `tornado of ${doc.output}`,
    x: { label: doc.output, grid: true },
    y: { label: null, domain: rows.map((r) => r.input) },
    marks: [
      Plot.barX(rows, { y: 'input', x1: 'low', x2: 'high', fill: COLOURS.baseline,
        fillOpacity: 0.7, className: 'tornado-bar',
        title: (d) => `${d.input}: ${d.low.toFixed(2)} (${d.lowSetting}) to ${d.high.toFixed(2)} (${d.highSetting})` }),
      Plot.ruleX([doc.tornado?.central ?? 0], { stroke: COLOURS.actual }),
    ],
  });
}
