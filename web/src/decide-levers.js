// The levers Decide searches, as a form: one row a lever ({kind, team, from, to, step,
// options}, every value a string as typed), read from and written to the lines goal-seek and
// the API take ("posts:longTerm=0..60/6", docs/decide.md). Planners are not command-line
// users: the form asks for the kind, team and range, checks them at the row, and only a form
// without a problem becomes the request's lines. Pure (no window), so Vitest can import it.
import { LEVERS } from './levers.js';

/** The unit of a plan lever's field (levers.js), without its note on leaving it blank. */
function unitOf(type, field) {
  return LEVERS[type].fields.find((f) => f.name === field).unit.split(';')[0];
}

/**
 * Every kind goal-seek takes (LeverParser), in its order: the label and unit (the plan's
 * levers' own, levers.js), whether it names a team, which way is stronger (`higher`, `lower`,
 * or `either`: the targets decide, so the first value is taken as the weakest), whether its
 * values are whole (cases, months), and its range to start from (the command's examples).
 */
export const DECIDE_KINDS = {
  posts: { label: 'Posts added to a team', unit: unitOf('posts', 'fte'), team: true, stronger: 'higher', range: ['0', '60', '6'] },
  // each costed lever's price in its name, as goal-seek costs it (docs/decide.md): a planner
  // had found the £10,000 a month and £2,000 a head nowhere on the page
  campaign: { label: 'Recruitment campaign (12 months, £10,000 a month): fill multiplier', unit: unitOf('recruitmentCampaign', 'fillMultiplier'), stronger: 'higher', range: ['1', '3', '1'] },
  campaignMonths: { label: 'Recruitment campaign (x2, £10,000 a month): length', unit: 'months', stronger: 'higher', whole: true, range: ['0', '24', '6'] },
  retention: { label: 'Retention payment (£2,000 a head a year): turnover multiplier', unit: unitOf('retentionPayment', 'turnoverMultiplier'), stronger: 'lower', range: ['1', '0.8', '0.05'] },
  agencyCover: { label: 'Agency policy: cover share', unit: unitOf('agencyPolicy', 'coverShare'), stronger: 'either', range: ['0.5', '1', '0.1'] },
  agencyCap: { label: 'Agency policy: cap', unit: unitOf('agencyPolicy', 'capFte'), stronger: 'either', range: ['0', '60', '10'] },
  caseloadCap: { label: 'Caseload cap', unit: unitOf('caseloadCap', 'cap'), team: true, stronger: 'either', whole: true, range: ['25', '18', '1'] },
  nqCohort: { label: 'Newly qualified cohort', unit: unitOf('nqCohort', 'cohortPerYear'), stronger: 'higher', range: ['0', '20', '5'] },
};

/** A kind the form knows, or undefined ("toString" and "__proto__" are no kinds, though objects have them). */
export function kindOf(kind) {
  return typeof kind === 'string' && Object.hasOwn(DECIDE_KINDS, kind) ? DECIDE_KINDS[kind] : undefined;
}

/** The most levers a goal-seek takes (the API's `levers`, 1 to 10). */
export const MAX_DECIDE_LEVERS = 10;

/** The row's fields as a planner reads their names in a problem. */
const FIELD_NAMES = { kind: 'Lever', team: 'Team', from: 'From', to: 'To', step: 'Step' };

/** Which way the range runs, said under the row. */
export function directionHint(kind) {
  const k = kindOf(kind);
  if (!k) return '';
  if (k.stronger === 'higher') return 'From the weakest value up to the strongest (a higher value is stronger).';
  if (k.stronger === 'lower') return 'From the weakest value down to the strongest (fewer leavers are stronger: 1 down to 0.8).';
  return 'Either way round: the first value is taken as the weakest, as the targets decide.';
}

/**
 * The team a lever starts on, of teams [{name, role, establishment}]: the first long-term
 * team, else the last (where a caseload is most often at stake), as the defaults always had.
 */
function firstTeam(teams) {
  return teams.find((t) => t.role === 'longTerm') ?? teams[teams.length - 1];
}

/**
 * A range of added posts for a team of `establishment` posts: 0 to about 30% of it (rounded
 * up to a round number, at least 2), in about ten whole steps that land on it. Medway's
 * long-term team of 187 posts gets 0..60/6, a council of 4 posts 0..2/1, England's 25,000
 * 0..8000/800: the same 0..60/6 everywhere had searched 15 times a small council's team and
 * a fraction of a percent of England's. Without an establishment, 0..60/6.
 */
export function postsRange(establishment) {
  const posts = Number(establishment);
  if (!Number.isFinite(posts) || posts <= 0) return '0..60/6';
  const want = Math.max(2, 0.3 * posts);
  const power = 10 ** Math.floor(Math.log10(want));
  const top = Math.ceil(ROUND_TOPS.map((f) => f * power).find((v) => v >= want * (1 - 1e-12)));
  let step = Math.max(1, Math.ceil(top / 10));
  while (top % step !== 0) step++; // a step that lands on the top: 0..25/5, not 0..25/3
  return `0..${top}/${step}`;
}

/**
 * A warning for a campaign row from a multiplier under 1, a retention row from one over 1, or
 * a posts row whose To adds more posts than its team has funded; else '': a range
 * kept from another baseline (Bradford's 0..150/15 searched on the Isle of Wight's long-term
 * team of 66 posts, an outside trial) or typed too large, as a plan's posts lever warns of a
 * value far above the typical range.
 */
export function rowWarning(row, teams = []) {
  // a campaign's multiplier under 1 slows recruitment, a retention payment's over 1 adds
  // leavers: searched, they cost money to make things worse (as the plan's levers warn)
  const from = Number(String(row?.from ?? '').trim());
  if (row?.kind === 'campaign' && String(row.from).trim() !== '' && from < 1) {
    return `From ${String(row.from).trim()} is below 1, so the campaign would slow recruitment at the weak end of the range: check it.`;
  }
  if (row?.kind === 'retention' && String(row.from).trim() !== '' && from > 1) {
    return `From ${String(row.from).trim()} is above 1, so the payment would add leavers at the weak end of the range: check it.`;
  }
  if (row?.kind !== 'posts') return '';
  const posts = Number(teams.find((t) => t.name === row.team)?.establishment);
  const to = Number(String(row.to ?? '').trim());
  if (!(posts > 0) || !Number.isFinite(to) || String(row.to).trim() === '' || to <= posts) return '';
  const funded = Number(posts.toPrecision(12)).toLocaleString('en-GB');
  return `To ${String(row.to).trim()} is more posts than the team's ${funded} funded (more than doubling it;`
    + ` this team's range would start as ${postsRange(posts)}): check it.`;
}

/** Round tops of a posts range, by the power of ten: 60 posts, 8,000, 2. */
const ROUND_TOPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** A new row of `kind`, on the scenario's teams: posts sized to the team (postsRange). */
export function newRow(kind, teams = []) {
  const k = DECIDE_KINDS[kind];
  const team = k.team ? firstTeam(teams) : undefined;
  const [from, to, step] = kind === 'posts' ? rangeParts(postsRange(team?.establishment)) : k.range;
  return { kind, team: team?.name ?? '', from, to, step, options: '' };
}

function rangeParts(range) {
  return /^(.*)\.\.(.*)\/(.*)$/.exec(range).slice(1);
}

/** The month a row's lever starts, as its options say (start=N), else goal-seek's 1. */
function startOf(row) {
  const m = /(?:^|,)\s*start\s*=\s*([^\s,]+)/.exec(row.options ?? '');
  return m ? Number(m[1]) : 1;
}

/**
 * Whether row `a` sets what the earlier row `b` sets, which goal-seek refuses
 * (LeverParser.requireDistinct): agency cover and cap both set the agency policy; a caseload
 * cap of one team, and the newly qualified cohort, are set once; and no lever repeats under
 * its name (kind and team) from the same start month.
 */
export function clashes(a, b) {
  const agency = (r) => r.kind === 'agencyCover' || r.kind === 'agencyCap';
  if (agency(a) && agency(b)) return true;
  const sameName = a.kind === b.kind && (!kindOf(a.kind)?.team || a.team === b.team);
  return sameName && (a.kind === 'caseloadCap' || a.kind === 'nqCohort' || startOf(a) === startOf(b));
}

/**
 * The row a planner adds next: posts where none is searched yet, else the first kind not
 * searched, else posts or a caseload cap on a team not yet searched; none (null) where every such row would
 * repeat one a goal-seek would refuse (clashes): Add had given agencyCover beside agencyCap.
 */
export function nextRow(rows, teams = []) {
  const candidates = [...Object.keys(DECIDE_KINDS).map((kind) => newRow(kind, teams)),
    ...teams.map((t) => newRow('posts', [t])), ...teams.map((t) => newRow('caseloadCap', [t]))];
  return candidates.find((c) => !rows.some((r) => clashes(c, r))) ?? null;
}

/**
 * A row's kind changed: the range becomes the new kind's own (a posts range means nothing as
 * a retention multiplier), on the row's team where the kind takes one and it is the baseline's.
 */
export function withKind(row, kind, teams = []) {
  const kept = DECIDE_KINDS[kind].team && teams.find((t) => t.name === row.team);
  return newRow(kind, kept ? [kept] : teams);
}

/**
 * A posts row's team changed: a range still the old team's default becomes the new team's
 * (as a plan's posts lever follows its team, levers.js's chooseTeam); one typed over is kept.
 */
export function withTeam(row, team, teams = []) {
  if (row.kind !== 'posts') return { ...row, team };
  const old = teams.find((t) => t.name === row.team);
  const wasDefault = `${row.from}..${row.to}/${row.step}` === postsRange(old?.establishment);
  if (!wasDefault) return { ...row, team };
  const [from, to, step] = rangeParts(postsRange(teams.find((t) => t.name === team)?.establishment));
  return { ...row, team, from, to, step };
}

/**
 * The Decide section's levers to start from, for a scenario's teams [{name, role,
 * establishment}]: posts on its first long-term team (else its last team), up to about 30%
 * of its establishment in ten steps ({@link postsRange}), and a recruitment campaign.
 */
export function defaultRows(teams = []) {
  return [...(teams.length ? [newRow('posts', teams)] : []), newRow('campaign', teams)];
}

/** A number as goal-seek reads it (sim's Numbers: ASCII digits, sign, point, exponent; no NaN, no "1,000"). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The longest number goal-seek reads (Numbers.MAX_LENGTH). */
const MAX_NUMBER_LENGTH = 40;
/** The most values a lever's range may have (Grid.MAX_VALUES). */
const MAX_VALUES = 1000;

/** What was typed, shortened for a message (10,000 characters pasted are not repeated). */
function shown(text) {
  return text.length > 24 ? `${text.slice(0, 20)}...` : text;
}

/** A number typed in a row, or a problem: {value} or {problem}. */
function readNumber(field, raw, whole) {
  const text = String(raw ?? '').trim();
  const name = FIELD_NAMES[field];
  if (text === '') return { problem: `${name} is required: a number.` };
  if (text.length > MAX_NUMBER_LENGTH || !DECIMAL.test(text)) {
    return { problem: `${name} must be a number, such as ${field === 'step' ? '1' : '6'}; was "${shown(text)}".` };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: `${name} is too large; was "${shown(text)}".` };
  if (whole && !Number.isInteger(value)) return { problem: `${name} must be a whole number; was "${shown(text)}".` };
  return { value: Object.is(value, -0) ? 0 : value };
}

/**
 * What is wrong with a row, by field ({kind, team, from, to, step}: a planner's sentence
 * each), empty where nothing is: the rules goal-seek applies to a lever's range (LeverParser,
 * Grid), checked before anything is sent. `teams` are the baseline's team names.
 */
export function rowProblems(row, teams = []) {
  const out = {};
  const k = kindOf(row?.kind);
  if (!k) return { kind: 'Lever: choose what to search.' };
  if (k.team && !teams.includes(row.team)) {
    out.team = row.team ? `Team: the baseline has no team ${shown(row.team)}; choose one.` : 'Team: choose the team.';
  } else if (k.team && row.team.includes('=')) {
    out.team = `Team: goal-seek cannot name a team with "=" in its name (${shown(row.team)}); rename the team or remove this row.`;
  }
  const n = {};
  for (const field of ['from', 'to', 'step']) {
    const read = readNumber(field, row[field], k.whole);
    if (read.problem) out[field] = read.problem;
    else n[field] = read.value;
  }
  if (!out.step && !(n.step > 0)) out.step = `Step must be more than 0; was "${shown(String(row.step).trim())}".`;
  if (out.from || out.to) return out;
  if (n.from === n.to) out.to = `To must differ from From (${row.from.trim()}): a lever must be able to move.`;
  else if (k.stronger === 'higher' && n.from > n.to) {
    // the swapped values offered as a suggestion, not read as a restatement of what was typed
    out.from = `From must be below To: a range runs from the weakest value up to the strongest; try From ${row.to.trim()}, To ${row.from.trim()}.`;
  } else if (k.stronger === 'lower' && n.from < n.to) {
    out.from = `From must be above To: the range runs from the weakest value down (fewer leavers are stronger: 1 down to 0.8).`;
  }
  if (!out.to && !out.from && !out.step && Math.abs(n.to - n.from) / n.step + 1 > MAX_VALUES) {
    out.step = `Step gives more than ${MAX_VALUES.toLocaleString('en-GB')} values from ${row.from.trim()} to ${row.to.trim()}: take a larger step.`;
  }
  return out;
}

/**
 * Problems of every row, by row ([{row, problems}] of those with any): each row's own, and a
 * row that repeats an earlier one as goal-seek would refuse it (clashes), at its Lever.
 */
export function formProblems(rows, teams = []) {
  return rows.map((row, index) => {
    const problems = rowProblems(row, teams);
    const earlier = problems.kind ? -1 : rows.slice(0, index).findIndex((b) => clashes(row, b));
    if (earlier >= 0) {
      problems.kind = `Lever: sets what row ${earlier + 1} sets (${leverName(rows[earlier])}); a goal-seek searches each`
        + ' once (agency cover and cap are one policy): change this row\'s kind or team, or remove it.';
    }
    return { index, problems };
  }).filter((r) => Object.keys(r.problems).length);
}

/** A row's lever as goal-seek names it: posts:longTerm, agencyCap. */
function leverName(row) {
  return kindOf(row.kind)?.team ? `${row.kind}:${row.team}` : row.kind;
}

/** A number as the line writes it: as goal-seek reads it where it is one ("-0" is 0), else as typed. */
function written(raw) {
  const text = String(raw ?? '').trim();
  if (!DECIMAL.test(text) || text.length > MAX_NUMBER_LENGTH) return text;
  const value = Number(text);
  return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : text;
}

/** The line goal-seek takes for a row: posts:longTerm=0..60/6, campaign=1..3/1,months=12. */
export function leverLine(row) {
  const k = kindOf(row.kind);
  const name = k?.team ? `${row.kind}:${row.team}` : row.kind;
  return `${name}=${written(row.from)}..${written(row.to)}/${written(row.step)}${row.options ? `,${row.options}` : ''}`;
}

/** The form's lines, one a row, in order: levers[i] of a request is row i. */
export function formLines(rows) {
  return rows.map(leverLine);
}

/** goal-seek's syntax (LeverParser.SYNTAX: a team any name without '='), the options kept as written. */
const LINE = /^\s*([A-Za-z]+)(?::\s*([^=]*[^\s=]))?\s*=\s*([^\s,/=.]*(?:\.(?!\.)[^\s,/=.]*)*)\s*\.\.\s*([^\s,/=.]*(?:\.(?!\.)[^\s,/=.]*)*)\s*(?:\/\s*([^\s,/=.]*(?:\.(?!\.)[^\s,/=.]*)*))?\s*((?:,\s*[A-Za-z]+\s*=\s*[^\s,=]+\s*)*)$/;

/**
 * The row of a line goal-seek takes (a saved scenario's, an older draft's), or null for one
 * that is not of a kind the form knows. The step left out is goal-seek's 1; options such as
 * `hardLimit=12` or `start=3`, which the form does not ask for, are kept as written.
 */
export function rowFromLine(line) {
  const m = LINE.exec(String(line ?? ''));
  if (!m || !kindOf(m[1])) return null;
  return { kind: m[1], team: m[2] ?? '', from: m[3], to: m[4], step: m[5] ?? '1',
    options: m[6].split(',').map((s) => s.trim()).filter(Boolean).join(',') };
}

/** The rows of lines, those of no kind the form knows left out. */
export function rowsFromLines(lines) {
  return (Array.isArray(lines) ? lines : []).map(rowFromLine).filter(Boolean);
}

/**
 * Rows kept in a draft, checked (a draft is read back from storage, perhaps of an older page
 * or edited by hand): each a known kind with string fields, at most MAX_DECIDE_LEVERS; null
 * where there were none of that shape.
 */
export function rowsFromDraft(kept) {
  if (!Array.isArray(kept)) return null;
  const text = (v) => (typeof v === 'string' ? v : '');
  return kept.filter((r) => r && kindOf(r.kind)).slice(0, MAX_DECIDE_LEVERS)
    .map((r) => ({ kind: r.kind, team: text(r.team), from: text(r.from), to: text(r.to), step: text(r.step), options: text(r.options) }));
}
