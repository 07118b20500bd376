import { describe, expect, it } from 'vitest';
import { DECIDE_KINDS, rowProblems, formProblems, leverLine, formLines, rowFromLine, rowsFromLines, rowsFromDraft,
  newRow, nextRow, withKind, withTeam, defaultRows, clashes, MAX_DECIDE_LEVERS } from '../src/decide-levers.js';
import { defaultDecideLevers } from '../src/decide.js';

const medway = [{ name: 'assessment', role: 'assessment', establishment: 20 },
  { name: 'longTerm', role: 'longTerm', establishment: 187.45 }];
const names = medway.map((t) => t.name);
const row = (over) => ({ kind: 'posts', team: 'longTerm', from: '0', to: '60', step: '6', options: '', ...over });

describe('a Decide row refused before anything is sent', () => {
  it('refuses what is not a number, naming the field and what was typed', () => {
    for (const typed of ['NaN', '0..5/1', '1,000', 'six', '£5', '0x10', 'Infinity', '1e', '٣']) {
      const p = rowProblems(row({ from: typed }), names);
      expect(p.from, typed).toMatch(/^From must be a number/);
      expect(p.from).toContain(`"${typed}"`);
    }
    expect(rowProblems(row({ step: 'x' }), names).step).toMatch(/^Step must be a number/);
    expect(rowProblems(row({ to: '1/2' }), names).to).toMatch(/^To must be a number/);
  });

  it('refuses blank fields as required', () => {
    const p = rowProblems(row({ from: '', to: '  ', step: '' }), names);
    expect(p).toEqual({ from: 'From is required: a number.', to: 'To is required: a number.', step: 'Step is required: a number.' });
  });

  it('refuses a number too large to be one, and 10,000 characters without repeating them', () => {
    expect(rowProblems(row({ to: '1e999' }), names).to).toBe('To is too large; was "1e999".');
    const long = '9'.repeat(10_000);
    const p = rowProblems(row({ to: long }), names);
    expect(p.to).toMatch(/^To must be a number/);
    expect(p.to.length).toBeLessThan(100);
    expect(rowProblems(row({ from: 'x'.repeat(10_000) }), names).from.length).toBeLessThan(100);
  });

  it('refuses a step of 0 or less', () => {
    expect(rowProblems(row({ step: '0' }), names).step).toMatch(/^Step must be more than 0/);
    expect(rowProblems(row({ step: '-0' }), names).step).toMatch(/^Step must be more than 0/);
    expect(rowProblems(row({ step: '-2' }), names).step).toMatch(/^Step must be more than 0/);
  });

  it('refuses a range strongest first, one value, or of more than 1,000 values', () => {
    expect(rowProblems(row({ from: '60', to: '0' }), names).from).toMatch(/^From must be below To/);
    // the values swapped are offered, not said as if typed (a trial had read "here From 0, To 60" as a restatement)
    expect(rowProblems(row({ from: '60', to: '0' }), names).from).toMatch(/; try From 0, To 60\.$/);
    expect(rowProblems(row({ kind: 'campaign', team: '', from: '3', to: '1' }), names).from).toMatch(/^From must be below To/);
    expect(rowProblems(row({ kind: 'retention', team: '', from: '0.8', to: '1', step: '0.05' }), names).from)
      .toMatch(/^From must be above To/);
    expect(rowProblems(row({ from: '6', to: '6' }), names).to).toMatch(/^To must differ from From/);
    expect(rowProblems(row({ from: '-0', to: '0' }), names).to).toMatch(/^To must differ from From/);
    expect(rowProblems(row({ from: '0', to: '1e300', step: '1' }), names).step).toMatch(/more than 1,000 values/);
    expect(rowProblems(row({ from: '-1e300', to: '1e300', step: '1e-300' }), names).step).toMatch(/more than 1,000 values/);
  });

  it('refuses a fraction where the kind runs whole numbers, and a team the baseline has not', () => {
    expect(rowProblems(row({ kind: 'caseloadCap', from: '25', to: '18.5', step: '1' }), names).to).toMatch(/whole number/);
    expect(rowProblems(row({ team: 'east' }), names).team).toBe('Team: the baseline has no team east; choose one.');
    expect(rowProblems(row({ team: '' }), names).team).toBe('Team: choose the team.');
    expect(rowProblems(row({ kind: 'toString' }), names)).toEqual({ kind: 'Lever: choose what to search.' });
    expect(rowProblems(row({ kind: '__proto__' }), names)).toEqual({ kind: 'Lever: choose what to search.' });
  });

  it('takes either way round where the targets decide, and "-0" as 0', () => {
    expect(rowProblems(row({ kind: 'agencyCap', team: '', from: '60', to: '0', step: '10' }), names)).toEqual({});
    expect(rowProblems(row({ kind: 'caseloadCap', from: '25', to: '18', step: '1' }), names)).toEqual({});
    expect(rowProblems(row({ from: '-0' }), names)).toEqual({});
    expect(leverLine(row({ from: '-0', to: '6.0', step: '+2' }))).toBe('posts:longTerm=0..6/2');
  });

  it('lists the rows at fault by position', () => {
    expect(formProblems([row(), row({ step: '0' }), row({ team: 'x' })], names).map((r) => r.index)).toEqual([1, 2]);
    expect(formProblems([row()], names)).toEqual([]);
  });
});

describe('Decide rows and the lines goal-seek takes', () => {
  it('write every kind as goal-seek reads it, a team only where the kind takes one', () => {
    expect(formLines([row(), newRow('campaign', medway), row({ kind: 'retention', team: 'longTerm', from: '1', to: '0.8', step: '0.05' })]))
      .toEqual(['posts:longTerm=0..60/6', 'campaign=1..3/1', 'retention=1..0.8/0.05']);
    for (const kind of Object.keys(DECIDE_KINDS)) {
      const r = newRow(kind, medway);
      expect(rowProblems(r, names), kind).toEqual({});
      expect(rowFromLine(leverLine(r)), kind).toEqual(r);
    }
    expect(Object.keys(DECIDE_KINDS)).toEqual(['posts', 'campaign', 'campaignMonths', 'retention', 'agencyCover', 'agencyCap', 'caseloadCap', 'nqCohort']);
  });

  it('read lines back, the step left out as 1 and options kept as written', () => {
    expect(rowFromLine('caseloadCap:longTerm=22..12/2, hardLimit=12')).toEqual(
      { kind: 'caseloadCap', team: 'longTerm', from: '22', to: '12', step: '2', options: 'hardLimit=12' });
    expect(leverLine(rowFromLine('caseloadCap:longTerm=22..12/2, hardLimit=12'))).toBe('caseloadCap:longTerm=22..12/2,hardLimit=12');
    expect(rowFromLine('campaign=1..3')).toMatchObject({ kind: 'campaign', step: '1', options: '' });
    expect(rowFromLine('foo=1..3')).toBeNull();
    expect(rowFromLine('posts:longTerm 0 to 6')).toBeNull();
    expect(rowsFromLines(['campaign=1..3/1', 'nonsense', 42, null])).toHaveLength(1);
    expect(rowsFromLines('campaign=1..3/1')).toEqual([]);
  });

  it('start from the defaults as before: posts sized to the long-term team, a campaign', () => {
    expect(formLines(defaultRows(medway))).toEqual(['posts:longTerm=0..60/6', 'campaign=1..3/1']);
    expect(defaultDecideLevers(medway)).toBe('posts:longTerm=0..60/6\ncampaign=1..3/1');
    expect(formLines(defaultRows([]))).toEqual(['campaign=1..3/1']);
  });

  it('add the next kind not searched, and change a kind to its own range', () => {
    const rows = defaultRows(medway);
    expect(nextRow(rows, medway).kind).toBe('campaignMonths');
    expect(nextRow([], medway).kind).toBe('posts');
    expect(withKind(row({ team: 'assessment' }), 'retention', medway)).toEqual(
      { kind: 'retention', team: '', from: '1', to: '0.8', step: '0.05', options: '' });
    expect(withKind(row({ team: 'assessment' }), 'caseloadCap', medway).team).toBe('assessment');
    expect(withKind(row({ kind: 'campaign', team: '' }), 'posts', medway).team).toBe('longTerm');
  });

  it('follow the team with a posts range not typed over', () => {
    const moved = withTeam(row(), 'assessment', medway);
    expect(leverLine(moved)).toBe('posts:assessment=0..6/1');
    expect(leverLine(withTeam(row({ to: '30', step: '3' }), 'assessment', medway))).toBe('posts:assessment=0..30/3');
  });

  it('come back from a draft only in their own shape', () => {
    expect(rowsFromDraft('posts')).toBeNull();
    expect(rowsFromDraft([null, 3, { kind: 'foo' }, { kind: 'campaign', from: 1, to: '3', step: {}, team: [] }]))
      .toEqual([{ kind: 'campaign', team: '', from: '', to: '3', step: '', options: '' }]);
    expect(rowsFromDraft(Array(20).fill(row()))).toHaveLength(MAX_DECIDE_LEVERS);
  });
});

describe('rows goal-seek would refuse as repeats (LeverParser.requireDistinct)', () => {
  it('are refused at the later row, naming the earlier', () => {
    const cover = row({ kind: 'agencyCover', team: '', from: '0.5', to: '1', step: '0.1' });
    const cap = row({ kind: 'agencyCap', team: '', from: '0', to: '60', step: '10' });
    const problems = formProblems([row(), cover, cap], names);
    expect(problems.map((r) => r.index)).toEqual([2]);
    expect(problems[0].problems.kind).toMatch(/^Lever: sets what row 2 sets \(agencyCover\)/);
    // posts on one team twice from one month, a caseload cap of one team, the cohort: refused
    expect(clashes(row(), row({ from: '5' }))).toBe(true);
    expect(clashes(row({ options: 'start=7' }), row())).toBe(false); // from another month: they add up
    expect(clashes(row({ team: 'assessment' }), row())).toBe(false);
    const capOf = (team, options = '') => row({ kind: 'caseloadCap', team, from: '25', to: '18', step: '1', options });
    expect(clashes(capOf('longTerm', 'start=7'), capOf('longTerm'))).toBe(true);
    expect(clashes(capOf('assessment'), capOf('longTerm'))).toBe(false);
    const cohort = row({ kind: 'nqCohort', team: '', from: '0', to: '20', step: '5' });
    expect(clashes({ ...cohort, options: 'start=3' }, cohort)).toBe(true);
  });

  it('are never what Add gives: it skips a kind that would repeat, and offers none when every one would', () => {
    // from the defaults, four clicks had given agencyCover and then agencyCap, refused together
    let rows = defaultRows(medway);
    while (nextRow(rows, medway)) rows = [...rows, nextRow(rows, medway)];
    expect(formProblems(rows, names)).toEqual([]);
    expect(rows.map((r) => r.kind)).toEqual(['posts', 'campaign', 'campaignMonths', 'retention', 'agencyCover',
      'caseloadCap', 'nqCohort', 'posts', 'caseloadCap']);
    expect([rows[7].team, rows[8].team]).toEqual(['assessment', 'assessment']);
  });

  it('accept a team of any name but one with "="', () => {
    const teams = ['Long term', 'Équipe Nord', 'a=b'];
    expect(rowProblems(row({ team: 'Long term' }), teams)).toEqual({});
    expect(rowFromLine('posts:Long term=0..12/2')).toMatchObject({ kind: 'posts', team: 'Long term', to: '12' });
    expect(rowFromLine(leverLine(row({ team: 'Équipe Nord' }))).team).toBe('Équipe Nord');
    expect(rowProblems(row({ team: 'a=b' }), teams).team).toMatch(/cannot name a team with "="/);
  });
});

describe('a posts range larger than its team is warned of', () => {
  it('warns where To adds more posts than the team has funded, and only there', async () => {
    const { rowWarning } = await import('../src/decide-levers.js');
    const teams = [{ name: 'longTerm', role: 'longTerm', establishment: 66 }, { name: 'assessment', role: 'assessment', establishment: 40 }];
    const row = (team, to, kind = 'posts') => ({ kind, team, from: '0', to, step: '15', options: '' });
    expect(rowWarning(row('longTerm', '150'), teams)).toBe('To 150 is more posts than the team\'s 66 funded'
      + ' (more than doubling it; this team\'s range would start as 0..20/2): check it.');
    expect(rowWarning(row('longTerm', '66'), teams)).toBe('');
    expect(rowWarning(row('assessment', '41'), teams)).toContain('team\'s 40 funded');
    expect(rowWarning(row('longTerm', 'x'), teams)).toBe('');
    expect(rowWarning(row('longTerm', ''), teams)).toBe('');
    expect(rowWarning(row('elsewhere', '500'), teams)).toBe('');
    expect(rowWarning({ ...row('', '3', 'campaign'), from: '1' }, teams)).toBe('');
  });
  it('warns of a campaign from a multiplier under 1 and a retention payment from one over 1', async () => {
    const { rowWarning } = await import('../src/decide-levers.js');
    const of = (kind, from, to) => ({ kind, team: '', from, to, step: '0.5', options: '' });
    expect(rowWarning(of('campaign', '0', '3'))).toBe('From 0 is below 1, so the campaign would slow recruitment at the weak end of the range: check it.');
    expect(rowWarning(of('campaign', '1', '3'))).toBe('');
    expect(rowWarning(of('retention', '1.2', '0.8'))).toBe('From 1.2 is above 1, so the payment would add leavers at the weak end of the range: check it.');
    expect(rowWarning(of('retention', '1', '0.8'))).toBe('');
    expect(rowWarning(of('campaign', '', '3'))).toBe('');
  });
});
