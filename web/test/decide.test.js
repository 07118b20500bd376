import { describe, expect, it } from 'vitest';
import { goalSeekRequest, tornadoRequest, frontierRows, tornadoRows, lines, frontierCostLabel, frontierNote, frontierTitle,
  costReplicationsText, frontierTable } from '../src/decide.js';

describe('decide', () => {
  it('writes the goal-seek body the API takes', () => {
    expect(goalSeekRequest({ preset: 'medway-2019' }, { months: '24', seed: '' },
      ['caseload <= 18 at month 24 '], '0.8', 'posts:longTerm=0..60/6\n\ncampaign=1..3\n'))
      .toEqual({ preset: 'medway-2019', targets: ['caseload <= 18 at month 24'],
        probability: 0.8, levers: ['posts:longTerm=0..60/6', 'campaign=1..3'], months: 24 });
  });

  it('writes a tornado body', () => {
    expect(tornadoRequest({ scenarioId: 'x' }, { months: '12', seed: '3' }, 'caseload', '12', ''))
      .toEqual({ scenarioId: 'x', metric: 'caseload', month: 12, method: 'tornado', levers: [],
        months: 12, seed: 3 });
    expect(lines(' a \n\n b')).toEqual(['a', 'b']);
  });

  it('marks the answer among the evaluated plans and keeps the bars in order', () => {
    const doc = { probability: 0.8, answer: { plan: { plan: 'B' } },
      evaluated: [{ plan: 'A', meanCost: 1, probability: 0.5 }, { plan: 'B', meanCost: 2, probability: 0.9 }] };
    expect(frontierRows(doc).map((r) => r.answer)).toEqual([false, true]);
    expect(tornadoRows({ tornado: { bars: [{ input: 'x', low: 1, high: 3 }, { input: 'y', low: 2, high: 2.5 }] } })
      .map((r) => r.input)).toEqual(['x', 'y']);
    // parameters in planners' words, their API names kept; a lever as written
    const rows = tornadoRows({ tornado: { bars: [{ input: 'referralLevel', low: 1, high: 3 },
      { input: 'posts:longTerm', low: 2, high: 2.5 }] } });
    expect(rows.map((r) => r.input)).toEqual(['Referral level', 'Posts (longTerm team)']);
    expect(rows.map((r) => r.code)).toEqual(['referralLevel', 'posts:longTerm']);
  });

  it('labels the frontier\'s cost with the replications it is the mean of, shared by every plan', () => {
    const doc = { months: 6, probability: 0.8, maxReplications: 4096, answer: { plan: { plan: 'B' } },
      evaluated: [{ plan: 'A', meanCost: 1.5e6, costReplications: 256, probability: 0.5, ci95: [0.47, 0.53], replications: 1024 },
        { plan: 'B', meanCost: 2e6, costReplications: 256, probability: 4095 / 4096, ci95: [0.9986, 1], replications: 4096 }] };
    expect(costReplicationsText(doc)).toBe('256');
    expect(frontierCostLabel(doc)).toBe('Mean cost over 6 months (£m), first 256 replications, the yardstick shared by every plan');
    expect(frontierNote(doc)).toContain('from the first 256 replications, the yardstick shared by every plan');
    expect(frontierNote(doc)).toContain('up to 4,096');
    const [, b] = frontierRows(doc);
    expect(frontierTitle(b, doc, 'the answer, ')).toBe('the answer, B: P >99.9% (95% interval 99.9% to 100%) from 4,096 replications; '
      + 'mean cost £2m over 6 months, first 256 replications, the yardstick shared by every plan');
    expect(costReplicationsText({ evaluated: [{ costReplications: 512 }, { costReplications: 256 }] })).toBe('256 to 512');
    expect(frontierCostLabel({ evaluated: [{}] })).toBe('Mean cost over the horizon (£m)');
  });

  it('gives the frontier as a table, cheapest first, the answer marked', () => {
    const doc = { months: 6, probability: 0.8, answer: { plan: { plan: 'B' } },
      evaluated: [{ plan: 'B', meanCost: 2e6, probability: 0.9, ci95: [0.88, 0.92], replications: 4096 },
        { plan: 'A', meanCost: 1.5e6, probability: 0.5 }] };
    expect(frontierTable(doc)).toEqual({
      head: ['Plan', 'P(meets every target)', '95% interval', 'Replications', 'Mean cost over 6 months'],
      rows: [['A', '50%', '', '', '£1.5m'], ['B (the answer)', '90%', '88% to 92%', '4,096', '£2m']] });
  });
});

describe('the tornado and the goal-seek answer in the page\'s units', async () => {
  const { tornadoTitle, extraCostText, metricOf } = await import('../src/decide.js');
  it('bar titles use the metric\'s format, not raw numbers', () => {
    expect(metricOf('cost at month 12')).toBe('cost');
    expect(tornadoTitle({ input: 'annualTurnover', low: 1256578.91, high: 1400000, lowSetting: 'p5 0.12', highSetting: 'p95 0.26' },
      'cost at month 12')).toBe('annualTurnover: £1.3m (p5 0.12) to £1.4m (p95 0.26)');
    expect(tornadoTitle({ input: 'fillProbability', low: 0.28, high: 0.3125, lowSetting: 'p5', highSetting: 'p95' },
      'vacancyRate at month 24')).toBe('fillProbability: 28% (p5) to 31% (p95)');
    expect(tornadoTitle({ input: 'Staff turnover a year', code: 'annualTurnover', low: 17.9, high: 19.4,
      lowSetting: 'p5 0.12', highSetting: 'p95 0.26' }, 'caseload at month 24'))
      .toBe('Staff turnover a year (annualTurnover): 17.9 (p5 0.12) to 19.4 (p95 0.26)');
  });
  it('a found plan\'s extra cost a year, with its interval where there is one', () => {
    expect(extraCostText({ status: 'found', extraCostPerYear: 1234567, extraCostPerYearCi95: [1100000, 1350000] }))
      .toBe('extra cost +£1.2m a year (95% interval £1.1m to £1.4m)');
    expect(extraCostText({ status: 'found', extraCostPerYear: 450000, extraCostPerYearCi95: [null, null] }))
      .toBe('extra cost +£450k a year');
    expect(extraCostText({ status: 'infeasible' })).toBeNull();
  });
});

describe('the goal-seek\'s answer in a sentence', async () => {
  const { goalSeekAnswer } = await import('../src/decide.js');
  it('names the best plan run and the target that binds when no plan reaches the goal', () => {
    const doc = { probability: 0.8, answer: { status: 'infeasible',
      best: { plan: 'longTerm posts +60, campaign x3 for 12 months', probability: 0.4612 },
      binding: 'vacancyRate <= 0.12 at month 24' } };
    expect(goalSeekAnswer(doc)).toBe('No plan within the ranges reaches 80%; the best run, longTerm posts +60,'
      + ' campaign x3 for 12 months, meets every target with P 46%; the target that binds (met least often):'
      + ' Vacancy rate at most 12% at month 24. Widen a lever\'s range, add a lever, or ask a lower probability.');
  });
  it('gives the cheapest plan with its interval, replications and extra cost', () => {
    const doc = { probability: 0.8, answer: { status: 'found', extraCostPerYear: 2_900_000,
      extraCostPerYearCi95: [2_890_000, 2_920_000],
      plan: { plan: 'longTerm posts +44', probability: 0.8259, ci95: [0.814, 0.837], replications: 4096 } } };
    expect(goalSeekAnswer(doc)).toMatch(/^Cheapest plan: longTerm posts \+44, P 83% \(95% interval 81% to 84%\) from 4,096 replications; extra cost \+£2\.9m a year/);
    expect(goalSeekAnswer(doc)).not.toContain('Borderline');
  });
  it('says a plan is borderline where its interval reaches below the goal (the API\'s sure: false)', () => {
    const plan = { plan: 'longTerm posts +36, campaign x3', probability: 0.81, ci95: [0.794, 0.826], replications: 4096 };
    const doc = { probability: 0.8, answer: { status: 'found', sure: false, plan } };
    expect(goalSeekAnswer(doc)).toMatch(/P 81% \(95% interval 79% to 83%\) from 4,096 replications\. Borderline: its interval reaches below 80%, so this plan may fall short of the goal; a stronger plan is safer$/);
    expect(goalSeekAnswer({ ...doc, answer: { ...doc.answer, sure: true } })).not.toContain('Borderline');
  });
});

describe('a tornado read without hovering', async () => {
  const { leverWords, tornadoNote, tornadoRows, tornadoTitle, tornadoEnd, noiseBars } = await import('../src/decide.js');
  // two bars as the API gives them: referrals' swing far beyond its error, the campaign's within it
  const doc = { output: 'caseload at month 24', tornado: { central: 16, centralSe: 0.01, bars: [
    { input: 'referralLevel', lowSetting: 'p5 0.9', low: 13, lowSe: 0.02, highSetting: 'p95 1.1', high: 19, highSe: 0.03, swing: 6, swingSe: 0.04 },
    { input: 'campaign', lowSetting: 'x1', low: 16.01, lowSe: 0.02, highSetting: 'x3', high: 16.02, highSe: 0.02, swing: 0.0012, swingSe: 0.023 },
  ] } };
  it('gives each end its 95% Monte Carlo error and says which bars are within it', () => {
    const rows = tornadoRows(doc);
    expect(rows[0].lowError).toBeCloseTo(1.959963984540054 * 0.02, 12);
    expect(rows[1].swingError).toBeCloseTo(1.959963984540054 * 0.023, 12);
    expect(tornadoEnd(doc.output, 13, rows[0].lowError)).toBe('13 \u00b10.04');
    expect(noiseBars(doc).map((r) => r.code)).toEqual(['campaign']);
    expect(tornadoTitle(rows[1], doc.output)).toBe('Recruitment campaign (campaign): 16 \u00b10.04 (x1) to 16 \u00b10.04 (x3);'
      + ' swing 0.01 \u00b10.05 (95%)');
    const note = tornadoNote(doc);
    expect(note).toContain('\u00b1: each end\'s 95% Monte Carlo error');
    expect(note).toContain('Recruitment campaign: the bar is within its error, so these replications cannot tell its effect from none');
    expect(note).not.toContain('Referral level:');
  });
  it('heads the tornado with its output', async () => {
    const { tornadoHeading } = await import('../src/decide.js');
    expect(tornadoHeading(doc)).toBe('Tornado of caseload at month 24');
    expect(tornadoHeading({})).toBe('Tornado');
  });
  it('names levers in words and says how to read the bars', () => {
    expect(leverWords('posts:longTerm')).toBe('Posts (longTerm team)');
    expect(leverWords('campaign')).toBe('Recruitment campaign');
    expect(leverWords('caseloadCap:east,hardLimit=30')).toBe('Caseload cap (east team)');
    expect(leverWords('somethingElse')).toBe('somethingElse');
    expect(tornadoNote({ output: 'caseload at month 24', tornado: { central: 18.44 } }))
      .toContain('The line: every input central, 18.4.');
  });
});

describe('a goal-seek\'s probability as typed', async () => {
  const { typedProbability } = await import('../src/decide.js');
  it('is a fraction or a percentage', () => {
    expect(typedProbability('0.8')).toBe(0.8);
    expect(typedProbability(' 80% ')).toBe(0.8);
    expect(typedProbability('97.5%')).toBe(0.975);
    expect(typedProbability('eighty')).toBe('eighty');
    expect(typedProbability('')).toBeUndefined();
  });
});
