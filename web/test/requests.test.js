import { describe, it, expect } from 'vitest';
import { runRequest, comparisonRequest, target, targetValue, targetProblem, targetValueProblem, targetMonthProblem, scenarioToSave, savedSettings, problems, assumptionPositions } from '../src/requests.js';
import { newLever, intervention, leverField, leverFromIntervention, describe as describeLever, LEVERS, leverAt, typicalHint, farWarning } from '../src/levers.js';
import { readFileSync } from 'node:fs';

const settings = { replications: '1,000', months: '24', seed: '42' };

describe('request building', () => {
  it('a run from a preset carries the settings as numbers and the targets', () => {
    expect(runRequest({ preset: 'medway-2019', scenario: {} }, settings, ['caseload <= 18 at month 12', ' ']))
      .toEqual({ preset: 'medway-2019', replications: 1000, months: 24, seed: 42, targets: ['caseload <= 18 at month 12'] });
  });
  it('a calibrated baseline is sent inline; blank settings are left to the server', () => {
    const scenario = { name: 'x' };
    expect(runRequest({ scenario }, { replications: '', months: '', seed: 'abc' }))
      .toEqual({ scenario, seed: 'abc' });
  });
  it('a comparison adds the levers to the baseline as one variant', () => {
    const lever = newLever('posts', ['assessment', 'longTerm']);
    const body = comparisonRequest({ preset: 'medway-2019' }, [lever], settings);
    expect(body).toEqual({ baseline: { preset: 'medway-2019' },
      variants: [{ interventions: [{ type: 'posts', startMonth: 1, team: 'assessment', fte: 8 }] }],
      replications: 1000, months: 24, seed: 42 });
  });
  it('what is not a number is sent as typed, so the API names the field', () => {
    const lever = newLever('recruitmentCampaign');
    lever.values.fillMultiplier = 'two';
    lever.values.monthlyCost = '£10,000';
    expect(intervention(lever)).toEqual({ type: 'recruitmentCampaign', startMonth: 1, endMonth: 12,
      fillMultiplier: 'two', monthlyCost: 10000 });
  });
  it('a blank agency cap is no cap (null)', () => {
    const lever = newLever('agencyPolicy');
    expect(intervention(lever).capFte).toBeNull();
  });
  it('a caseload cap with no hard limit leaves it out, the API taking the cap; one typed is sent', () => {
    // a hard limit of 35 filled in had let allocation go on over a cap of 18: the lever changed nothing
    const lever = newLever('caseloadCap', ['assessment', 'longTerm']);
    expect(lever.values.hardLimit).toBe('');
    lever.values.cap = '18';
    expect(intervention(lever)).toEqual({ type: 'caseloadCap', startMonth: 1, team: 'assessment', cap: 18 });
    lever.values.hardLimit = '30';
    expect(intervention(lever).hardLimit).toBe(30);
    expect(leverFromIntervention(intervention(lever)).values.hardLimit).toBe('30');
    expect(describeLever(newLever('caseloadCap', ['longTerm']))).toContain('hard limit the cap');
  });
  it('builds targets as the CLI reads them', () => {
    expect(target('caseload', '<=', ' 18 ', 24)).toBe('caseload <= 18 at month 24');
  });
  it('reads a rate target typed as a percentage as its fraction, and nothing else so', () => {
    expect(targetValue('vacancyRate', ' 15% ')).toBe('0.15');
    expect(targetValue('agencyRate', '7.5 %')).toBe('0.075');
    expect(targetValue('caseload', '15%')).toBe('15%');
    expect(targetValue('vacancyRate', '0.15')).toBe('0.15');
  });
  it('reads money as the page writes it, and thousands separated as the number', () => {
    expect(targetValue('cost', '£2m')).toBe('2000000');
    expect(targetValue('cost', '£2.2m')).toBe('2200000');
    expect(targetValue('cost', ' 450k ')).toBe('450000');
    expect(targetValue('cost', '£1.5bn')).toBe('1500000000');
    expect(targetValue('cost', '2,000,000')).toBe('2000000');
    expect(targetValue('cost', '£2,200,000.50')).toBe('2200000.5');
    expect(targetProblem('cost', '£2m', '12', '36')).toBeNull();
    // each part's problem on its own, so that the page marks the field at fault
    expect(targetValueProblem('caseload', '-5')).toBe('The value must be 0 or more; was "-5".');
    expect(targetMonthProblem('-5', '36')).toBe('The month must be a whole number from 1; was "-5".');
    expect(targetValueProblem('caseload', '18')).toBeNull();
    expect(targetMonthProblem('12', '36')).toBeNull();
    expect(targetProblem('caseload', '-5', 'x', '36')).toBe(targetValueProblem('caseload', '-5'));
    expect(targetProblem('caseload', '18', '40', '36')).toBe(targetMonthProblem('40', '36'));
    expect(targetValue('unallocatedCases', '1,000')).toBe('1000');
    // not money: a pound sign or a scale is not read, and the API's message says why
    expect(targetValue('caseload', '£5')).toBe('£5');
    expect(targetValue('caseload', '5m')).toBe('5m');
    expect(targetValue('cost', '2,00')).toBe('2,00');
  });
  it('says what is wrong with a target when it is added, in a planner\'s words', () => {
    expect(targetProblem('caseload', 'under 18', '12', '36')).toBe('The value must be a number, such as 18; was "under 18".');
    expect(targetProblem('caseload', '1e309', '12', '36')).toBe('The value is too large; was "1e309".');
    expect(targetProblem('caseload', '1e308', '12', '36')).toBeNull();
    expect(targetProblem('vacancyRate', '', '12', '36')).toBe('The value must be a number, such as 0.15 or 15%; was "".');
    // a rate typed as a whole percentage without its sign; a value below 0
    expect(targetProblem('vacancyRate', '12', '24', '36')).toBe('A rate is a fraction or a percentage: 0.12 or 12%; was "12".');
    // a percentage above 100 (an outside trial's "150%" had been answered "0.015 or 150%%")
    expect(targetProblem('agencyRate', '150%', '24', '36')).toBe('A rate is from 0 to 100% (a fraction from 0 to 1); was "150%".');
    expect(targetProblem('vacancyRate', ' 150 % ', '24', '36')).toBe('A rate is from 0 to 100% (a fraction from 0 to 1); was "150 %".');
    expect(targetProblem('vacancyRate', '100%', '24', '36')).toBeNull();
    expect(targetProblem('agencyRate', '1', '24', '36')).toBeNull(); // 100%: a fraction
    expect(targetProblem('vacancyRate', '12%', '24', '36')).toBeNull();
    expect(targetProblem('unallocatedCases', '-5', '24', '36')).toBe('The value must be 0 or more; was "-5".');
    expect(targetProblem('caseload', '0', '24', '36')).toBeNull();
    expect(targetProblem('caseload', '15%', '12', '36')).toMatch(/^The value must be a number/);
    expect(targetProblem('caseload', '18', 'two', '36')).toBe('The month must be a whole number from 1; was "two".');
    expect(targetProblem('caseload', '18', '0', '36')).toMatch(/^The month must be/);
    expect(targetProblem('caseload', '18', '40', '36')).toBe('Month 40 is beyond the 36 months to run (Months above).');
    expect(targetProblem('caseload', '18', '36', '36')).toBeNull();
    expect(targetProblem('vacancyRate', '15%', '12', '36')).toBeNull();
    expect(targetProblem('cost', '1.2e6', '12', 'x')).toBeNull();
  });
  it('saves the baseline with the levers appended', () => {
    const base = { name: 'b', interventions: [{ type: 'frontDoor', startMonth: 1, nfaShare: 0.1 }] };
    const saved = scenarioToSave(base, [newLever('nqCohort')], 'plan');
    expect(saved.name).toBe('plan');
    expect(saved.interventions.map((i) => i.type)).toEqual(['frontDoor', 'nqCohort']);
    expect(base.interventions).toHaveLength(1);
  });
  it('saves the months typed as the horizon, so the scenario reopens as it was run', () => {
    const base = { name: 'b', horizonMonths: 36, interventions: [] };
    expect(scenarioToSave(base, [], 'plan', null, '24').horizonMonths).toBe(24);
    expect(scenarioToSave(base, [], 'plan', null, ' 12 ').horizonMonths).toBe(12);
    for (const typed of ['', '0', '121', '2.5', 'abc', undefined]) {
      expect(scenarioToSave(base, [], 'plan', null, typed).horizonMonths).toBe(36);
    }
  });
  it('keeps the council with the saved scenario', () => {
    const base = { name: 'Medway at 30 September 2019', interventions: [] };
    expect(scenarioToSave(base, [], 'Plan A', 'Medway').area).toBe('Medway');
    expect(scenarioToSave({ ...base, area: 'Kent' }, [], 'Plan A', 'Medway').area).toBe('Kent');
    expect(scenarioToSave(base, [], 'Plan A', null)).not.toHaveProperty('area');
  });
  it('maps a problem path to its lever and field', () => {
    expect(leverField('variants[0].interventions[2].fte')).toEqual({ index: 2, field: 'fte' });
    expect(leverField('variants[0].interventions[1]')).toEqual({ index: 1, field: null });
    expect(leverField('replications')).toBeNull();
  });
  it('reads problems, or says the server refused', () => {
    expect(problems({ errors: [{ field: 'seed', reason: 'r' }] })).toEqual([{ field: 'seed', reason: 'r' }]);
    expect(problems({ detail: 'down' })).toEqual([{ field: 'body', reason: 'down' }]);
  });
  it('sends a lever\'s optional team only when one is chosen', () => {
    const lever = newLever('agencyPolicy', ['firstResponse', 'longTerm']);
    expect(lever.values.team).toBe('');
    expect(intervention(lever)).not.toHaveProperty('team');
    expect(describeLever(lever)).toContain('team every team');
    // money as pounds (the printed summary had "monthly cost 10000")
    expect(describeLever(lever)).toContain('agency cost £82,500');
    lever.values.team = 'firstResponse';
    lever.values.coverShare = '1.0';
    expect(intervention(lever)).toEqual({ type: 'agencyPolicy', startMonth: 1, team: 'firstResponse',
      coverShare: 1, costPerYear: 82500, capFte: null });
    expect(leverFromIntervention(intervention(lever)).values.team).toBe('firstResponse');
    for (const type of ['recruitmentCampaign', 'retentionPayment']) {
      expect(LEVERS[type].fields.find((f) => f.name === 'team').kind).toBe('optionalTeam');
    }
  });
  it('every lever survives a save and reopen', () => {
    for (const type of Object.keys(LEVERS)) {
      const lever = newLever(type, ['assessment']);
      const again = leverFromIntervention(JSON.parse(JSON.stringify(intervention(lever))));
      expect(intervention(again)).toEqual(intervention(lever));
      expect(describeLever(lever)).toContain(LEVERS[type].label);
    }
  });
});

describe('the API\'s reasons in planners\' words', () => {
  it('a blank field is "required", with what it must be', async () => {
    const { plannerReason } = await import('../src/requests.js');
    expect(plannerReason('must be a whole number, was null')).toBe('required (must be a whole number)');
    expect(plannerReason('was null')).toBe('required');
    expect(plannerReason('must be a number, was the string ""')).toBe('required (must be a number)');
  });
  it('any other reason is kept as the API gives it, naming what was typed', async () => {
    const { plannerReason } = await import('../src/requests.js');
    expect(plannerReason('must be a number, was the string "1,5"')).toBe('must be a number, was the string "1,5"');
    expect(plannerReason('must be at least 1, was 0')).toBe('must be at least 1, was 0');
  });
});

describe('a calibration request', () => {
  it('sends the year as typed: a number, the text, or nothing when blank (never 0)', async () => {
    const { calibrationRequest } = await import('../src/requests.js');
    expect(calibrationRequest(' Medway ', '2019')).toEqual({ la: 'Medway', year: 2019 });
    expect(calibrationRequest('Medway', '')).toEqual({ la: 'Medway' });
    expect(calibrationRequest('Medway', '  ')).toEqual({ la: 'Medway' });
    expect(calibrationRequest('Medway', 'twenty')).toEqual({ la: 'Medway', year: 'twenty' });
    // the Months typed where they are a horizon, else the API's own
    expect(calibrationRequest('Medway', '2019', '24')).toEqual({ la: 'Medway', year: 2019, months: 24 });
    for (const m of ['', '0', '121', '2.5', 'six']) {
      expect(calibrationRequest('Medway', '2019', m)).toEqual({ la: 'Medway', year: 2019 });
    }
  });
});

describe('a new agency policy lever', () => {
  it('starts from the scenario\'s own agency cost and cap, and leaves the cover share out (the scenario\'s own, drawn)', () => {
    const scenario = { parameters: { workforce: { agencyCoverShare: 1.0, agencyCapFte: null }, funding: { agencyCostPerYear: 82500 } } };
    const lever = newLever('agencyPolicy', ['assessment'], scenario);
    expect(lever.values).toMatchObject({ coverShare: '', costPerYear: '82500', capFte: '' });
    expect(newLever('agencyPolicy', [], { parameters: { workforce: { agencyCoverShare: 0.69, agencyCapFte: 40 } } }).values)
      .toMatchObject({ coverShare: '', capFte: '40' });
    // sent as null: the API keeps the scenario's cover share, and its uncertainty
    expect(intervention(lever).coverShare).toBeNull();
    expect(describeLever(lever)).toContain("cover share the council's own");
  });
  it('without a scenario, the typical values', () => {
    expect(newLever('agencyPolicy').values).toMatchObject({ coverShare: '', capFte: '' });
  });
  it('a cover share typed is sent as typed', () => {
    const lever = newLever('agencyPolicy');
    lever.values.coverShare = '0.5';
    expect(intervention(lever).coverShare).toBe(0.5);
  });
});

describe('what a stored scenario keeps besides the scenario', () => {
  it('its targets, and the replications and seed typed where they are whole numbers', () => {
    expect(savedSettings(['caseload <= 18 at month 24'], { replications: '500', seed: '42', months: '24' }))
      .toEqual({ targets: ['caseload <= 18 at month 24'], assumptions: [], calibrationNotes: [], replications: 500, seed: 42 });
    expect(savedSettings([], { replications: '', seed: 'x' })).toEqual({ targets: [], assumptions: [], calibrationNotes: [] });
    expect(savedSettings([], { replications: '2.5', seed: '-3' }, [2])).toEqual({ targets: [], assumptions: [2], calibrationNotes: [], seed: -3 });
  });
  it('the notes of the calibration it was made from', () => {
    const notes = ['turnover: 87% this area\'s own', 'durations scaled by 0.77'];
    expect(savedSettings([], {}, [], notes).calibrationNotes).toEqual(notes);
  });
});

describe('levers that are assumptions (in the baseline too)', () => {
  const growth = { ...newLever('referralGrowth'), inBaseline: true };
  growth.values.annualGrowth = '0.08';
  const posts = newLever('posts', ['assessment']);
  const settings = { replications: '500', months: '36', seed: '1' };

  it('go into the baseline of a run, a comparison, a goal-seek and a tornado; the plan has the rest', async () => {
    const run = runRequest({ preset: 'medway-2019' }, settings, [], [growth, posts]);
    expect(run.interventions).toEqual([intervention(growth)]);
    const body = comparisonRequest({ preset: 'medway-2019' }, [growth, posts], settings);
    expect(body.baseline).toEqual({ preset: 'medway-2019', interventions: [intervention(growth)] });
    expect(body.variants).toEqual([{ interventions: [intervention(posts)] }]);
    const { goalSeekRequest, tornadoRequest } = await import('../src/decide.js');
    expect(goalSeekRequest({ preset: 'medway-2019' }, settings, ['caseload <= 18 at month 12'], '0.8',
      'campaign=1..3', [growth, posts]).interventions).toEqual([intervention(growth)]);
    expect(tornadoRequest({ preset: 'medway-2019' }, settings, 'caseload', '12', '', [posts]).interventions)
      .toBeUndefined();
  });

  it('leave requests as they were without any', () => {
    expect(runRequest({ preset: 'medway-2019' }, settings, [], [posts])).not.toHaveProperty('interventions');
    expect(comparisonRequest({ preset: 'medway-2019' }, [posts], settings).baseline).toEqual({ preset: 'medway-2019' });
  });

  it('take the API\'s problems back to the lever of the form they are about', () => {
    const levers = [posts, growth, { ...newLever('recruitmentCampaign'), inBaseline: false }];
    // the plan's second lever is the form's third; the baseline's first is the form's second
    expect(leverAt('variants[0].interventions[1].multiplier', levers)).toEqual({ index: 2, field: 'multiplier' });
    expect(leverAt('baseline.interventions[0].annualGrowth', levers)).toEqual({ index: 1, field: 'annualGrowth' });
    expect(leverAt('interventions[0]', levers)).toEqual({ index: 1, field: null });
    expect(leverAt('variants[0].interventions[5].fte', levers)).toBeNull();
    expect(leverAt('targets[0]', levers)).toBeNull();
  });

  it('are stored after the scenario\'s own interventions and before the plan\'s, their positions kept', () => {
    const own = { type: 'someOtherKind' };
    const base = { name: 'm', interventions: [own] };
    const stored = scenarioToSave(base, [posts, growth], 'm', null, '36');
    expect(stored.interventions.map((i) => i.type)).toEqual(['someOtherKind', 'referralGrowth', 'posts']);
    expect(assumptionPositions(base, [posts, growth])).toEqual([1]);
    expect(assumptionPositions({ name: 'm' }, [growth, posts, growth])).toEqual([0, 1]);
    // an intervention reopened is a lever of the plan unless its position says otherwise
    expect(leverFromIntervention(stored.interventions[1]).inBaseline).toBe(false);
  });
});

describe('a lever\'s typical range in the council\'s own figures', () => {
  const medway = JSON.parse(readFileSync(new URL('../../presets/medway-2019.json', import.meta.url), 'utf8'));
  const field = (type, name) => LEVERS[type].fields.find((f) => f.name === name);
  it('follows the team chosen, and sums the teams where the range is the council\'s', () => {
    const assessment = medway.teams.find((t) => t.name === 'assessment');
    const e = assessment.establishment;
    const r = (x) => String(Math.round(10 * x) / 10);
    expect(typicalHint(field('posts', 'fte'), medway, { team: 'assessment' }))
      .toBe(`typical: 2-10% of the team's establishment; for assessment's ${r(e)} funded posts, ${r(0.02 * e)} to ${r(0.1 * e)}`);
    const agency = medway.teams.reduce((a, t) => a + t.agencyWorkers, 0);
    expect(typicalHint(field('agencyPolicy', 'capFte'), medway))
      .toBe(`typical: 0 up to today's agency FTE; here today's is ${r(agency)}`);
    const staff = medway.teams.reduce((a, t) => a + t.permanent.reduce((b, c) => b + c.count, 0), 0);
    expect(typicalHint(field('nqCohort', 'cohortPerYear'), medway))
      .toBe(`typical: 0-10% of staff in post; here 0 to ${r(0.1 * staff)} of ${r(staff)} in post`);
    // without a scenario, or a range not relative to the council's figures: as written
    expect(typicalHint(field('posts', 'fte'), null, {})).toBe('typical: 2-10% of the team\'s establishment');
    expect(typicalHint(field('referralGrowth', 'annualGrowth'), medway)).toBe('typical: -0.05 to 0.10');
  });
});

describe('a value far outside its typical range is warned of', () => {
  const medway = JSON.parse(readFileSync(new URL('../../presets/medway-2019.json', import.meta.url), 'utf8'));
  const field = (type, name) => LEVERS[type].fields.find((f) => f.name === name);
  it('a growth typed as a percentage, with how to write it', () => {
    const growth = field('referralGrowth', 'annualGrowth');
    expect(farWarning(growth, '8', medway)).toBe('8 is far above the typical range: check it. A fraction: 8% is 0.08.');
    expect(farWarning(growth, '0.08', medway)).toBe('');
    expect(farWarning(growth, '0.3', medway)).toBe('');
    expect(farWarning(growth, '0.31', medway)).toBe('0.31 is far above the typical range: check it.');
    expect(farWarning(growth, '-0.5', medway)).toBe('-0.5 is far below the typical range: check it.');
  });
  it('posts against the team chosen: half its establishment is the bound, never under 10', () => {
    const posts = field('posts', 'fte');
    const e = medway.teams.find((t) => t.name === 'longTerm').establishment;
    const half = 0.5 * e;
    expect(half).toBeGreaterThan(10);
    expect(farWarning(posts, String(Math.floor(half)), medway, { team: 'longTerm' })).toBe('');
    const warned = farWarning(posts, String(Math.ceil(half + 0.001)), medway, { team: 'longTerm' });
    expect(warned).toBe(`${Math.ceil(half + 0.001)} is far above the typical range: check it.`);
    // assessment's 16.2 funded posts: half is 8.1, the floor 10
    expect(medway.teams.find((t) => t.name === 'assessment').establishment).toBeLessThan(20);
    expect(farWarning(posts, '10', medway, { team: 'assessment' })).toBe('');
    expect(farWarning(posts, '11', medway, { team: 'assessment' })).toBe('11 is far above the typical range: check it.');
    // without the team's figures nothing is assumed
    expect(farWarning(posts, '500', null, {})).toBe('');
  });
  it('money typed as the page writes it; what is not a number is left to the API', () => {
    const cost = field('recruitmentCampaign', 'monthlyCost');
    expect(farWarning(cost, '£250,000', medway)).toMatch(/^£250,000 is far above/);
    expect(farWarning(cost, '£20,000', medway)).toBe('');
    expect(farWarning(cost, 'ten thousand', medway)).toBe('');
    expect(farWarning(cost, '', medway)).toBe('');
  });
  it('the fraction meant is said as typed, and only where it is in range', () => {
    const growth = field('referralGrowth', 'annualGrowth');
    expect(farWarning(growth, '2.5', medway)).toBe('2.5 is far above the typical range: check it. A fraction: 2.5% is 0.025.');
    expect(farWarning(growth, '-2.5', medway)).toBe('-2.5 is far below the typical range: check it. A fraction: -2.5% is -0.025.');
    // 1.5 for a cover share may be 1.5%: said as typed (it had read "2% is 0.02")
    expect(farWarning(field('agencyPolicy', 'coverShare'), '1.5', medway)).toBe('1.5 is far above the typical range: check it. A fraction: 1.5% is 0.015.');
    // 45% a year is out of range too: no fraction offered
    expect(farWarning(growth, '45', medway)).toBe('45 is far above the typical range: check it.');
  });
  it('a small council\'s defaults are not warned of: posts and a cohort have floors', () => {
    const small = JSON.parse(readFileSync(new URL('../../examples/synthetic-small.json', import.meta.url), 'utf8'));
    for (const [type, name] of [['posts', 'fte'], ['nqCohort', 'cohortPerYear']]) {
      for (const team of small.teams.map((t) => t.name)) {
        const values = { ...newLever(type, [team], small).values, team };
        expect(farWarning(field(type, name), values[name], small, values), `${type} ${team}`).toBe('');
      }
    }
  });
  it('a cover share of 70 for 70%; no cover at all is a policy, not a slip', () => {
    const cover = field('agencyPolicy', 'coverShare');
    expect(farWarning(cover, '70', medway)).toBe('70 is far above the typical range: check it. A fraction: 70% is 0.7.');
    expect(farWarning(cover, '0', medway)).toBe('');
  });
  it('every numeric field of every lever has bounds, and its default is within them', () => {
    for (const [type, def] of Object.entries(LEVERS)) {
      for (const f of def.fields) {
        if (f.kind === 'team' || f.kind === 'optionalTeam' || f.name === 'capFte') continue;
        expect(f.far, `${type}.${f.name}`).toBeTypeOf('function');
        const values = newLever(type, medway.teams.map((t) => t.name), medway).values;
        expect(farWarning(f, values[f.name], medway, values), `${type}.${f.name}`).toBe('');
      }
    }
  });
});

describe('money typed into a lever as the page writes it', async () => {
  const { typedMoney } = await import('../src/format.js');
  it('reads £2m, 2.5m, £450k and £2,000,000 as pounds, and leaves other text for the API to name', () => {
    expect(typedMoney('£2m')).toBe(2_000_000);
    expect(typedMoney(' 2.5M ')).toBe(2_500_000);
    expect(typedMoney('£450k')).toBe(450_000);
    expect(typedMoney('-£1m')).toBe(-1_000_000);
    expect(typedMoney('£1,500k')).toBe(1_500_000);
    expect(typedMoney('£2,000,000')).toBe(2_000_000);
    expect(typedMoney('10000')).toBe(10_000);
    expect(typedMoney('two million')).toBe('two million');
    expect(typedMoney('')).toBeNull();
  });
  it('sends a funding lever of "£2m" as 2,000,000, warns of "£50m", and summarises it in pounds', () => {
    const lever = newLever('funding', ['assessment', 'longTerm']);
    lever.values.poundsPerYear = '£2m';
    expect(intervention(lever).poundsPerYear).toBe(2_000_000);
    expect(describeLever(lever)).toContain('funding £2,000,000');
    const field = LEVERS.funding.fields.find((f) => f.name === 'poundsPerYear');
    expect(farWarning(field, '£50m', null)).toBe('£50m is far above the typical range: check it.');
    const campaign = newLever('recruitmentCampaign', ['assessment']);
    campaign.values.monthlyCost = '15k';
    expect(intervention(campaign).monthlyCost).toBe(15_000);
    // a field that is not money is read as before
    campaign.values.fillMultiplier = '2m';
    expect(intervention(campaign).fillMultiplier).toBe('2m');
  });
});

describe('lever fields\' labels', () => {
  it('have no parentheses inside the unit\'s own: "Cap (agency FTE; blank: no cap)", not "Cap (agency FTE (blank: no cap))"', () => {
    const nested = Object.values(LEVERS).flatMap((def) => def.fields).filter((f) => /[()]/.test(f.unit ?? ''))
      .map((f) => `${f.label} (${f.unit})`);
    expect(nested).toEqual([]);
    expect(LEVERS.agencyPolicy.fields.map((f) => (f.unit ? `${f.label} (${f.unit})` : f.label))).toEqual(['Team',
      'Cover share (fraction of vacancies; blank: the council\'s own)', 'Agency cost (£ a year per agency FTE)',
      'Cap (agency FTE; blank: no cap)']);
  });
});

describe('a lever\'s fraction typed as a percentage', () => {
  it('is sent as the fraction: growth "8%" is 0.08, a front door\'s "10%" 0.1, cover "69%" 0.69', () => {
    const growth = newLever('referralGrowth', ['assessment']);
    growth.values.annualGrowth = '8%';
    expect(intervention(growth).annualGrowth).toBe(0.08);
    growth.values.annualGrowth = '-2.5 %';
    expect(intervention(growth).annualGrowth).toBe(-0.025);
    const door = newLever('frontDoor', ['assessment']);
    door.values.nfaShare = '10%';
    expect(intervention(door).nfaShare).toBe(0.1);
    const agency = newLever('agencyPolicy', ['assessment']);
    agency.values.coverShare = '69%';
    expect(intervention(agency).coverShare).toBe(0.69);
    // and not warned of as 10 would be
    const field = LEVERS.frontDoor.fields.find((f) => f.name === 'nfaShare');
    expect(farWarning(field, '10%', null)).toBe('');
    // a multiplier is not a fraction: sent as typed, for the API to name
    const shock = newLever('referralShock', ['assessment']);
    shock.values.multiplier = '115%';
    expect(intervention(shock).multiplier).toBe('115%');
  });
});

describe('a lever\'s typical range in a large council\'s figures', () => {
  it('writes thousands separated, as the baseline\'s facts do', () => {
    const england = { teams: [{ name: 'assessment', role: 'assessment', establishment: 4009.2, agencyWorkers: 1234.5, permanent: [] }] };
    const posts = LEVERS.posts.fields.find((f) => f.name === 'fte');
    expect(typicalHint(posts, england, { team: 'assessment' }))
      .toBe('typical: 2-10% of the team\'s establishment; for assessment\'s 4,009.2 funded posts, 80.2 to 400.9');
    expect(typicalHint(LEVERS.agencyPolicy.fields.find((f) => f.name === 'capFte'), england))
      .toBe('typical: 0 up to today\'s agency FTE; here today\'s is 1,234.5');
  });
});
