// The levers a planner can add, with the guidance of docs/levers.md: unit, typical range,
// one line of help. Building interventions from what was typed is pure and unit-tested.
import { typedNumber, typedMoney, number, money, counted } from './format.js';

/** The team of `scenario` named `name`, or undefined. */
function teamOf(scenario, name) {
  return scenario?.teams?.find((t) => t.name === name);
}

/** A share to three decimals, as typed (0.0773 of Medway's referrals: 0.077); undefined if none. */
function roundShare(x) {
  return typeof x === 'number' ? Math.round(x * 1000) / 1000 : undefined;
}

/** A number to one decimal at most, as a hint writes it: 16.2, 57. */
function round1(x) {
  // thousands separated, as the baseline's facts write them (England's "4009.2 funded posts"
  // had stood under facts of "4,009.2")
  return number(Math.round(10 * x) / 10, 1);
}

/**
 * A field's typical range as its hint says it, with this council's own figures where the
 * range is relative to them (a trial read "0 up to today's agency FTE" without today's):
 * "typical: 0 up to today's agency FTE; here today's is 35".
 */
export function typicalHint(field, scenario, values = {}) {
  if (!field.typical) return '';
  const here = field.here?.(scenario, values);
  return `typical: ${field.typical}${here ? `; ${here}` : ''}`;
}

/** This council's permanent staff in post, or null. */
function staffInPost(sc) {
  const staff = (sc?.teams ?? []).reduce((a, t) => a + (t.permanent ?? []).reduce((b, c) => b + (c.count ?? 0), 0), 0);
  return staff || null;
}

/** The permanent cost of a post a year where a scenario does not say (docs/model.md). */
const PERMANENT_COST = 55_000;

/**
 * Money as a planner would set it: to the largest step of £10k, £50k, £100k, £500k, £1m, ...
 * that is at most a tenth of it (so within 5% from £100,000), £10k at least, and never under one
 * step: £44,418 is £40,000, £515,483 £500,000, £11.0m £11,000,000, £2,000 £10,000.
 */
function roundMoney(x) {
  const tenth = x / 10;
  const power = 10 ** Math.floor(Math.log10(tenth));
  const step = Math.max(10_000, tenth >= 5 * power ? 5 * power : power);
  return Math.max(step, Math.round(x / step) * step);
}

/**
 * The levers whose size is the council's, in its own figures (its calibrated or preset
 * scenario, and the team chosen): posts, funding and a newly qualified cohort, each {low,
 * high} (the typical range), `far` (past which a value is warned of, farWarning) and `value`
 * (a new lever's default), or null where the scenario lacks the figure (the field's fixed
 * value then). Posts: 2-10% of the team's funded posts, a new lever 5% of them, whole and at
 * least 1 (a fixed 8 had been half of Medway's assessment team); warned past half of them, and
 * never under 10. Funding: those posts at the scenario's permanent cost, the default rounded
 * (roundMoney). A cohort: 0-10% of the council's permanent staff in post a year, a new lever
 * 5%, whole and at least 1; warned past 30%, and never under 15.
 */
export function leverFit(scenario, teamName) {
  const team = scenario?.teams?.find((t) => t.name === teamName);
  const e = team?.establishment;
  const cost = scenario?.parameters?.funding?.permanentCostPerYear ?? PERMANENT_COST;
  const staff = staffInPost(scenario);
  const posts = e > 0 ? { team: team.name, establishment: e, low: 0.02 * e, high: 0.1 * e,
    far: Math.max(0.5 * e, 10), value: Math.max(1, Math.round(0.05 * e)) } : null;
  return {
    posts,
    funding: posts && { team: posts.team, establishment: e, cost, low: posts.low * cost, high: posts.high * cost,
      far: posts.far * cost, value: roundMoney(0.05 * e * cost) },
    nqCohort: staff && { staff, low: 0, high: 0.1 * staff, far: Math.max(0.3 * staff, 15),
      value: Math.max(1, Math.round(0.05 * staff)) },
  };
}

/**
 * Where a multiplier typed works against the lever (a campaign's fill multiplier under 1 slows
 * recruitment; a retention payment's turnover multiplier over 1 makes staff leave more, both
 * at a cost): said, as a trial's 0.5 and 1.2 had run without a word. '' otherwise.
 */
function wrongWay(field, x, raw) {
  const w = field.wrongWay;
  if (!w || !((w.above !== undefined && x > w.above) || (w.below !== undefined && x < w.below))) return '';
  return `${String(raw).trim()} ${w.says}: check it.`;
}

/**
 * A warning when what was typed is far outside a field's typical range (its `far`: the
 * bounds beyond which a value is more likely a slip than a plan, a few times the typical
 * range), or '' ('' too for what is not a number: the API names those). A fraction typed as
 * a percentage (8 for 8% a year) is the slip a trial made; the warning says how to write it.
 * It does not stop a run: a planner may mean it.
 */
export function farWarning(field, raw, scenario, values = {}) {
  if (!field.far) return '';
  const x = typedValue(field, raw);
  if (!Number.isFinite(x)) return '';
  const { below, above } = field.far(scenario, values);
  const within = (v) => (below === undefined || v >= below) && (above === undefined || v <= above);
  if (within(x)) return wrongWay(field, x, raw);
  // a percentage typed for a fraction: said so where the fraction it meant is in range
  const percent = field.fraction && Math.abs(x) >= 1 && within(x / 100)
    ? ` A fraction: ${x}% is ${Number((x / 100).toPrecision(12))}.` : '';
  // the range itself is the hint just above, in the council's figures where it has them
  return `${String(raw).trim()} is far ${x > (above ?? Infinity) ? 'above' : 'below'} the typical range: check it.${percent}`;
}

/**
 * Each field: name (the API's), label, unit, typical range (and `here`, that range in the
 * council's own figures; `far`, the bounds past which a value is warned of, farWarning;
 * `fraction`, a share or rate a percentage could be typed for), kind: 'number' | 'team' |
 * 'optionalTeam' (blank: every team, the field left out) | 'optionalNumber' (blank sends
 * null, or with `leaveOutBlank` leaves the field out for the API's default), and a
 * default: `fit`, the council's own from leverFit, else the fixed `value`.
 */
export const LEVERS = {
  referralGrowth: {
    label: 'Referral growth',
    help: 'Referrals grow by this fraction a year while active (0.03, or 3% typed with its sign, is 3% a year).',
    fields: [{ name: 'annualGrowth', label: 'Annual growth', unit: 'fraction a year', typical: '-0.05 to 0.10', value: 0.03,
      fraction: true, far: () => ({ below: -0.25, above: 0.3 }) }],
  },
  referralShock: {
    label: 'Referral shock',
    help: 'A surge: the referral mean is multiplied while active (e.g. 1.15 for 6 months). Needs an end month.',
    endRequired: true,
    fields: [{ name: 'multiplier', label: 'Multiplier', unit: 'times the referral mean', typical: '1.1 to 1.3 for 3-12 months', value: 1.15,
      far: () => ({ below: 0.5, above: 3 }) }],
  },
  posts: {
    label: 'Posts',
    help: 'Funded posts added to a team (negative removes them). New posts start vacant: recruitment fills them '
      + 'over months, and agency workers cover them meanwhile only as far as the agency policy\'s cover share (and any cap) allows. '
      + 'Posts alone do not clear a backlog at once.',
    fields: [
      { name: 'team', label: 'Team', kind: 'team' },
      { name: 'fte', label: 'Posts', unit: 'FTE', typical: "2-10% of the team's establishment", value: 8,
        fit: (fit) => fit.posts?.value,
        here: (sc, values) => {
          const p = leverFit(sc, values.team).posts;
          return p ? `for ${p.team}'s ${counted(round1(p.establishment), 'funded post')}, ${round1(p.low)} to ${round1(p.high)}` : null;
        },
        // never under 10 (a small team's default of 8 had been warned of before anything was typed)
        far: (sc, values) => {
          const p = leverFit(sc, values.team).posts;
          return p ? { below: -p.far, above: p.far } : {};
        } },
    ],
  },
  funding: {
    label: 'Funding',
    help: 'Money a year for a team, turned into posts at the permanent cost of its start month (£1m is about 18 posts). '
      + 'The posts start vacant, and agency workers covering them cost more than permanent staff (£82,500 a year against '
      + '£55,000 by default), so until they are filled the plan can cost more than the money: £500,000 on Medway\'s '
      + 'long-term team costs about £670k in its first year.',
    fields: [
      { name: 'team', label: 'Team', kind: 'team' },
      { name: 'poundsPerYear', label: 'Funding', unit: '£ a year', typical: "the cost of 2-10% of the team's establishment",
        value: 1000000, fit: (fit) => fit.funding?.value,
        here: (sc, values) => {
          const f = leverFit(sc, values.team).funding;
          return f ? `for ${f.team}'s ${counted(round1(f.establishment), 'funded post')} at ${money(f.cost)} a year,`
            + ` ${money(f.low)} to ${money(f.high)}` : null;
        },
        far: (sc, values) => {
          const f = leverFit(sc, values.team).funding;
          return f ? { below: -f.far, above: f.far } : { below: -20_000_000, above: 20_000_000 };
        } },
    ],
  },
  recruitmentCampaign: {
    label: 'Recruitment campaign',
    help: 'Multiplies the monthly chance of filling a vacancy, at a monthly cost. Needs an end month.',
    endRequired: true,
    fields: [
      { name: 'team', label: 'Team', kind: 'optionalTeam' },
      { name: 'fillMultiplier', label: 'Fill multiplier', unit: 'times the monthly fill probability', typical: '1.5 to 3', value: 2,
        far: () => ({ below: 0.5, above: 10 }),
        wrongWay: { below: 1, says: 'is below 1, so the campaign would slow recruitment (2 doubles the chance of filling a vacancy)' } },
      { name: 'monthlyCost', label: 'Monthly cost', unit: "£ a month at the base date's prices, inflated as every cost: 2% a year by default", typical: '£5,000 to £20,000 (assumption)', value: 10000,
        far: () => ({ below: 0, above: 200_000 }) },
    ],
  },
  retentionPayment: {
    label: 'Retention payment',
    help: 'Multiplies the chance a permanent worker leaves; paid to every permanent worker (of the team, if one is chosen) while active.',
    fields: [
      { name: 'team', label: 'Team', kind: 'optionalTeam' },
      { name: 'turnoverMultiplier', label: 'Turnover multiplier', unit: 'times the leaving hazard', typical: '0.8 to 0.95 (assumption)', value: 0.9,
        far: () => ({ below: 0.3, above: 1.5 }),
        wrongWay: { above: 1, says: 'is above 1, so the payment would make staff leave more (0.9 cuts leaving by a tenth)' } },
      { name: 'annualCostPerHead', label: 'Cost per head', unit: "£ a year per permanent worker at the base date's prices", typical: '£1,000 to £5,000 (assumption)', value: 2000,
        far: () => ({ below: 0, above: 20_000 }) },
    ],
  },
  agencyPolicy: {
    label: 'Agency policy',
    help: 'The share of vacancies covered by agency workers, their cost and an optional cap (a cap is across every team: leave it blank when choosing a team). '
      + 'Agency workers the council has beyond its vacancies (covering absence or extra work: more agency FTE than vacancies'
      + ' in the baseline\'s line above; Medway 2019 had 26.9 FTE of them) stay '
      + 'with a cover share of 0; a cap of 0 ends all agency work.',
    fields: [
      { name: 'team', label: 'Team', kind: 'optionalTeam' },
      // blank by default: the scenario's own cover share, which each replication draws with
      // its uncertainty (restating the central value had fixed it, and moved Cornwall's
      // agency cost by £98k a year in a lever meant to change nothing)
      { name: 'coverShare', label: 'Cover share', unit: "fraction of vacancies; blank: the council's own", typical: '0.5 to 1.0 (England 0.69)',
        kind: 'optionalNumber', value: '', blank: "the council's own", fraction: true, far: () => ({ above: 1 }) },
      { name: 'costPerYear', label: 'Agency cost', unit: '£ a year per agency FTE', typical: '£68,750 to £84,150', value: 82500,
        far: () => ({ below: 30_000, above: 250_000 }),
        current: (sc) => sc?.parameters?.funding?.agencyCostPerYear },
      { name: 'capFte', label: 'Cap', unit: 'agency FTE; blank: no cap', typical: "0 up to today's agency FTE", kind: 'optionalNumber', value: '',
        here: (sc) => (sc?.teams ? `here today's is ${round1(sc.teams.reduce((a, t) => a + (t.agencyWorkers ?? 0), 0))}` : null),
        current: (sc) => sc?.parameters?.workforce?.agencyCapFte },
    ],
  },
  caseloadCap: {
    label: 'Caseload cap',
    help: "A team's policy cap on cases per worker; with a hard limit above it, workers may be given cases over the cap, up to the hard limit, while cases wait.",
    fields: [
      { name: 'team', label: 'Team', kind: 'team' },
      // starts at the team's own cap and says it (20 had been below Birmingham's assessment
      // team's 23, with a hint for long-term teams: a planner's trial)
      { name: 'cap', label: 'Cap', unit: 'cases per worker', typical: '18-25 for long-term teams, higher for assessment', value: 20,
        far: () => ({ below: 5, above: 45 }), followsTeam: true,
        current: (sc, values) => teamOf(sc, values?.team)?.caseloadCap,
        here: (sc, values) => {
          const cap = teamOf(sc, values?.team)?.caseloadCap;
          return typeof cap === 'number' ? `here the team's own is ${cap}` : null;
        } },
      // blank by default: the cap, so no worker is given cases over it (a hard limit of 35 had
      // let allocation go on over a cap of 18 while cases waited, and the lever changed
      // nothing: a planner's trial)
      // so even at the team's own cap the lever holds workers to it, where the team's own hard
      // limit let them over it: said beside the field (a review)
      { name: 'hardLimit', label: 'Hard limit', unit: 'cases per worker when cases wait; blank: the cap', typical: 'the cap, up to 35-40',
        kind: 'optionalNumber', value: '', blank: 'the cap', leaveOutBlank: true, far: () => ({ below: 10, above: 70 }),
        here: (sc, values) => {
          const limit = teamOf(sc, values?.team)?.hardLimit;
          return typeof limit === 'number' ? `here the team's own is ${limit}: blank holds every worker to the cap` : null;
        } },
    ],
  },
  nqCohort: {
    label: 'Newly qualified cohort',
    help: 'Newly qualified workers a year, arriving September to November with a protected caseload.',
    fields: [{ name: 'cohortPerYear', label: 'Cohort', unit: 'FTE a year', typical: '0-10% of staff in post', value: 10,
      fit: (fit) => fit.nqCohort?.value,
      here: (sc) => {
        const c = leverFit(sc).nqCohort;
        return c ? `here ${round1(c.low)} to ${round1(c.high)} of ${round1(c.staff)} in post` : null;
      },
      far: (sc) => {
        const c = leverFit(sc).nqCohort;
        return c ? { below: 0, above: c.far } : {};
      } }],
  },
  frontDoor: {
    label: 'Front-door threshold',
    help: 'The share of referrals ending in no further action.',
    // starts at the council's own share and says it (a default of 0.1 had quadrupled
    // Birmingham's 0.024 unsaid: a planner's trial)
    fields: [{ name: 'nfaShare', label: 'No further action share', unit: 'fraction of referrals', typical: '0.06 to 0.10 (0.51 seen)', value: 0.1,
      fraction: true, far: () => ({ above: 0.6 }),
      current: (sc) => roundShare(sc?.parameters?.demand?.nfaShare),
      here: (sc) => (typeof sc?.parameters?.demand?.nfaShare === 'number'
        ? `here today's is ${roundShare(sc.parameters.demand.nfaShare)}` : null) }],
  },
};

/**
 * A new lever as the form holds it: every value a string, as typed (startingValue), a team
 * field on the first of `teams`.
 */
export function newLever(type, teams = [], scenario = null) {
  const def = LEVERS[type];
  if (!def) throw new Error(`unknown lever ${type}`);
  const values = { startMonth: '1', endMonth: def.endRequired ? '12' : '' };
  for (const f of def.fields) values[f.name] = f.kind === 'team' ? (teams[0] ?? '') : startingValue(f, scenario, values);
  return { type, values, inBaseline: false };
}

/**
 * A field's value in a new lever, as a string, with the lever's `values` so far (its team): a
 * field that sets what the scenario already has (`current`: the agency policy's cost and cap,
 * a caseload cap, the front door's share) starts from the scenario's value where it has one,
 * so adding the lever changes little until typed over (a caseload cap at the team's own still
 * holds workers to it, its hard limit blank: the cap, said beside that field); one whose size
 * is the council's (`fit`) from leverFit; else its fixed value.
 */
export function startingValue(f, scenario, values = {}) {
  const now = f.current && scenario ? f.current(scenario, values) : undefined;
  if (now === null && f.kind === 'optionalNumber') return '';
  return String(now ?? f.fit?.(leverFit(scenario, values.team)) ?? f.value ?? '');
}

/**
 * Takes field `name` off the teams a lever names that its baseline has not (`lever.stranded`,
 * start.js's strandLevers); with none left the lever has no `stranded`.
 */
export function unstrand(lever, name) {
  if (!lever.stranded) return;
  delete lever.stranded[name];
  if (!Object.keys(lever.stranded).length) delete lever.stranded;
}

/**
 * A lever's team field (`name`) set to `team`; a value sized to the team (`fit`: posts,
 * funding) or the team's own (`followsTeam`: a caseload cap) that is still the old team's
 * default becomes the new team's (1 post on Medway's assessment team, 9 on its long-term; a
 * cap of 26, 23), one typed over is kept. The names of the fields changed.
 */
export function chooseTeam(lever, name, team, scenario) {
  const before = { ...lever.values };
  lever.values[name] = team;
  const changed = [];
  for (const f of LEVERS[lever.type].fields) {
    if ((f.fit || f.followsTeam) && before[f.name] === startingValue(f, scenario, before)) {
      lever.values[f.name] = startingValue(f, scenario, lever.values);
      changed.push(f.name);
    }
  }
  return changed;
}

/**
 * The levers that are assumptions (in the baseline too, such as referral growth a planner
 * expects whatever is done), and those of the plan, in the order added.
 */
export function assumptionLevers(levers) {
  return levers.filter((l) => l.inBaseline);
}

export function planLevers(levers) {
  return levers.filter((l) => !l.inBaseline);
}

/**
 * Which of `levers` (the form's, in order) a problem's field path names, and which field:
 * `variants[0].interventions[2].fte` is the third plan lever's, `baseline.interventions[0]`
 * (or a run's `interventions[0]`) the first assumption's; null where it names none.
 */
export function leverAt(path, levers) {
  const named = leverField(path);
  if (!named) return null;
  const inPlan = /^variants\[\d+]\./.test(path ?? '');
  const list = levers.map((l, index) => ({ l, index })).filter(({ l }) => Boolean(l.inBaseline) !== inPlan);
  const found = list[named.index];
  return found ? { index: found.index, field: named.field } : null;
}

/**
 * The intervention the API takes for a lever as typed. What cannot be read as a number is
 * sent as typed, so the API's message about it is shown next to the field.
 */
export function intervention(lever) {
  const def = LEVERS[lever.type];
  const out = { type: lever.type };
  out.startMonth = typedNumber(lever.values.startMonth);
  const end = typedNumber(lever.values.endMonth ?? '');
  if (end !== null) out.endMonth = end;
  for (const f of def.fields) {
    const raw = lever.values[f.name] ?? '';
    if (f.kind === 'team') out[f.name] = raw;
    else if (f.kind === 'optionalTeam') {
      if (raw !== '') out[f.name] = raw;
    }
    else if (f.kind === 'optionalNumber') {
      const value = typedValue(f, raw);
      if (!(value === null && f.leaveOutBlank)) out[f.name] = value;
    }
    else out[f.name] = typedValue(f, raw) ?? '';
  }
  return out;
}

/** Which lever and field a problem's field path names: variants[0].interventions[2].fte. */
export function leverField(path) {
  const m = /interventions\[(\d+)]\.?([A-Za-z]+)?$/.exec(path ?? '');
  return m ? { index: Number(m[1]), field: m[2] ?? null } : null;
}

/** The lever as the form holds it, from an intervention (reopening a saved scenario). */
export function leverFromIntervention(i) {
  const def = LEVERS[i.type];
  if (!def) return null;
  const values = {
    startMonth: String(i.startMonth ?? 1),
    endMonth: i.endMonth === null || i.endMonth === undefined ? '' : String(i.endMonth),
  };
  for (const f of def.fields) values[f.name] = i[f.name] === null || i[f.name] === undefined ? '' : String(i[f.name]);
  return { type: i.type, values, inBaseline: false };
}

/**
 * A field's value as a planner reads it: money in pounds with thousands separated (£10,000;
 * the printed summary had "monthly cost 10000"), a fraction as a percentage, anything else as
 * typed.
 */
function shown(field, value) {
  const n = typedValue(field, value);
  const number = String(value).trim() !== '' && typeof n === 'number' && Number.isFinite(n);
  if (number && isMoney(field)) return `${n < 0 ? '-' : ''}£${Math.abs(n).toLocaleString('en-GB')}`;
  // a fraction as a percentage however it was typed or stored: "6%" typed had read "0.06"
  // once saved and reopened, on the same paper (a trial)
  if (number && field.fraction) return `${Number((n * 100).toPrecision(12))}%`;
  return value;
}

/** Whether a lever's field is money (its unit in pounds): typed as "£2m", "450k" too. */
function isMoney(field) {
  return (field.unit ?? '').startsWith('£');
}

/**
 * A field's value as typed, read as the API takes it (typedNumber; money as typedMoney; a
 * fraction typed as a percentage, "8%", as 0.08, as a target's rate and Decide's probability
 * are: a front door's "10%" had been refused as 'must be a number, was the string "10%"').
 */
function typedValue(field, raw) {
  if (isMoney(field)) return typedMoney(raw);
  const percent = field.fraction && /^\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/.exec(String(raw ?? ''));
  return percent ? Number((Number(percent[1]) / 100).toPrecision(12)) : typedNumber(raw);
}

/** One line describing a lever for the printed summary. */
export function describe(lever) {
  const def = LEVERS[lever.type];
  const v = lever.values;
  const parts = def.fields.map((f) => `${f.label.toLowerCase()} ${v[f.name] === '' ? (f.blank ?? (f.kind === 'optionalTeam' ? 'every team' : 'none')) : shown(f, v[f.name])}`);
  const when = v.endMonth ? `months ${v.startMonth}-${v.endMonth}` : `from month ${v.startMonth}`;
  return `${def.label}: ${parts.join(', ')}, ${when}`;
}
