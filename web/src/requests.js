// The bodies the page sends: exactly what a script would send to the public API.
import { intervention, assumptionLevers, planLevers } from './levers.js';
import { typedNumber, kindOf } from './format.js';

/** Settings as typed: replications, months, seed (strings). Blank fields are left out. */
function settings(typed) {
  const out = {};
  for (const key of ['replications', 'months', 'seed']) {
    const v = typedNumber(typed[key]);
    if (v !== null) out[key] = v;
  }
  return out;
}

/** A source: {preset}, {scenarioId} or {scenario}, as the API takes them. */
export function sourceOf(start) {
  if (start.scenarioId) return { scenarioId: start.scenarioId };
  if (start.preset) return { preset: start.preset };
  return { scenario: start.scenario };
}

/**
 * The baseline as the API takes it: its source, with the levers that are assumptions (in the
 * baseline too: referral growth expected whatever is done) added as interventions.
 */
export function baselineOf(start, levers = []) {
  const assumed = assumptionLevers(levers);
  return { ...sourceOf(start), ...(assumed.length ? { interventions: assumed.map(intervention) } : {}) };
}

/** POST /api/v1/runs: the baseline alone (with its assumptions), with targets. */
export function runRequest(start, typed, targets = [], levers = []) {
  const body = { ...baselineOf(start, levers), ...settings(typed) };
  const t = targets.map((s) => s.trim()).filter(Boolean);
  if (t.length) body.targets = t;
  return body;
}

/**
 * POST /api/v1/comparisons: the baseline (with the assumptions) and one variant, the baseline
 * plus the plan's levers.
 */
export function comparisonRequest(start, levers, typed, targets = []) {
  const body = {
    baseline: baselineOf(start, levers),
    variants: [{ interventions: planLevers(levers).map(intervention) }],
    ...settings(typed),
  };
  const t = targets.map((s) => s.trim()).filter(Boolean);
  if (t.length) body.targets = t;
  return body;
}

/**
 * POST /api/v1/calibrations: the council, and the year as typed (a number where it reads as
 * one, else the text, for the API to name; left out when blank, which the API calls required),
 * and the Months typed where they are a horizon (a whole number from 1 to 120), so that the
 * baseline runs as long as the planner had asked (calibrating had put Months back to 36,
 * unsaid); otherwise the API's 36.
 */
export function calibrationRequest(council, year, months) {
  const body = { la: String(council ?? '').trim() };
  const y = typedNumber(year);
  if (y !== null) body.year = y;
  const m = typedNumber(months);
  if (Number.isInteger(m) && m >= 1 && m <= 120) body.months = m;
  return body;
}

/** A target as the API reads it: "caseload <= 18 at month 24". */
export function target(metric, op, value, month) {
  return `${metric} ${op} ${String(value).trim()} at month ${String(month).trim()}`;
}

/** Metrics that are fractions: a target's value may be typed as a percentage of them. */
const RATES = ['vacancyRate', 'agencyRate'];
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Thousands separated: 2,000,000 or 1,234.5. */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const SCALES = { k: 1e3, m: 1e6, bn: 1e9 };

/**
 * A target's value as the API reads it: "15%" of a rate is 0.15; money as the page writes it,
 * "£2.2m", "£450k" or "2,000,000" (a trial's "£2m" had been refused while the list showed
 * "£2,200,000"); thousands separated, "1,000", without the commas; else as typed.
 */
export function targetValue(metric, typed) {
  const text = String(typed).trim();
  const percent = /^(.+?)\s*%$/.exec(text);
  if (percent && RATES.includes(metric) && NUMBER.test(percent[1])) return String(Number(percent[1]) / 100);
  const money = /^£?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*(k|m|bn)?$/i.exec(text);
  if (money && kindOf(metric) === 'money') {
    const scale = SCALES[(money[2] ?? '').toLowerCase()] ?? 1;
    return String(Number((Number(money[1].replace(/,/g, '')) * scale).toPrecision(12)));
  }
  return GROUPED.test(text) ? text.replace(/,/g, '') : text;
}

/**
 * What is wrong with a target as typed, in a planner's words, or null: checked when it is
 * added (a value of "under 18" had been listed, and refused only at Run as "'under' is not a
 * finite number"). Its value's problem first (targetValueProblem), then its month's
 * (targetMonthProblem).
 */
export function targetProblem(metric, typedValue, typedMonth, months) {
  return targetValueProblem(metric, typedValue) ?? targetMonthProblem(typedMonth, months);
}

/** What is wrong with a target's value as typed, or null. */
export function targetValueProblem(metric, typedValue) {
  const value = targetValue(metric, typedValue);
  const typed = String(typedValue).trim();
  if (!NUMBER.test(value)) {
    return `The value must be a number, such as ${RATES.includes(metric) ? '0.15 or 15%' : '18'}; was "${typed}".`;
  }
  // every metric a target takes is a count, a caseload, staff, a rate or money: none below 0
  // (a trial's "at most -5" children waiting was listed, and met by no replication)
  if (Number(value) < 0) return `The value must be 0 or more; was "${typed}".`;
  // a number too large to be a number (1e309 had been listed, and the run then refused it)
  if (!Number.isFinite(Number(value))) return `The value is too large; was "${typed}".`;
  // a rate above 1 is a percentage typed without its sign ("12" had been listed as 1200%);
  // one typed with its sign is above 100%, which no rate is ("150%" had been answered "0.015 or
  // 150%%": the percentage read twice)
  if (RATES.includes(metric) && Number(value) > 1) {
    return /%$/.test(typed)
      ? `A rate is from 0 to 100% (a fraction from 0 to 1); was "${typed}".`
      : `A rate is a fraction or a percentage: ${Number(value) / 100} or ${typed}%; was "${typed}".`;
  }
  return null;
}

/** What is wrong with a target's month as typed, with Months as typed, or null. */
export function targetMonthProblem(typedMonth, months) {
  const month = String(typedMonth).trim();
  if (!/^[0-9]+$/.test(month) || Number(month) < 1) {
    return `The month must be a whole number from 1; was "${month}".`;
  }
  const horizon = String(months).trim();
  if (/^[0-9]+$/.test(horizon) && Number(month) > Number(horizon)) {
    return `Month ${month} is beyond the ${horizon} months to run (Months above).`;
  }
  return null;
}

/**
 * The scenario to store: the baseline's with the levers appended to its interventions, and
 * the months typed (a whole number from 1 to 120) as its horizon, so that it reopens as it was
 * run.
 */
export function scenarioToSave(base, levers, name, area, months) {
  const m = typedNumber(months);
  return {
    ...base,
    name,
    ...(Number.isInteger(m) && m >= 1 && m <= 120 ? { horizonMonths: m } : {}),
    // the council stays with the scenario whatever it is named (a scenario of before the
    // field existed gets the one its start knows)
    ...(area && !base.area ? { area } : {}),
    // the assumptions first, then the plan (assumptionPositions says which are which)
    interventions: [...(base.interventions ?? []), ...assumptionLevers(levers).map(intervention),
      ...planLevers(levers).map(intervention)],
  };
}

/**
 * The positions of the assumptions among the interventions of the scenario scenarioToSave
 * makes of `base` and `levers`: after the base's own, before the plan's.
 */
export function assumptionPositions(base, levers) {
  const first = (base.interventions ?? []).length;
  return assumptionLevers(levers).map((_, i) => first + i);
}

/**
 * What a stored scenario keeps besides the scenario: the targets, the replications and seed
 * typed where they read as whole numbers (left out otherwise, for the defaults), so that it
 * reopens as it was run (a trial's 500 and 42 had come back as 1,000 and 1), and what the
 * calibration it was made from assumed (its notes had been lost on reopening), and Decide's
 * levers and probability ({levers, probability}: the API's `decide`) where given.
 */
export function savedSettings(targets, typed, assumptions = [], calibrationNotes = [], decide = null) {
  const out = { targets: [...targets], assumptions: [...assumptions], calibrationNotes: [...calibrationNotes],
    ...(decide ? { decide } : {}) };
  for (const key of ['replications', 'seed']) {
    const v = typedNumber(typed[key] ?? '');
    if (Number.isSafeInteger(v)) out[key] = v;
  }
  return out;
}

/** Problems of an application/problem+json body, as {field, reason}. */
export function problems(body) {
  if (body && Array.isArray(body.errors) && body.errors.length) return body.errors;
  return [{ field: 'body', reason: body?.detail ?? 'the server refused the request' }];
}

/**
 * The API's reason as a planner reads it: for a field left blank (the API's "was null", or
 * "was the string """) "required", with what the API says the field must be; any other
 * reason unchanged, since it names what was typed.
 */
export function plannerReason(reason) {
  const m = /^(.*?),?\s*was (null|the string "")$/.exec(String(reason ?? ''));
  if (!m) return reason;
  return m[1] ? `required (${m[1]})` : 'required';
}
