// Fan charts (median, 50% and 90% bands) drawn with Observable Plot as SVG, so that each
// chart can be saved as SVG or PNG and read by a screen reader through its titles.
import * as Plot from '@observablehq/plot';
import { metricValue, percentileValue, kindOf, errorValue } from './format.js';

/**
 * Okabe-Ito's blue, vermillion and bluish green, distinguishable with the common colour-vision
 * deficiencies, darkened (each channel scaled alike, so the hue stays) until every line and
 * point drawn in them has 3:1 (WCAG 2.2, 1.4.11) against white (6:1) and against any stack of
 * bands under it, a comparison's four (3.1:1 at the least; Okabe-Ito's own #0072B2 and #D55E00
 * had had 2.8:1 and 2.3:1 on their own dark band). `other` is for a series neither baseline nor
 * plan. test/contrast.test.js checks them.
 */
export const COLOURS = { baseline: '#0068A2', plan: '#A44800', other: '#005D44', actual: '#000000' };

/**
 * The bands' fill opacities, light: each band's edge is drawn as a thin line in its series'
 * colour, so the fills need not contrast with white (the 90% band's fill alone, 1.1:1, had been
 * the only sign of where it ended).
 */
export const BAND_OPACITY = { outer: 0.08, inner: 0.16 };

/** Reference rules (month 0, the goal's probability): a grey with 3:1 against the bands as well as white (7.5:1 on white; #888 had 3.5:1, 1.9:1 on the bands). */
export const REFERENCE = '#555555';

/**
 * The width in px that the longest line of `labels` (lines split at newlines) takes in a
 * chart's type of `fontSize` px, with the spacing a reader's own style may add (WCAG 2.2
 * 1.4.12: 0.12em between letters, 0.16em between words): estimated from its characters (a
 * letter 0.55em, a space 0.32em, a little over the widest of the usual sans-serif faces),
 * as a chart is drawn before it is shown. A chart hides what overflows it: a tornado's
 * inputs, in a margin of 200 px, had lost their first letters to that spacing.
 */
export function labelWidth(labels, fontSize = 11) {
  let most = 0;
  for (const line of labels.flatMap((l) => String(l).split('\n'))) {
    const spaces = (line.match(/ /g) ?? []).length;
    const letters = [...line].length - spaces;
    most = Math.max(most, letters * (0.55 + 0.12) + spaces * (0.32 + 0.16));
  }
  return Math.ceil(most * fontSize);
}

/**
 * `text` in lines of at most `most` characters, broken between words (a word longer than that
 * on a line of its own), joined by newlines, as Plot draws them; each break's space kept at
 * the start of the next line, where it is not seen (anchored at either end), so that the
 * words still read apart where the lines are one text (a screen reader, textContent).
 */
export function wrapWords(text, most) {
  const lines = [];
  for (const word of String(text).split(/ +/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= most) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n ');
}

/**
 * A fan chart's left margin, for its y axis's tick labels: the longest, six characters
 * ("£13.5m", "12,345"), with a reader's text spacing (WCAG 1.4.12) and the tick; one for
 * every panel, so that their month axes line up (at 56 px "£13.5m" had lost its pound sign
 * to that spacing).
 */
export const FAN_MARGIN_LEFT = 62;

/** The charts of a run, in order: metric, title, and a scale applied to each value. */
export const CHARTS = [
  { metric: 'caseload', title: 'Caseload (cases per case-holding FTE)' },
  { metric: 'caseloadAssessment', title: 'Caseload: assessment team', role: 'assessment' },
  { metric: 'caseloadLongTerm', title: 'Caseload: long-term team', role: 'longTerm' },
  { metric: 'unallocatedCases', title: 'Children waiting unallocated' },
  { metric: 'vacancyRate', title: 'Vacancy rate' },
  { metric: 'agencyRate', title: 'Agency rate' },
  { metric: 'agencyFte', title: 'Agency workers (FTE)' },
  { metric: 'inPostFte', title: 'Staff in post (FTE)' },
  { metric: 'cost', title: 'Cost a year (monthly cost x 12, £)', factor: 12 },
];

const STATS = ['p5', 'p25', 'p50', 'p75', 'p95'];

/**
 * A fan's row of a summary: {p5, p25, p50, p75, p95} scaled by `factor` (NaN, a gap, where
 * the summary has none: a caseload no replication had, `n` 0), and where the
 * summary says how far each could move with other replications (its halfWidth95; results
 * stored before it have none, and under 100 replications percentiles have none) `halfWidth`
 * {p5, ..., p95} scaled alike.
 */
export function fanValues(s, factor = 1) {
  const row = {};
  // null where no replication had a value (a caseload with nobody holding cases): a gap, not 0
  for (const k of STATS) row[k] = s[k] === null || s[k] === undefined ? NaN : s[k] * factor;
  const hw = s.halfWidth95;
  if (hw && STATS.every((k) => typeof hw[k] === 'number')) {
    row.halfWidth = Object.fromEntries(STATS.map((k) => [k, hw[k] * factor]));
  }
  return row;
}

/** Rows of a fan: {series, month, date, p5, p25, p50, p75, p95, halfWidth?} from a run document. */
export function fanRows(result, metric, series = 'baseline', factor = 1) {
  return result.monthly.map((m) => ({ series, month: m.month, date: m.date,
    ...fanValues(m.metrics[metric], factor) }));
}

/**
 * A fan point in words, for its title (hover, screen readers): the median and bands, each
 * with how far it could move with other replications (95%) where the run says.
 */
export function describeRow(metric, d) {
  const f = (x) => percentileValue(metric, x); // medians and band ends, to the precision they have
  const hw = d.halfWidth;
  const pm = (k) => (hw ? ` \u00b1${errorValue(metric, hw[k])}` : '');
  return `${d.series}, month ${d.month} (${d.date}): median ${f(d.p50)}${pm('p50')}; `
    + `50% band ${f(d.p25)}${pm('p25')} to ${f(d.p75)}${pm('p75')}; `
    + `90% band ${f(d.p5)}${pm('p5')} to ${f(d.p95)}${pm('p95')}`
    + (hw ? ' (\u00b1: 95% Monte Carlo error)' : '');
}

/**
 * Published figures on a run's axis: {month, date, value} for each year up to the base
 * date (month 0 is the base date, -12 a year before), for the metrics the DfE publishes.
 */
export function actualRows(actuals, metric, baseDate, factor = 1) {
  if (!actuals?.years) return [];
  const [by, bm] = baseDate.split('-').map(Number);
  return actuals.years
    .map((y) => {
      const [yy, mm] = y.date.split('-').map(Number);
      return { month: (yy - by) * 12 + (mm - bm), date: y.date, value: y[metric] == null ? null : y[metric] * factor };
    })
    .filter((r) => r.value !== null && r.month <= 0);
}

/**
 * One month axis for every panel of a run, so that months line up down the grid: from the
 * earliest published figure drawn (month 0 or before) or month 1, to the run's last month.
 */
export function sharedMonths(fanRowsList, actualsList = []) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const rows of [...fanRowsList, ...actualsList]) {
    for (const r of rows) {
      lo = Math.min(lo, r.month);
      hi = Math.max(hi, r.month);
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : undefined;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The month axis's label: months are counted from the base date, which it names ("Months
 * after Sep 2019"), found from any row's month and date (month m falls m calendar months after
 * the base date's); "Month" where no row has a date. A third trial had read the axis's months
 * without knowing from when.
 */
export function monthAxisLabel(rows) {
  const r = rows.find((x) => typeof x.date === 'string' && /^\d{4}-\d{2}/.test(x.date) && Number.isInteger(x.month));
  if (!r) return 'Month';
  const [y, m] = r.date.split('-').map(Number);
  const index = y * 12 + (m - 1) - r.month;
  return `Months after ${MONTH_NAMES[((index % 12) + 12) % 12]} ${Math.floor(index / 12)}`;
}

/**
 * The SVG of one fan chart for one or more series of rows, with published figures; `yDomain`
 * fixes the y scale (panels compared side by side), `xDomain` the months shown (every panel
 * of a run alike), `ariaLabel` names the chart.
 */
export function fanChart(metric, rows, { width = 390, height = 230, actuals = [], yDomain, xDomain, ariaLabel } = {}) {
  const series = [...new Set(rows.map((r) => r.series))];
  const colourOf = (name) => COLOURS[name] ?? COLOURS.other;
  const bands = [['p5', 'p95', BAND_OPACITY.outer], ['p25', 'p75', BAND_OPACITY.inner]];
  const marks = [];
  // Every series' bands first, then whatever is drawn in lines and points over all of them, so
  // that no band's fill (a plan's over a baseline's) dims a line.
  for (const name of series) {
    const data = rows.filter((r) => r.series === name);
    for (const [y1, y2, opacity] of bands) {
      marks.push(Plot.areaY(data, { x: 'month', y1, y2, fill: colourOf(name), fillOpacity: opacity,
        ariaHidden: true, className: `band-${name}` }));
    }
  }
  // A screen reader reads the points, each titled with its month's figures (describeRow, or
  // the published figure); the lines, bands and the rule at month 0 draw those same figures
  // and are hidden from it (Plot had named each "line", "area" or "rule" on a group, which
  // says nothing and is not allowed on a group without a role).
  if (actuals.length) {
    marks.push(
      Plot.line(actuals, { x: 'month', y: 'value', stroke: COLOURS.actual, strokeDasharray: '2,3', ariaHidden: true }),
      Plot.dot(actuals, { x: 'month', y: 'value', symbol: 'square', r: 3.5, fill: COLOURS.actual,
        className: 'actuals', ariaLabel: 'published by the DfE',
        title: (d) => `published at ${d.date}: ${metricValue(metric, d.value)}` }),
      Plot.ruleX([0], { stroke: REFERENCE, strokeDasharray: '1,2', ariaHidden: true }),
    );
  }
  // Each band's edge a thin line in its series' colour (the area again, unfilled), so that the
  // light fills need not contrast with white; the plan's dashed, as its median is.
  for (const name of series) {
    const data = rows.filter((r) => r.series === name);
    const colour = colourOf(name);
    const plan = name === 'plan';
    for (const [y1, y2] of bands) {
      marks.push(Plot.areaY(data, { x: 'month', y1, y2, fill: 'none', stroke: colour, strokeWidth: 1,
        strokeDasharray: plan ? '3,2' : null, ariaHidden: true, className: `band-edge-${name}` }));
    }
    marks.push(
      Plot.line(data, { x: 'month', y: 'p50', stroke: colour, strokeWidth: 2,
        strokeDasharray: plan ? '6,3' : null, ariaHidden: true }),
      Plot.dot(data, { x: 'month', y: 'p50', r: 2, fill: colour, ariaLabel: `${name}, month by month`,
        title: (d) => describeRow(metric, d), className: `median-${name}` }),
    );
  }
  return Plot.plot({
    width,
    height,
    marginLeft: FAN_MARGIN_LEFT,
    style: { fontSize: '11px', fontFamily: 'system-ui, sans-serif', background: 'white' },
    ariaLabel: ariaLabel ?? `fan chart of ${metric}`,
    x: { label: monthAxisLabel(rows), labelAnchor: 'right', tickFormat: (m) => String(m), ...(xDomain ? { domain: xDomain } : {}) },
    y: { grid: true, label: null, zero: ['count', 'fte'].includes(kindOf(metric)) ? true : undefined,
      ...(yDomain ? { domain: yDomain, nice: true } : {}), tickFormat: (x) => metricValue(metric, x) },
    marks,
  });
}

/**
 * What a fan chart's marks are, in lines of words short enough for its width (the series and
 * published figures it has).
 */
export function chartKey(svg) {
  const lines = ['Line: median of the replications.',
    'Dark band: 25th to 75th percentile; light band: 5th to 95th.'];
  if (svg.querySelector('.median-plan')) lines.push('Blue: baseline; orange, dashed: plan.');
  if (svg.querySelector('.actuals')) lines.push('Black squares: published by the DfE.');
  return lines;
}


const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A legend's swatch as the charts draw a series: its two bands edged, the median across them
 * (the plan's lines dashed), or for the published figures a black square; an SVG, so that it
 * prints (a background colour is not printed) and shows what the chart does. Hidden from a
 * screen reader: the words beside it say the same.
 */
export function legendSwatch(name) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', `swatch swatch-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const add = (tag, attributes) => {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
    svg.append(e);
  };
  if (name === 'actual') {
    svg.setAttribute('viewBox', '0 0 16 16');
    add('rect', { x: 4, y: 4, width: 8, height: 8, fill: COLOURS.actual });
    return svg;
  }
  const colour = COLOURS[name] ?? COLOURS.other;
  const plan = name === 'plan';
  svg.setAttribute('viewBox', '0 0 32 16');
  const edge = { stroke: colour, 'stroke-width': 1, ...(plan ? { 'stroke-dasharray': '3,2' } : {}) };
  add('rect', { x: 0.5, y: 0.5, width: 31, height: 15, fill: colour, 'fill-opacity': BAND_OPACITY.outer });
  add('rect', { x: 0.5, y: 4.5, width: 31, height: 7, fill: colour, 'fill-opacity': BAND_OPACITY.inner });
  add('rect', { x: 0.5, y: 0.5, width: 31, height: 15, fill: 'none', ...edge });
  add('rect', { x: 0.5, y: 4.5, width: 31, height: 7, fill: 'none', ...edge });
  add('line', { x1: 0, y1: 8, x2: 32, y2: 8, stroke: colour, 'stroke-width': 2, ...(plan ? { 'stroke-dasharray': '6,3' } : {}) });
  return svg;
}

/**
 * `text` in lines of whole words each at most `most` wide by `measure` (a word wider alone
 * has a line of its own).
 */
export function fitLines(text, most, measure) {
  const lines = [];
  for (const word of String(text).split(/ +/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && measure(`${lines[last]} ${word}`) <= most) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A width measure of text in the system font at `size` px (`weight` bold or not): the
 * browser's own, a tenth over for a viewer with another font; without a canvas, 0.62 em a
 * character.
 */
function textMeasure(size, weight) {
  const g = typeof document !== 'undefined' ? document.createElement('canvas').getContext?.('2d') : null;
  if (!g) return (t) => 0.62 * size * t.length;
  g.font = `${weight ?? 'normal'} ${size}px system-ui, sans-serif`;
  return (t) => 1.1 * g.measureText(t).width;
}

/**
 * A chart as a file: its title above it and its key below (chartKey), so that a chart pasted
 * into a report says what it shows; returns the SVG text and its size. The title (13 px bold),
 * the provenance under it (10 px) and the key (10 px) are each wrapped to the chart's width (a comparison's provenance, "Norfolk 2022
 * (calibrated), baseline and plan; 200 replications, seed 1; run 2c4373bd of 2026-12-01", had
 * run past the right edge of a 390 px chart, its run cut off).
 */
export function exportedSvg(svg, title, subtitle = '') {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const room = width - 16;
  const titleLines = fitLines(title, room, textMeasure(13, 'bold'));
  const subtitleLines = subtitle ? fitLines(subtitle, room, textMeasure(10)) : [];
  const key = chartKey(svg).flatMap((line) => fitLines(line, room, textMeasure(10)));
  // title lines 16 px apart from 16, the provenance's 13 apart, the chart 7 px under the last
  const lastTitle = 16 + 16 * (titleLines.length - 1);
  const top = subtitleLines.length ? lastTitle + 15 + 13 * (subtitleLines.length - 1) + 7 : lastTitle + 8;
  const total = top + height + 8 + 15 * key.length;
  const outer = document.createElementNS(SVG_NS, 'svg');
  outer.setAttribute('xmlns', SVG_NS);
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(total));
  outer.setAttribute('viewBox', `0 0 ${width} ${total}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(total));
  background.setAttribute('fill', 'white');
  const text = (content, y, size, weight) => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String(y));
    t.setAttribute('font-family', 'system-ui, sans-serif');
    t.setAttribute('font-size', String(size));
    if (weight) t.setAttribute('font-weight', weight);
    t.textContent = content;
    return t;
  };
  const chart = svg.cloneNode(true);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(top));
  outer.append(background, ...titleLines.map((line, i) => text(line, 16 + 16 * i, 13, 'bold')),
    ...subtitleLines.map((line, i) => text(line, lastTitle + 15 + 13 * i, 10)),
    chart, ...key.map((line, i) => text(line, top + height + 18 + 15 * i, 10)));
  return { text: new XMLSerializer().serializeToString(outer), width, height: total };
}

/** A PNG (Blob) at twice its size of an SVG file ({text, width, height}: exportedSvg). */
export function pngBlob({ text, width, height }) {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const g = canvas.getContext('2d');
      g.fillStyle = 'white';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn'));
    image.src = url;
  });
}
