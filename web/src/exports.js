// What a planner takes away: a wide CSV (one row a month, a column per metric and
// statistic, Excel-friendly), built from the same JSON the charts draw.

const STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'];

function cell(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (typeof x === 'number') return String(Number(x.toPrecision(6)));
  const s = String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The wide CSV of runs by name ({baseline: doc, plan: doc}) for the given metrics. */
export function wideCsv(runs, metrics) {
  const names = Object.keys(runs);
  const header = ['month', 'date'];
  for (const name of names) {
    for (const metric of metrics) {
      for (const stat of STATS) header.push(`${name}_${metric}_${stat}`);
    }
  }
  const first = runs[names[0]];
  const lines = [header.join(',')];
  first.monthly.forEach((m, i) => {
    const row = [m.month, m.date];
    for (const name of names) {
      const month = runs[name].monthly[i];
      for (const metric of metrics) {
        for (const stat of STATS) row.push(month.metrics[metric]?.[stat]);
      }
    }
    lines.push(row.map(cell).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
