// What the run and comparison views share: chart figures with their downloads, the legend,
// tables, the DfE indicators, costs, targets, the printable summary and the CSV downloads.
import { call } from './api.js';
import { describe, assumptionLevers, planLevers } from './levers.js';
import { CHARTS, fanChart, legendSwatch, actualRows, sharedMonths, exportedSvg, pngBlob } from './charts.js';
import { roleTitle, actualsLegend, assumptionsText, targetLabel, EVERY_TARGET, planYearLabel, SNAPSHOT_LABELS, snapshotCaption } from './wording.js';
import { metricValue, percentileValue, money, probabilities, number, points, pointsNumber, meanInterval95, intervalExtra, counted } from './format.js';
import { wideCsv } from './exports.js';
import { $, state, sameStart } from './state.js';

export function download(blob, filename) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/**
 * Results on screen of another baseline than the one now chosen are said to be earlier ones
 * (a trial had read a preset's results under a council calibrated since), and so are results
 * left on screen when a later run was refused (`state.refused`); results drawn clear it.
 * Called when results are drawn, when a baseline is chosen and when a run is refused.
 */
export function markEarlierResults() {
  const earlier = $('results-earlier');
  const shown = state.last?.start;
  if ($('results').hidden || !shown || !state.start) {
    say(earlier, '');
    earlier.hidden = true;
    return;
  }
  if (!sameStart(shown, state.start)) {
    say(earlier, `These results are of the earlier baseline ${shown.label}; run again for ${state.start.label}.`);
  } else if (state.refused) {
    say(earlier, 'These results are of the last run: the one just asked for was refused (see above), so they do not show the settings now typed.');
  } else if (state.last.typed && state.last.typed !== typedNow(state.last.kind)) {
    say(earlier, `These results are of the last ${state.last.kind === 'run' ? 'run' : 'comparison'}, with the levers,`
      + ' targets and settings listed below; some have been changed since: run again to see what is typed now.');
  } else {
    // emptied, so that the same words said again are a change a screen reader tells
    say(earlier, '');
    earlier.hidden = true;
    return;
  }
  earlier.hidden = false;
}

/** `text` in the status line `el`, set only when it changes (a status set again may be said again). */
function say(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * What is typed now that the results of a run of `kind` depend on, as text to compare: the
 * levers (a baseline run's, its assumptions only), the targets, replications, months and seed.
 * Kept with the results when submitted, so that results left on screen after a lever, target or
 * setting is changed are said to be of the last run (a trial had read a plan's results under a
 * lever typed over since, with nothing said).
 */
export function typedNow(kind) {
  const levers = state.levers.filter((l) => kind !== 'run' || l.inBaseline)
    .map((l) => ({ type: l.type, values: l.values, inBaseline: Boolean(l.inBaseline) }));
  const settings = ['replications', 'months', 'seed'].map((id) => String($(id)?.value ?? '').trim());
  return JSON.stringify({ levers, targets: state.targets, settings });
}

/**
 * Where a chart's figures come from, for a file that leaves the page (a trial's PNG had no
 * council, scenario or run): "Leeds 2021 (calibrated), baseline and plan; 1,000 replications,
 * seed 1; run 8fabda23 of 2026-11-30", then what the baseline assumed and the plan's levers
 * (a chart pasted into a paper had named neither: "assumed: Referral growth: annual growth 6%,
 * from month 1; plan: Posts: ...").
 */
export function provenance(last) {
  if (!last?.status) return '';
  const r = last.result ?? {};
  const replications = r.replications ?? r.baseline?.replications;
  const assumed = assumptionLevers(last.levers ?? []);
  const plan = last.kind === 'comparison' ? planLevers(last.levers ?? []) : [];
  const levers = (assumed.length ? `; assumed: ${assumed.map(describe).join('; ')}` : '')
    + (plan.length ? `; plan: ${plan.map(describe).join('; ')}` : '');
  return `${last.start?.label ?? ''}${last.kind === 'comparison' ? ', baseline and plan' : ''}; `
    + `${counted(replications, 'replication', number(replications, 0))}, seed ${r.seed ?? r.baseline?.seed}; `
    + `run ${String(last.status.id).slice(0, 8)}${last.status.finishedAt ? ` of ${String(last.status.finishedAt).slice(0, 10)}` : ''}`
    + levers;
}

/** A file name's part from a label: letters, digits, - and _ only ("Leeds-2021-calibrated-"). */
export const fileSafe = (name) => String(name).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * A figure with a caption, the chart, and buttons saving it as SVG or PNG under `filename`,
 * with the baseline and the run it is of (provenance) beneath its title and in the file's name.
 */
export function figure(title, svg, filename) {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  const caption = document.createElement('figcaption');
  const text = document.createElement('span');
  text.textContent = title;
  // the download buttons beside the caption, not in it: a figure is named by its caption, and
  // a screen reader had read both buttons' names as part of every chart's
  const buttons = document.createElement('div');
  buttons.className = 'chart-actions';
  for (const type of ['SVG', 'PNG']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = type;
    b.setAttribute('aria-label', `Download ${title} as ${type}`);
    b.addEventListener('click', async () => {
      const last = state.last;
      const file = exportedSvg(svg, title, provenance(last));
      const blob = type === 'SVG' ? new Blob([file.text], { type: 'image/svg+xml' }) : await pngBlob(file);
      const of = last?.status ? `-${fileSafe(last.start?.label ?? '')}-${String(last.status.id).slice(0, 8)}` : '';
      download(blob, `${filename}${of}.${type.toLowerCase()}`);
    });
    buttons.append(b, ' ');
  }
  caption.append(text);
  // the drawing named as its caption (the library names it by the metric's code name)
  svg.setAttribute('aria-label', `Chart: ${title}`);
  // and described by the legend above the charts: what its line, bands and squares are
  svg.setAttribute('aria-describedby', 'legend');
  fig.append(caption, buttons, svg);
  return fig;
}

/**
 * What a fan chart draws, as a table in a disclosure under it: month by month, the published
 * figure and each series' median with its 50% and 90% bands, as the points' titles give them.
 * The chart's text alternative for a screen reader, and for anyone who cannot tell a light
 * band from the white behind it.
 */
export function chartTable(title, metric, rows, published = []) {
  const f = (x) => metricValue(metric, x); // a published figure, exact
  const q = (x) => percentileValue(metric, x); // a median or band's end, to the precision it has
  const series = [...new Set(rows.map((r) => r.series))];
  const name = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const months = [...new Set([...published.map((p) => p.month), ...rows.map((r) => r.month)])].sort((a, b) => a - b);
  const head = ['Month', ...(published.length ? ['Published by the DfE'] : []),
    ...series.flatMap((s) => [`${name(s)}: median`, `${name(s)}: 50% band`, `${name(s)}: 90% band`])];
  const body = months.map((m) => {
    const p = published.find((x) => x.month === m);
    const date = p?.date ?? rows.find((r) => r.month === m)?.date;
    return [date ? `${m} (${date})` : String(m), ...(published.length ? [p ? f(p.value) : ''] : []),
      ...series.flatMap((s) => {
        const r = rows.find((x) => x.series === s && x.month === m);
        return r ? [q(r.p50), `${q(r.p25)} to ${q(r.p75)}`, `${q(r.p5)} to ${q(r.p95)}`] : ['', '', ''];
      })];
  });
  return tableDisclosure('Figures month by month', title, `${title}, month by month`, head, body);
}

/**
 * A chart's table in a disclosure under it, opened by `label` (the chart's `title` added for a
 * screen reader, as every chart's disclosure reads alike), in a box the keyboard reaches when
 * a wide table scrolls in it; not printed.
 */
export function tableDisclosure(label, title, caption, head, rows) {
  const details = document.createElement('details');
  details.className = 'chart-figures no-print';
  const summary = document.createElement('summary');
  const hidden = document.createElement('span');
  hidden.className = 'sr';
  hidden.textContent = `: ${title}`;
  summary.append(label, hidden);
  const box = document.createElement('div');
  box.className = 'table-wrap';
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', `${title}: ${label.toLowerCase()}`);
  box.append(table(caption, head, rows));
  details.append(summary, box);
  return details;
}

/**
 * The figures of a run's charts (CHARTS), `rowsOf(def)` giving each chart's fan rows, all on
 * one month axis (returned as `xDomain`, for the "By team" panels too); a role's chart is
 * titled with its team's name, or with all of its teams' names.
 */
export function chartFigures(rowsOf) {
  const { start } = state.last;
  const baseDate = start.scenario.baseDate;
  const teams = start.scenario.teams;
  const charts = CHARTS.map((def) => ({ def, rows: rowsOf(def),
    published: actualRows(start.actuals, def.metric, baseDate, def.factor) }));
  const xDomain = sharedMonths(charts.map((c) => c.rows), charts.map((c) => c.published));
  const figures = charts.map(({ def, rows, published }) => {
    const title = def.role ? roleTitle('Caseload', def.role, teams, def.title) : def.title;
    const fig = figure(title, fanChart(def.metric, rows, { actuals: published, xDomain }), `caseload-${def.metric}`);
    fig.append(chartTable(title, def.metric, rows, published));
    fig.dataset.metric = def.metric;
    return fig;
  });
  return { figures, xDomain };
}

/**
 * A note read with the chart of `metric` among `figures` (its svg described by the legend and
 * the note), or nothing when `text` is null.
 */
export function noteUnder(figures, metric, text, id) {
  if (!text) return;
  const fig = figures.find((f) => f.dataset.metric === metric);
  const p = document.createElement('p');
  p.className = 'note';
  p.id = id;
  p.textContent = text;
  fig.append(p);
  const svg = fig.querySelector('svg');
  svg.setAttribute('aria-describedby', `${svg.getAttribute('aria-describedby') ?? 'legend'} ${id}`);
}

export function legend(series) {
  const p = $('legend');
  p.replaceChildren('Line: median; dark band: middle 50% of replications; light band: 90%.');
  for (const name of series) {
    p.append(legendSwatch(name), name === 'plan' ? 'Plan (dashed)' : 'Baseline');
  }
  const { start } = state.last;
  if (start.actuals) {
    const sw = legendSwatch('actual');
    p.append(sw, actualsLegend(start.actuals.area, start.scenario.baseDate));
  }
}

export function table(caption, head, rows, id) {
  const t = document.createElement('table');
  if (id) t.id = id;
  const c = document.createElement('caption');
  c.textContent = caption;
  const thead = document.createElement('thead');
  const tr = document.createElement('tr');
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    tr.append(th);
  }
  thead.append(tr);
  const tbody = document.createElement('tbody');
  for (const r of rows) {
    const row = document.createElement('tr');
    r.forEach((v, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = v;
      row.append(cell);
    });
    tbody.append(row);
  }
  t.append(c, thead, tbody);
  return t;
}

export function snapshotTable(result, captionPrefix = '', id = 'snapshots') {
  if (!result.snapshots?.length) {
    // a run that ends before its first 30 September has none: said so, not drawn as a table
    // of a header alone (a 6-month run from 30 September had shown "Indicator" and nothing)
    const p = document.createElement('p');
    p.className = 'note';
    p.id = id;
    p.textContent = `${snapshotCaption(captionPrefix)}: none, as the run of ${counted(result.months, 'month')}`
      + ` from ${result.baseDate ?? 'the base date'} ends before the next 30 September.`;
    return p;
  }
  const dates = result.snapshots.map((s) => s.date);
  const metrics = Object.keys(result.snapshots[0]?.metrics ?? {});
  const rows = metrics.map((m) => [SNAPSHOT_LABELS[m] ?? m, ...result.snapshots.map((s) => {
    const x = s.metrics[m];
    return `${percentileValue(m, x.p50)} (${percentileValue(m, x.p5)} to ${percentileValue(m, x.p95)})`;
  })]);
  return table(`${snapshotCaption(captionPrefix)}: median (90% band)`, ['Indicator', ...dates], rows, id);
}

export function costTable(result) {
  const row = (label, s) => {
    const ci = meanInterval95(s);
    // the mean and its interval with as many decimals as show the interval's width
    const extra = ci ? intervalExtra('cost', ci[0], ci[1]) : 0;
    return [label, money(s.p50), `${money(s.p5)} to ${money(s.p95)}`, money(s.mean, extra),
      ci ? `${money(ci[0], extra)} to ${money(ci[1], extra)}` : '\u2013'];
  };
  const rows = result.costs.byYear.map((y) => row(planYearLabel(y), y));
  const h = result.costs.horizon;
  rows.push(row(`All ${h.months} months`, h));
  return table('Cost by plan year: median and 90% band (how much the cost varies across replications), mean and its 95% interval (how precisely the replications pin the mean down)',
    ['Period', 'Median', '90% band across replications', 'Mean', '95% interval of the mean'], rows, 'costs');
}

export function targetsTable(baseline, plan, differences) {
  if (!baseline.targets?.length) return null;
  const head = plan ? ['Target', 'Baseline', 'Plan', 'Difference (95% interval)'] : ['Target', 'Probability met', '95% interval'];
  const rows = baseline.targets.map((t, i) => {
    if (!plan) {
      const [p, lo, hi] = probabilities(t.probability, t.ci95[0], t.ci95[1]);
      return [targetLabel(t.target), p, `${lo} to ${hi}`];
    }
    const d = differences?.[i];
    return [targetLabel(t.target), ...probabilities(t.probability, plan.targets[i]?.probability),
      d ? `${points(d.difference)} (${pointsNumber(d.ci95[0])} to ${pointsNumber(d.ci95[1])})` : '\u2013'];
  });
  // every target together, the API's last row where there are two or more, is not the
  // product of the rows above: targets met in the same futures move together
  const every = baseline.targets.some((t) => t.target === EVERY_TARGET);
  return table(every ? 'Targets: probability of meeting each, and all of them in the same future (what Decide plans against)'
    : 'Targets: probability of meeting each', head, rows, 'target-table');
}

export function summary(result, kind) {
  const s = state.last;
  const box = $('summary');
  box.replaceChildren();
  const dl = document.createElement('dl');
  const add = (k, v) => {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  };
  add('Baseline', s.start.label);
  add('Assumptions', assumptionsText(s.start));
  const assumed = assumptionLevers(s.levers);
  if (assumed.length) add('Assumed in the baseline', assumed.map(describe).join('; '));
  const plan = planLevers(s.levers);
  add('Levers', kind === 'comparison' && plan.length ? plan.map(describe).join('; ') : 'none (baseline only)');
  // each number with its word: "1, 1,000, 36" had read as four or five numbers (a trial)
  const replications = result.replications ?? result.baseline?.replications;
  add('Settings', `seed ${result.seed}; ${counted(replications, 'replication', number(replications, 0))}; ${counted(result.months, 'month')}`);
  add('Run', `${s.status.id} (${s.status.codeVersion}), ${s.status.finishedAt ?? ''}`);
  box.append(dl);
  showDecisionInSummary();
}

/**
 * The last goal-seek's answer in the printed summary, where it was of the baseline the
 * results shown are of (the Decide section is not printed: a printed summary had carried no
 * decision). Called when results are drawn and when a goal-seek ends.
 */
export function showDecisionInSummary() {
  const dl = $('summary')?.querySelector('dl');
  if (!dl) return;
  dl.querySelectorAll('[data-decision]').forEach((e) => e.remove());
  const d = state.decision;
  if (!d || !state.last || !sameStart(d.start, state.last.start)) return;
  const dt = document.createElement('dt');
  dt.textContent = 'Decide (goal-seek of this baseline)';
  const dd = document.createElement('dd');
  dd.textContent = d.stale ? `${d.text} (asked with targets or settings that have changed since)` : d.text;
  dt.dataset.decision = '';
  dd.dataset.decision = '';
  dl.append(dt, dd);
}

export async function downloadCsv() {
  const s = state.last;
  if (!s) return;
  const response = await call(s.status.links.csv);
  download(await response.blob(), `caseload-${s.kind}-${s.status.id}.csv`);
}

export function downloadWide() {
  const s = state.last;
  if (!s) return;
  const runs = s.kind === 'run' ? { baseline: s.result } : { baseline: s.result.baseline, plan: s.result.variants[0].result };
  const metrics = Object.keys(runs.baseline.monthly[0].metrics);
  download(new Blob([wideCsv(runs, metrics)], { type: 'text/csv' }), `caseload-${s.kind}-${s.status.id}-wide.csv`);
}
