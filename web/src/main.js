// The planners' page: wires the form to the public API and draws what it answers.
import './style.css';
import { json, call, follow, onTokenNeeded, ApiError } from './api.js';
import { LEVERS, newLever, leverField, leverFromIntervention, describe } from './levers.js';
import { runRequest, comparisonRequest, target, scenarioToSave, problems } from './requests.js';
import { CHARTS, COLOURS, fanRows, fanChart, actualRows, svgText, pngBlob } from './charts.js';
import { metricValue, money, probability, number } from './format.js';
import { wideCsv } from './exports.js';
import { goalSeekRequest, tornadoRequest, frontierChart, tornadoChart } from './decide.js';

const $ = (id) => document.getElementById(id);

const state = {
  start: null, // {preset?, scenarioId?, scenario, label, notes}
  levers: [],
  targets: [],
  saved: null, // {id, version, name}
  last: null, // {kind, status, result}
  active: null, // {kind, id, abort}
  actuals: null, // the council's published figures, from /actuals
};

/** The council a baseline is of: the calibration's area, or its name's "X at 30 September". */
function areaOf(start) {
  return start.area ?? /^(.+) at 30 September \d{4}$/.exec(start.scenario?.name ?? '')?.[1] ?? null;
}

async function loadActuals() {
  state.actuals = null;
  const area = areaOf(state.start);
  if (!area) return;
  try {
    state.actuals = await json(`actuals?la=${encodeURIComponent(area)}`);
  } catch {
    state.actuals = null; // a preset of a made-up council has none: draw the run alone
  }
}

// ---- token ---------------------------------------------------------------

onTokenNeeded(() => new Promise((resolve) => {
  const dialog = $('token-dialog');
  $('token-input').value = '';
  dialog.onclose = () => resolve(dialog.returnValue === 'ok' ? $('token-input').value.trim() : null);
  dialog.showModal();
  $('token-input').focus();
}));

// ---- errors next to fields -----------------------------------------------

function clearErrors() {
  document.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

function errorSlot(field) {
  const lever = leverField(field);
  if (lever) {
    return document.querySelector(`.error[data-lever="${lever.index}"][data-field="${lever.field}"]`)
      ?? document.querySelector(`.error[data-lever="${lever.index}"][data-field=""]`);
  }
  const top = field.replace(/^(variants\[\d+]\.|baseline\.)/, '').replace(/\[\d+]$/, '');
  return document.querySelector(`.error[data-field="${top}"]:not([data-lever])`);
}

function showProblems(error, fallback = $('run-error')) {
  if (!(error instanceof ApiError)) {
    fallback.textContent = error.message ?? String(error);
    return;
  }
  for (const p of problems(error.problem)) {
    const slot = errorSlot(p.field) ?? fallback;
    slot.textContent = slot === fallback ? `${p.field}: ${p.reason}` : p.reason;
    const input = slot.parentElement?.querySelector('input, select');
    if (input && slot !== fallback) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', slot.id || (slot.id = `err-${Math.random().toString(36).slice(2)}`));
    }
  }
}

// ---- start ------------------------------------------------------------------

function teams() {
  return (state.start?.scenario?.teams ?? []).map((t) => t.name);
}

function showAssumptions() {
  const box = $('assumptions');
  const s = state.start;
  box.replaceChildren();
  if (!s) return;
  const h = document.createElement('h3');
  h.textContent = `Baseline: ${s.label}`;
  const facts = document.createElement('p');
  const sc = s.scenario;
  const posts = sc.teams.reduce((a, t) => a + t.establishment, 0);
  facts.textContent = `Base date ${sc.baseDate}, ${sc.horizonMonths} months; teams `
    + sc.teams.map((t) => `${t.name} (${number(t.establishment, 1)} funded posts, cap ${t.caseloadCap})`).join(', ')
    + `; ${number(posts, 1)} posts in all; ${number(sc.parameters.demand.baseMonthly, 0)} referrals a month.`;
  box.append(h, facts);
  if (s.notes?.length) {
    const intro = document.createElement('p');
    intro.textContent = 'What the calibration assumed:';
    const ul = document.createElement('ul');
    ul.className = 'notes';
    for (const n of s.notes) {
      const li = document.createElement('li');
      li.textContent = n;
      ul.append(li);
    }
    box.append(intro, ul);
  }
}

async function loadPresets() {
  const { items } = await json('presets');
  const select = $('preset');
  select.replaceChildren(...items.map((p) => new Option(`${p.name}: ${p.description}`, p.name)));
  select.value = items.some((p) => p.name === 'medway-2019') ? 'medway-2019' : items[0]?.name;
}

async function usePreset() {
  clearErrors();
  const name = $('preset').value;
  const scenario = await json(`presets/${encodeURIComponent(name)}`);
  const described = $('preset').selectedOptions[0]?.textContent ?? name;
  state.start = { preset: name, scenario, label: described, notes: [] };
  state.saved = null;
  afterStart();
}

async function calibrate() {
  clearErrors();
  const button = $('calibrate');
  button.disabled = true;
  try {
    const year = Number($('year').value);
    const body = { la: $('council').value.trim(), year: Number.isInteger(year) ? year : $('year').value };
    const answer = await json('calibrations', { method: 'POST', body });
    state.start = { scenario: answer.scenario, label: `${answer.area} ${answer.year} (calibrated)`,
      notes: answer.notes, area: answer.area };
    state.saved = null;
    afterStart();
  } catch (e) {
    if (e instanceof ApiError) {
      for (const p of problems(e.problem)) {
        const slot = p.field === 'la' ? $('council-error') : p.field === 'year' ? $('year-error') : $('council-error');
        slot.textContent = p.reason;
      }
    } else throw e;
  } finally {
    button.disabled = false;
  }
}

function afterStart() {
  showAssumptions();
  state.actualsLoaded = loadActuals();
  $('months').value = String(state.start.scenario.horizonMonths);
  for (const lever of state.levers) {
    for (const f of LEVERS[lever.type].fields) {
      if (f.kind === 'team' && !teams().includes(lever.values[f.name])) lever.values[f.name] = teams()[0] ?? '';
    }
  }
  renderLevers();
  updateSaveButtons();
}

// ---- levers and targets -----------------------------------------------------

function input(id, value, onInput, attrs = {}) {
  const el = document.createElement('input');
  el.id = id;
  el.value = value;
  Object.assign(el, attrs);
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

function field(labelText, control, hint, leverIndex, fieldName) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = labelText;
  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.dataset.lever = String(leverIndex);
  error.dataset.field = fieldName;
  wrap.append(label, control);
  if (hint) {
    const h = document.createElement('span');
    h.className = 'hint';
    h.id = `${control.id}-hint`;
    h.textContent = hint;
    control.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  wrap.append(error);
  return wrap;
}

function renderLevers() {
  const box = $('levers');
  box.replaceChildren();
  state.levers.forEach((lever, i) => {
    const def = LEVERS[lever.type];
    const fs = document.createElement('fieldset');
    fs.className = 'lever';
    fs.dataset.type = lever.type;
    const legend = document.createElement('legend');
    legend.textContent = `${i + 1}. ${def.label}`;
    const help = document.createElement('p');
    help.className = 'help';
    help.textContent = def.help;
    const row = document.createElement('div');
    row.className = 'row';
    for (const f of def.fields) {
      const id = `lever-${i}-${f.name}`;
      let control;
      if (f.kind === 'team') {
        control = document.createElement('select');
        control.id = id;
        for (const t of teams()) control.append(new Option(t, t));
        control.value = lever.values[f.name];
        control.addEventListener('change', () => { lever.values[f.name] = control.value; });
      } else {
        control = input(id, lever.values[f.name], (v) => { lever.values[f.name] = v; }, { size: 10 });
      }
      const label = f.unit ? `${f.label} (${f.unit})` : f.label;
      row.append(field(label, control, f.typical ? `typical: ${f.typical}` : '', i, f.name));
    }
    row.append(
      field('Start month', input(`lever-${i}-startMonth`, lever.values.startMonth, (v) => { lever.values.startMonth = v; }, { size: 4 }), '1 = the month after the base date', i, 'startMonth'),
      field(def.endRequired ? 'End month' : 'End month (blank: to the end)', input(`lever-${i}-endMonth`, lever.values.endMonth, (v) => { lever.values.endMonth = v; }, { size: 4 }), '', i, 'endMonth'),
    );
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove lever ${i + 1}, ${def.label}`);
    remove.addEventListener('click', () => { state.levers.splice(i, 1); renderLevers(); });
    row.append(remove);
    const general = document.createElement('p');
    general.className = 'error';
    general.dataset.lever = String(i);
    general.dataset.field = '';
    fs.append(legend, help, row, general);
    box.append(fs);
  });
  $('run-compare').disabled = state.levers.length === 0;
  $('run-compare').title = state.levers.length ? '' : 'Add a lever first';
}

function renderTargets() {
  const ul = $('targets');
  ul.replaceChildren(...state.targets.map((t, i) => {
    const li = document.createElement('li');
    li.textContent = t;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = '\u00d7';
    b.setAttribute('aria-label', `Remove target ${t}`);
    b.addEventListener('click', () => { state.targets.splice(i, 1); renderTargets(); });
    li.append(b);
    return li;
  }));
}

// ---- runs -----------------------------------------------------------------------

function typedSettings() {
  return { replications: $('replications').value, months: $('months').value, seed: $('seed').value };
}

function busy(on) {
  $('progress').hidden = !on;
  $('cancel').hidden = !on;
  $('run-baseline').disabled = on;
  $('run-compare').disabled = on || state.levers.length === 0;
  if (on) {
    $('progress').value = 0;
    $('progress-text').textContent = 'Queued';
  }
}

async function execute(kind, body) {
  clearErrors();
  if (!state.start) {
    $('run-error').textContent = 'Choose a preset or calibrate a council first.';
    return;
  }
  const path = kind === 'run' ? 'runs' : 'comparisons';
  busy(true);
  const abort = new AbortController();
  try {
    const created = await json(path, { method: 'POST', body });
    state.active = { kind, id: created.id, abort };
    const started = performance.now();
    const end = await follow(created.links.events, (status) => {
      const p = status.progress;
      $('progress').value = p.fraction;
      $('progress-text').textContent = `${status.status}: ${number(p.done, 0)} of ${number(p.total, 0)} replications`;
    }, abort.signal);
    const status = end?.status === 'succeeded' || end?.status === 'failed' || end?.status === 'cancelled'
      ? end : await json(`${path}/${created.id}`);
    if (status.status !== 'succeeded') {
      $('progress-text').textContent = status.status === 'cancelled' ? 'Cancelled' : `Failed: ${status.error ?? ''}`;
      return;
    }
    const result = await json(created.links.results);
    await state.actualsLoaded;
    const seconds = (performance.now() - started) / 1000;
    $('progress-text').textContent = `Done in ${number(seconds, 1)} s`;
    state.last = { kind, status, result, body, levers: state.levers.map((l) => ({ type: l.type, values: { ...l.values } })) };
    if (kind === 'run') renderRun(result);
    else renderComparison(result);
  } catch (e) {
    showProblems(e);
    $('progress-text').textContent = '';
  } finally {
    state.active = null;
    busy(false);
    $('progress').hidden = true;
  }
}

async function cancel() {
  const a = state.active;
  if (!a) return;
  try {
    await call(`${a.kind === 'run' ? 'runs' : 'comparisons'}/${a.id}`, { method: 'DELETE' });
    $('progress-text').textContent = 'Cancelling...';
  } catch (e) {
    showProblems(e);
  }
}

// ---- results ------------------------------------------------------------------

function download(blob, filename) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

function chartFigure(def, rows) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.metric = def.metric;
  const caption = document.createElement('figcaption');
  const title = document.createElement('span');
  title.textContent = def.title;
  const buttons = document.createElement('span');
  const published = actualRows(state.actuals, def.metric, state.start.scenario.baseDate, def.factor);
  const svg = fanChart(def.metric, rows, { actuals: published });
  for (const type of ['SVG', 'PNG']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = type;
    b.setAttribute('aria-label', `Download ${def.title} as ${type}`);
    b.addEventListener('click', async () => {
      const blob = type === 'SVG' ? new Blob([svgText(svg)], { type: 'image/svg+xml' }) : await pngBlob(svg);
      download(blob, `caseload-${def.metric}.${type.toLowerCase()}`);
    });
    buttons.append(b, ' ');
  }
  caption.append(title, buttons);
  figure.append(caption, svg);
  return figure;
}

function legend(series) {
  const p = $('legend');
  p.replaceChildren('Line: median; dark band: middle 50% of replications; light band: 90%.');
  for (const name of series) {
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = COLOURS[name];
    p.append(sw, name === 'plan' ? 'Plan (dashed)' : 'Baseline');
  }
  if (state.actuals) {
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = COLOURS.actual;
    sw.style.width = '0.7rem';
    p.append(sw, `Published by the DfE for ${state.actuals.area} at 30 September (months up to 0)`);
  }
}

function table(caption, head, rows, id) {
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

const SNAPSHOT_LABELS = {
  inPostFte: 'Staff in post (FTE)', agencyFte: 'Agency workers (FTE)', vacancyFte: 'Vacancies (FTE)',
  vacancyRate: 'Vacancy rate', turnoverRate: 'Turnover rate', agencyRate: 'Agency rate',
  caseload: 'Average caseload', cases: 'Cases', caseHolderFte: 'Case holders (FTE)',
  unallocatedCases: 'Unallocated cases', referrals: 'Referrals in the year', starters: 'Starters',
  leavers: 'Leavers', cost: 'Cost',
};

function snapshotTable(result, captionPrefix = '') {
  const dates = result.snapshots.map((s) => s.date);
  const metrics = Object.keys(result.snapshots[0]?.metrics ?? {});
  const rows = metrics.map((m) => [SNAPSHOT_LABELS[m] ?? m, ...result.snapshots.map((s) => {
    const x = s.metrics[m];
    return `${metricValue(m, x.p50)} (${metricValue(m, x.p5)} to ${metricValue(m, x.p95)})`;
  })]);
  return table(`${captionPrefix}DfE indicators at 30 September: median (90% band)`, ['Indicator', ...dates], rows, 'snapshots');
}

function costTable(result) {
  const rows = result.costs.byYear.map((y) => [`Year ${y.year} (${y.from} to ${y.to})`,
    money(y.p50), `${money(y.p5)} to ${money(y.p95)}`, money(y.mean)]);
  const h = result.costs.horizon;
  rows.push([`All ${h.months} months`, money(h.p50), `${money(h.p5)} to ${money(h.p95)}`, money(h.mean)]);
  return table('Cost by plan year', ['Period', 'Median', '90% band', 'Mean'], rows, 'costs');
}

function targetsTable(baseline, plan, differences) {
  if (!baseline.targets?.length) return null;
  const head = plan ? ['Target', 'Baseline', 'Plan', 'Difference (95% interval)'] : ['Target', 'Probability met', '95% interval'];
  const rows = baseline.targets.map((t, i) => {
    if (!plan) return [t.target, probability(t.probability), `${probability(t.ci95[0])} to ${probability(t.ci95[1])}`];
    const d = differences?.[i];
    return [t.target, probability(t.probability), probability(plan.targets[i]?.probability),
      d ? `${d.difference >= 0 ? '+' : ''}${number(d.difference * 100, 0)} points (${number(d.ci95[0] * 100, 0)} to ${number(d.ci95[1] * 100, 0)})` : '\u2013'];
  });
  return table('Targets: probability of meeting each', head, rows, 'target-table');
}

function summary(result, kind) {
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
  add('Baseline', state.start.label);
  add('Assumptions', state.start.notes?.length ? state.start.notes.join(' | ') : 'as in the preset (docs/calibration.md)');
  add('Levers', kind === 'comparison' && s.levers.length ? s.levers.map(describe).join('; ') : 'none (baseline only)');
  add('Seed, replications, months', `${result.seed}, ${number(result.replications ?? result.baseline?.replications, 0)}, ${result.months}`);
  add('Run', `${s.status.id} (${s.status.codeVersion}), ${s.status.finishedAt ?? ''}`);
  box.append(dl);
}

function renderRun(result) {
  $('results').hidden = false;
  legend(['baseline']);
  summary(result, 'run');
  $('charts').replaceChildren(...CHARTS.map((def) => chartFigure(def, fanRows(result, def.metric, 'baseline', def.factor))));
  const tables = [snapshotTable(result), costTable(result), targetsTable(result)].filter(Boolean);
  $('tables').replaceChildren(...tables);
}

const COMPARED = ['caseload', 'unallocatedCases', 'vacancyRate', 'agencyRate', 'inPostFte', 'cost'];

function renderComparison(doc) {
  const base = doc.baseline;
  const variant = doc.variants[0];
  const plan = variant.result;
  $('results').hidden = false;
  legend(['baseline', 'plan']);
  summary(doc, 'comparison');
  $('charts').replaceChildren(...CHARTS.map((def) => chartFigure(def, [
    ...fanRows(base, def.metric, 'baseline', def.factor), ...fanRows(plan, def.metric, 'plan', def.factor)])));
  const months = [12, 24, 36, 60].filter((m) => m <= doc.months);
  if (!months.includes(doc.months)) months.push(doc.months);
  const rows = [];
  for (const metric of COMPARED) {
    for (const m of months) {
      const d = variant.differences[m - 1].metrics[metric];
      rows.push([`${metric}, month ${m}`, metricValue(metric, base.monthly[m - 1].metrics[metric].mean),
        metricValue(metric, plan.monthly[m - 1].metrics[metric].mean),
        `${d.mean >= 0 ? '+' : ''}${metricValue(metric, d.mean)} (${metricValue(metric, d.ci95[0])} to ${metricValue(metric, d.ci95[1])})`,
        probability(d.probabilityBetter), probability(d.probabilitySame), probability(d.probabilityWorse)]);
    }
  }
  const h = variant.extraCost.horizon;
  const perYear = (x) => (x * 12) / h.months;
  const costRows = variant.extraCost.byYear.map((y) => [`Year ${y.year}`, money(y.mean), `${money(y.p5)} to ${money(y.p95)}`]);
  costRows.push(['A year on average', money(perYear(h.mean)), `${money(perYear(h.p5))} to ${money(perYear(h.p95))}`]);
  $('tables').replaceChildren(...[
    table('Plan against baseline (paired, common random numbers): means and the chance the plan is better, the same or worse',
      ['Metric', 'Baseline mean', 'Plan mean', 'Difference (95% interval)', 'P(better)', 'P(same)', 'P(worse)'], rows, 'differences'),
    table('Extra cost of the plan', ['Period', 'Mean', '90% band'], costRows, 'extra-cost'),
    targetsTable(base, plan, variant.targetDifferences),
    snapshotTable(base, 'Baseline: '),
  ].filter(Boolean));
}

async function downloadCsv() {
  const s = state.last;
  if (!s) return;
  const response = await call(s.status.links.csv);
  download(await response.blob(), `caseload-${s.kind}-${s.status.id}.csv`);
}

function downloadWide() {
  const s = state.last;
  if (!s) return;
  const runs = s.kind === 'run' ? { baseline: s.result } : { baseline: s.result.baseline, plan: s.result.variants[0].result };
  const metrics = Object.keys(runs.baseline.monthly[0].metrics);
  download(new Blob([wideCsv(runs, metrics)], { type: 'text/csv' }), `caseload-${s.kind}-${s.status.id}-wide.csv`);
}

// ---- saved scenarios ------------------------------------------------------------

function updateSaveButtons() {
  $('save-edit').hidden = !state.saved;
  if (state.saved) $('save-edit').textContent = `Save changes to "${state.saved.name}" (version ${state.saved.version})`;
}

async function listScenarios() {
  const page = await json('scenarios?limit=100');
  const tbody = document.querySelector('#scenario-list tbody');
  tbody.replaceChildren(...page.items.map((item) => {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = item.name;
    const version = document.createElement('td');
    version.textContent = item.version;
    const updated = document.createElement('td');
    updated.textContent = new Date(item.updatedAt).toLocaleString('en-GB');
    const actions = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open';
    open.setAttribute('aria-label', `Open ${item.name}`);
    open.addEventListener('click', () => openScenario(item.id).catch((e) => showProblems(e, $('save-status'))));
    const del = document.createElement('button');
    del.type = 'button';
    del.textContent = 'Delete';
    del.setAttribute('aria-label', `Delete ${item.name}`);
    del.addEventListener('click', () => deleteScenario(item).catch((e) => showProblems(e, $('save-status'))));
    actions.append(open, ' ', del);
    tr.append(name, version, updated, actions);
    return tr;
  }));
}

async function save(asNew) {
  clearErrors();
  const name = $('scenario-name').value.trim() || state.start?.label;
  if (!state.start) {
    $('save-status').textContent = 'Choose a preset or calibrate a council first.';
    return;
  }
  const scenario = scenarioToSave(state.start.scenario, state.levers, name);
  try {
    const stored = asNew
      ? await json('scenarios', { method: 'POST', body: { scenario } })
      : await json(`scenarios/${state.saved.id}`, { method: 'PUT', body: { version: state.saved.version, scenario } });
    state.saved = { id: stored.id, version: stored.version, name: stored.name };
    $('save-status').textContent = `Saved "${stored.name}", version ${stored.version}.`;
    updateSaveButtons();
    await listScenarios();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      $('save-status').textContent = `Not saved: someone changed "${state.saved.name}" since you opened version `
        + `${state.saved.version}. Open it again to see their changes, or save yours as new.`;
    } else showProblems(e, $('save-status'));
  }
}

async function openScenario(id) {
  clearErrors();
  const stored = await json(`scenarios/${id}`);
  const { interventions = [], ...rest } = stored.scenario;
  const levers = interventions.map(leverFromIntervention);
  state.start = { scenario: { ...rest, interventions: interventions.filter((_, i) => !levers[i]) },
    label: `${stored.name} (saved, version ${stored.version})`, notes: [] };
  state.levers = levers.filter(Boolean);
  state.saved = { id: stored.id, version: stored.version, name: stored.name };
  $('scenario-name').value = stored.name;
  $('save-status').textContent = `Opened "${stored.name}", version ${stored.version}.`;
  afterStart();
}

async function deleteScenario(item) {
  await call(`scenarios/${item.id}`, { method: 'DELETE' });
  if (state.saved?.id === item.id) state.saved = null;
  $('save-status').textContent = `Deleted "${item.name}".`;
  updateSaveButtons();
  await listScenarios();
}

// ---- wiring ------------------------------------------------------------------------

// ---- decide -------------------------------------------------------------------

/**
 * Submits a goal-seek or sensitivity, waits for its end and returns its results; the caller
 * says "done" once it has drawn them.
 */
async function decide(path, body) {
  $('decide-error').textContent = '';
  $('decide-status').textContent = '';
  if (!state.start) {
    $('decide-error').textContent = 'Choose a preset or calibrate a council first.';
    return null;
  }
  try {
    const created = await json(path, { method: 'POST', body });
    $('decide-status').textContent = `${created.kind} queued`;
    const end = await follow(created.links.events, (status) => {
      $('decide-status').textContent = `${created.kind} ${status.status}: ${number(status.progress.done, 0)} replications`;
    });
    const status = end?.status ? end : await json(`${path}/${created.id}`);
    if (status.status !== 'succeeded') {
      $('decide-status').textContent = `${created.kind} ${status.status}${status.error ? `: ${status.error}` : ''}`;
      return null;
    }
    return await json(created.links.results);
  } catch (e) {
    $('decide-error').textContent = e instanceof ApiError
      ? problems(e.problem).map((p) => `${p.field}: ${p.reason}`).join('; ')
      : e.message ?? String(e);
    return null;
  }
}

async function goalSeek() {
  const doc = await decide('goal-seeks', goalSeekRequest(state.start, typedSettings(),
    state.targets, $('decide-probability').value, $('decide-levers').value));
  if (!doc) return;
  const a = doc.answer;
  $('goal-seek-answer').textContent = a.status === 'found'
    ? `Cheapest plan: ${a.plan.plan}, P ${probability(a.plan.probability)} from ${number(a.plan.replications, 0)} replications`
    : `No plan within the ranges reaches ${doc.probability}; the best reaches ${probability(a.best?.probability ?? 0)}`;
  $('frontier-chart').replaceChildren(frontierChart(doc));
  $('decide-status').textContent = 'goal-seek done';
}

async function tornado() {
  const doc = await decide('sensitivities', tornadoRequest(state.start, typedSettings(),
    $('tornado-metric').value, $('tornado-month').value, $('decide-levers').value));
  if (!doc) return;
  $('tornado-chart').replaceChildren(tornadoChart(doc));
  $('decide-status').textContent = 'sensitivity done';
}

function guard(fn, slot = () => $('run-error')) {
  return () => fn().catch((e) => showProblems(e, slot()));
}

function wire() {
  for (const radio of document.querySelectorAll('input[name=source]')) {
    radio.addEventListener('change', () => {
      const council = document.querySelector('input[name=source]:checked').value === 'council';
      $('source-preset').hidden = council;
      $('source-council').hidden = !council;
    });
  }
  $('lever-type').replaceChildren(...Object.entries(LEVERS).map(([type, def]) => new Option(def.label, type)));
  $('load-preset').addEventListener('click', guard(usePreset, () => $('run-error')));
  $('calibrate').addEventListener('click', guard(calibrate, () => $('council-error')));
  $('add-lever').addEventListener('click', () => {
    state.levers.push(newLever($('lever-type').value, teams()));
    renderLevers();
    document.querySelector(`#levers fieldset:last-child input`)?.focus();
  });
  $('add-target').addEventListener('click', () => {
    state.targets.push(target($('target-metric').value, $('target-op').value, $('target-value').value, $('target-month').value));
    renderTargets();
  });
  $('run-baseline').addEventListener('click', () => execute('run', runRequest(state.start, typedSettings(), state.targets)));
  $('run-compare').addEventListener('click', () => execute('comparison',
    comparisonRequest(state.start, state.levers, typedSettings(), state.targets)));
  $('cancel').addEventListener('click', cancel);
  $('save-new').addEventListener('click', () => save(true));
  $('save-edit').addEventListener('click', () => save(false));
  $('download-csv').addEventListener('click', guard(downloadCsv));
  $('download-wide').addEventListener('click', downloadWide);
  $('print').addEventListener('click', () => window.print());
  $('goal-seek').addEventListener('click', goalSeek);
  $('tornado').addEventListener('click', tornado);
}

async function init() {
  wire();
  renderLevers();
  try {
    await loadPresets();
    await usePreset();
    await listScenarios();
  } catch (e) {
    showProblems(e);
  }
  document.body.dataset.ready = 'true';
}

init();
