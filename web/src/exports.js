// What a planner takes away: a wide CSV (one row a month, a column per metric and
// statistic, Excel-friendly), built from the same JSON the charts draw; where a role has
// several local teams, each team's metrics too.
import { teamsToShow } from './teams.js';

const STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'];

/**
 * The columns of a metric: each statistic, then how far each could move with other
 * replications (the half-width of its 95% interval, the run JSON's halfWidth95; empty for
 * results stored before it was written, and for percentiles of under 100 replications), then
 * the replications they are of (`n`: fewer than the run's where a caseload or rate had nothing
 * to divide by in some; empty for results stored before it).
 */
const COLUMNS = [
  ...STATS.map((stat) => [stat, (s) => s?.[stat]]),
  ...STATS.map((stat) => [`${stat}HalfWidth95`, (s) => s?.halfWidth95?.[stat]]),
  ['n', (s) => s?.n],
];

function cell(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (typeof x === 'number') return String(Number(x.toPrecision(6)));
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The wide CSV of runs by name ({baseline: doc, plan: doc}) for the given metrics: columns
 * run_metric_stat, then, where each run has several teams of a role, run_team_NAME_metric_stat
 * for every team metric (a team's name is the scenario's, quoted where CSV needs it).
 */
export function wideCsv(runs, metrics) {
  const names = Object.keys(runs);
  const teams = teamsToShow(runs);
  const teamMetrics = teams.length
    ? Object.keys(teams[0].series[names[0]].monthly[0].metrics) : [];
  const header = ['month', 'date'];
  for (const name of names) {
    for (const metric of metrics) {
      for (const [stat] of COLUMNS) header.push(`${name}_${metric}_${stat}`);
    }
    for (const team of teams) {
      for (const metric of teamMetrics) {
        for (const [stat] of COLUMNS) header.push(`${name}_team_${team.name}_${metric}_${stat}`);
      }
    }
  }
  const first = runs[names[0]];
  const lines = [header.map(cell).join(',')];
  first.monthly.forEach((m, i) => {
    const row = [m.month, m.date];
    for (const name of names) {
      const month = runs[name].monthly[i];
      for (const metric of metrics) {
        for (const [, value] of COLUMNS) row.push(value(month.metrics[metric]));
      }
      for (const team of teams) {
        const teamMonth = team.series[name].monthly[i];
        for (const metric of teamMetrics) {
          for (const [, value] of COLUMNS) row.push(value(teamMonth.metrics[metric]));
        }
      }
    }
    lines.push(row.map(cell).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
