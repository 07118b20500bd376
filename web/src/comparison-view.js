// A comparison's results: both fans overlaid (and by team, team-view.js), paired differences, extra cost, targets and their accuracy.
import { fanRows } from './charts.js';
import { meanBeside, differenceWithInterval, difference, extraCostCells, rowExtra, shares, number } from './format.js';
import { $, state, sameStart } from './state.js';
import { chartFigures, legend, noteUnder, summary, snapshotTable, targetsTable, table, markEarlierResults } from './results.js';
import { renderTeams } from './team-view.js';
import { accuracyNote, againstMostNote, allocationMonths, allocationNote, comparedLabel, extraCostNote, nobodyHoldingNote, noValueNote, someLeftOut,
  planYearLabel, EVERY_TARGET } from './wording.js';

const COMPARED = ['caseload', 'unallocatedCases', 'vacancyRate', 'agencyRate', 'inPostFte', 'cost'];

export function renderComparison(doc) {
  const base = doc.baseline;
  const variant = doc.variants[0];
  const plan = variant.result;
  $('results').hidden = false;
  markEarlierResults();
  legend(['baseline', 'plan']);
  summary(doc, 'comparison');
  const { figures, xDomain } = chartFigures((def) => [
    ...fanRows(base, def.metric, 'baseline', def.factor), ...fanRows(plan, def.metric, 'plan', def.factor)]);
  // Caseload more likely worse while fewer children wait: the backlog is being allocated.
  const everyMonth = variant.differences.map((_, i) => i + 1);
  noteUnder(figures, 'caseload', allocationNote(allocationMonths(variant.differences, everyMonth)),
    'caseload-chart-note');
  noteUnder(figures, 'caseload', nobodyHoldingNote([{ label: 'baseline', result: base },
    { label: 'plan', result: plan }]), 'nobody-holding-note');
  for (const metric of ['vacancyRate', 'agencyRate']) {
    noteUnder(figures, metric, noValueNote([{ label: 'baseline', result: base }, { label: 'plan', result: plan }], metric), `no-value-note-${metric}`);
  }
  $('charts').replaceChildren(...figures);
  renderTeams({ baseline: base, plan }, doc.months, xDomain);
  const months = [12, 24, 36, 60].filter((m) => m <= doc.months);
  if (!months.includes(doc.months)) months.push(doc.months);
  const tableNote = allocationNote(allocationMonths(variant.differences, months));
  const rows = [];
  const directions = [];
  for (const metric of COMPARED) {
    for (const m of months) {
      const d = variant.differences[m - 1].metrics[metric];
      const baseMean = base.monthly[m - 1].metrics[metric].mean;
      const planMean = plan.monthly[m - 1].metrics[metric].mean;
      // the means and the difference to one last digit (a count's means under 10 keep their decimal)
      const extra = rowExtra(metric, baseMean, planMean, d.ci95, d.mean);
      rows.push([comparedLabel(metric, m), meanBeside(metric, baseMean, d.mean, extra),
        meanBeside(metric, planMean, d.mean, extra),
        differenceWithInterval(metric, d.mean, d.ci95, extra),
        ...shares(d.probabilityBetter, d.probabilitySame, d.probabilityWorse)]);
      directions.push({ label: comparedLabel(metric, m), metric, mean: d.mean, written: difference(metric, d.mean, extra),
        better: d.probabilityBetter, worse: d.probabilityWorse });
    }
  }
  const directionNote = againstMostNote(directions);
  const h = variant.extraCost.horizon;
  const perYear = (x) => (x * 12) / h.months;
  // Two different figures: the 95% interval of the mean extra cost (the CLI's "95% CI"), and
  // the 90% band of the paired difference replication by replication (its spread); the median
  // beside them, as the mean can point the other way to most replications.
  const costRow = (label, s, scale) => [label, ...extraCostCells(s, scale)];
  const costRows = variant.extraCost.byYear.map((y) => costRow(planYearLabel(y), y));
  costRows.push(costRow('A year on average', h, perYear));
  const scaled = (label, s, f = (x) => x) => ({ label, mean: f(s.mean), p50: f(s.p50), p5: f(s.p5), p95: f(s.p95),
    shareAboveZero: s.shareAboveZero });
  const costNote = extraCostNote([scaled('A year on average', h, perYear),
    ...variant.extraCost.byYear.map((y) => scaled(planYearLabel(y), y))]); // as the table names each year
  const differences = table('Plan against baseline (paired, common random numbers): means and the chance the plan is better, '
    + 'the same or worse; a difference\'s 95% interval is that of its mean, not a range of outcomes (it may cross 0 where no future does)',
  ['Metric', 'Baseline mean', 'Plan mean', 'Difference (95% interval)', 'P(better)', 'P(same)', 'P(worse)'], rows, 'differences');
  const differenceNotes = [tableNote && 'differences-note', directionNote && 'differences-direction-note'].filter(Boolean);
  if (differenceNotes.length) differences.setAttribute('aria-describedby', differenceNotes.join(' '));
  const extraCost = table('Extra cost of the plan (plan - baseline, paired by replication): the mean with its 95% interval, '
      + 'how precisely the replications pin the mean down; the median, the typical replication\'s; the 90% band, how much the extra cost '
      + 'itself varies from one replication to another; and the share of replications in which the plan costs more',
  ['Period', 'Mean', '95% interval of the mean', 'Median', '90% band across replications (5th to 95th percentile)', 'P(plan costs more)'],
  costRows, 'extra-cost');
  if (costNote) extraCost.setAttribute('aria-describedby', 'extra-cost-note');
  $('tables').replaceChildren(...[
    tableNote ? note(tableNote, 'differences-note') : null,
    directionNote ? note(directionNote, 'differences-direction-note') : null,
    differences,
    costNote ? note(costNote, 'extra-cost-note') : null,
    extraCost,
    targetsTable(base, plan, variant.targetDifferences),
    decisionNote(base),
    printless(snapshotTable(base, 'Baseline: ')),
    plan.snapshots?.length ? printless(snapshotTable(plan, 'Plan: ', 'plan-snapshots')) : null,
  ].filter(Boolean));
  $('accuracy').textContent = accuracyNote({ replications: doc.replications ?? base.replications,
    requested: base.requestedReplications, stoppedEarly: base.stoppedEarly, comparison: true,
    leftOut: someLeftOut(base, plan) || someLeftOut({ replications: base.replications, monthly: variant.differences }) });
}

/**
 * Beside the targets, where the goal-seek's answer in the summary is of this comparison's
 * baseline, seed, months and targets and found a plan: why its probability and this
 * comparison's differ (a planner had read Decide's P 60% above a table's 59% for the same plan
 * and thought it failed). Null otherwise.
 */
function decisionNote(base) {
  const d = state.decision;
  if (!d?.found || d.stale || !d.replications || !state.last || !sameStart(d.start, state.last.start)) return null;
  const targets = (base.targets ?? []).map((t) => t.target).filter((t) => t !== EVERY_TARGET);
  if (!targets.length || base.seed !== d.seed || base.months !== d.months
    || JSON.stringify(targets) !== JSON.stringify(d.targets)) return null;
  const n = base.replications;
  return note(`Decide's probability for the plan it found (in the summary above) is of ${number(d.replications, 0)}`
    + ` replications and this comparison's of ${number(n, 0)}, from the same seed, so the same futures as far as the`
    + ' fewer go: where the plan here is Decide\'s, the two usually agree within their 95% intervals, not to the decimal.',
  'decision-note');
}

/** An element left out of the printed one-page summary. */
function printless(el) {
  el.classList.add('no-print');
  return el;
}

/** A note read with a chart or table (ALLOCATION_NOTE). */
function note(text, id) {
  const p = document.createElement('p');
  p.className = 'note';
  p.id = id;
  p.textContent = text;
  return p;
}
