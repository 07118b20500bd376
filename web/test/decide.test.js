import { describe, expect, it } from 'vitest';
import { endedLine, goalSeekRequest, tornadoRequest, frontierRows, tornadoRows, lines, frontierCostLabel, frontierNote, frontierTitle,
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
      rows: [['A', '50%', '', '', '£1.5m'], ['B (the answer)', '90%', '88% to 92%', '4,096', '£2m']],
      caption: 'Plans evaluated, cheapest first' });
  });

  it('never shows a plan short of the goal at the goal (a trial read 80% for P 0.7954)', () => {
    const doc = { months: 12, probability: 0.8, answer: { status: 'found', plan: { plan: 'B', probability: 0.8042, replications: 4096 } },
      evaluated: [{ plan: 'A', meanCost: 16.4e6, probability: 0.7954, ci95: [0.78, 0.81], replications: 4096 },
        { plan: 'B', meanCost: 16.8e6, probability: 0.8042, ci95: [0.79, 0.82], replications: 4096 }] };
    expect(frontierTable(doc).rows.map((r) => r[1])).toEqual(['79.5%', '80%']);
    const [a] = frontierRows(doc);
    expect(frontierTitle(a, doc)).toMatch(/^A: P 79\.5% /);
  });
});

describe('a frontier of fewer points than the ranges have plans', async () => {
  const { frontierRunText, frontierPoints, overlappingPlans, planGrid, FRONTIER, OVERLAP_PX } = await import('../src/decide.js');
  const levers = [{ lever: 'posts:longTerm', values: [0, 10, 20, 30] }, { lever: 'campaign', values: [1, 2] }];
  const plan = (posts, campaign, meanCost, probability) => ({ plan: `longTerm posts +${posts}, ${campaign === 1
    ? 'no campaign' : `campaign x${campaign} for 12 months`}`, levers: { 'posts:longTerm': posts, campaign },
  meanCost, costReplications: 256, probability, replications: 256 });
  // the API's document for posts:longTerm=0..30/10 and campaign=1..2/1, Medway 2019 over 12
  // months, caseload <= 18 at month 12 with p 0.8 (the audit's two points): the weakest plan
  // and the strongest, which falls short, so the search ran no other
  const strongest = plan(30, 2, 16861770.648368858, 0.6484375);
  const infeasible = { months: 12, probability: 0.8, levers,
    answer: { status: 'infeasible', best: strongest, binding: 'caseload <= 18 at month 12' },
    evaluated: [plan(0, 1, 14632322.497996313, 0.13671875), strongest] };

  it('says how many plans were run of how many the ranges allow, and why the rest were not', () => {
    expect(planGrid(infeasible)).toEqual({ all: 8, sizes: [4, 2] });
    expect(frontierRunText(infeasible)).toBe('2 plans run, each a point, of the 8 plans the levers\' ranges allow'
      + ' (4 \u00d7 2): the strongest plan (every lever at its strongest) falls short of 80%, and a weaker plan is taken'
      + ' to meet the targets no more often, so the search ran none between it and the weakest (docs/decide.md).');
    expect(frontierNote(infeasible)).toMatch(/^2 plans run, each a point, of the 8 plans/);
    const table = frontierTable(infeasible);
    expect(table.caption).toBe('Plans evaluated, cheapest first: 2 of the 8 plans the levers\' ranges allow');
    expect(table.rows.map((r) => r[0])).toEqual(['longTerm posts +0, no campaign',
      'longTerm posts +30, campaign x2 for 12 months (the best run, short of 80%)']);
    expect(table.head).not.toContain('On the chart');
    // a found answer, every plan run, a document without the levers' values
    const found = { ...infeasible, answer: { status: 'found', plan: strongest } };
    expect(frontierRunText(found)).toContain(': the search runs only the plans it needs to find the cheapest that meets the goal');
    const every = { ...found, levers: [levers[1]], evaluated: [plan(0, 1, 1, 0.1), plan(0, 2, 2, 0.2)] };
    expect(frontierRunText(every)).toBe('All 2 plans the levers\' ranges allow were run, each a point.');
    expect(frontierTable(every).caption).toBe('Plans evaluated, cheapest first: all of the 2 plans the levers\' ranges allow');
    expect(frontierRunText({ evaluated: [plan(0, 1, 1, 0.1)] })).toBe('1 plan run, each a point.');
  });

  it('gives the reason that holds: a search not monotone, an answer cheapest of the plans run only', () => {
    // a reviewer's page: two targets and an agency cap, so the search went on past the
    // strongest plan's shortfall and ran plans between it and the weakest, one better than it
    const capped = [{ lever: 'posts:longTerm', values: [0, 10, 20, 30] }, { lever: 'agencyCap', values: [60, 40, 20, 0] }];
    const run = (posts, cap, p) => ({ plan: `+${posts} posts, cap ${cap}`, levers: { 'posts:longTerm': posts, agencyCap: cap },
      meanCost: 1e7 + posts * 1e5 + cap, costReplications: 256, probability: p, replications: 256 });
    const evaluated = [run(0, 60, 0.05), run(30, 0, 0.17), run(30, 20, 0.36), run(30, 40, 0.2), run(10, 20, 0.1)];
    const notMonotone = { months: 12, probability: 0.95, levers: capped, evaluated,
      answer: { status: 'infeasible', best: evaluated[2], binding: 'agencyRate <= 0.1 at month 12' } };
    const text = frontierRunText(notMonotone);
    expect(text).toContain('5 plans run, each a point, of the 16 plans');
    expect(text).toContain(': no plan run reached 95%: the search looked along each setting of the levers');
    expect(text).not.toContain('ran none between');
    // found, but the strongest plan meets the goal less often: the answer's own caveat, not "runs only what it needs"
    const cheapestRun = { ...notMonotone, probability: 0.3,
      answer: { status: 'found', plan: evaluated[2], cheapestAmongRunOnly: true } };
    expect(frontierRunText(cheapestRun)).toContain('the answer is the cheapest of the plans run, not surely of all');
    expect(frontierRunText(cheapestRun)).not.toContain('the plans it needs to find the cheapest');
  });

  it('draws the cheapest and the dearest inside the plot, neither on its edge', () => {
    const [cheap, dear] = frontierPoints(frontierRows(infeasible));
    expect(cheap.x).toBe(FRONTIER.marginLeft + FRONTIER.inset);
    expect(dear.x).toBe(FRONTIER.width - FRONTIER.marginRight - FRONTIER.inset);
    expect(cheap.y).toBeCloseTo(FRONTIER.height - FRONTIER.marginBottom - 0.13671875 * 250, 9);
    expect(overlappingPlans(frontierRows(infeasible))).toEqual([]);
    // one plan alone: in the middle, not at an end of a domain of no width
    const [one] = frontierPoints(frontierRows({ evaluated: [plan(0, 1, 5e6, 0.5)] }));
    expect(one.x).toBeCloseTo((FRONTIER.marginLeft + FRONTIER.width - FRONTIER.marginRight) / 2, 9);
  });

  it('finds the plans drawn over one another, says so under the chart and in the table', () => {
    // the API's plans for posts:longTerm=0..30/10 and agencyCap=400..300/100 (Medway 2019, 6
    // months, p 0.3): a cap no agency staffing reaches changes nothing, so the plans of either
    // cap have one cost and, on the same replications, one probability (+20's differ by their
    // replications, 4,096 against 256, 1.2 px apart)
    const cap = (posts, fte, meanCost, probability, replications = 256) => ({
      plan: `longTerm posts +${posts}, agency cap ${fte} FTE`, meanCost, probability, replications });
    const doc = { months: 6, probability: 0.3, answer: { status: 'found', plan: { plan: 'longTerm posts +20, agency cap 400 FTE' } },
      levers: [{ lever: 'posts:longTerm', values: [0, 10, 20, 30] }, { lever: 'agencyCap', values: [400, 300] }],
      evaluated: [cap(0, 400, 7261523.627483115, 0.01953125), cap(10, 400, 7633890.909284666, 0.08984375),
        cap(10, 300, 7633890.909284666, 0.08984375), cap(20, 400, 8004906.715015738, 0.3134765625, 4096),
        cap(20, 300, 8004906.715015738, 0.30859375), cap(30, 400, 8374628.149351193, 0.5546875),
        cap(30, 300, 8374628.149351193, 0.5546875)] };
    const groups = overlappingPlans(frontierRows(doc));
    expect(groups.map((g) => g.map((r) => r.plan))).toEqual([
      ['longTerm posts +10, agency cap 400 FTE', 'longTerm posts +10, agency cap 300 FTE'],
      ['longTerm posts +20, agency cap 400 FTE', 'longTerm posts +20, agency cap 300 FTE'],
      ['longTerm posts +30, agency cap 400 FTE', 'longTerm posts +30, agency cap 300 FTE']]);
    expect(frontierNote(doc)).toContain('Plans of (nearly) the same cost and probability are one point, marked with how many:'
      + ' \u00d72 longTerm posts +10, agency cap 400 FTE and longTerm posts +10, agency cap 300 FTE;');
    const table = frontierTable(doc);
    expect(table.head[5]).toBe('On the chart');
    expect(table.rows.map((r) => r[5])).toEqual(['a point of its own',
      'one point with longTerm posts +10, agency cap 300 FTE (\u00d72)', 'one point with longTerm posts +10, agency cap 400 FTE (\u00d72)',
      'one point with longTerm posts +20, agency cap 300 FTE (\u00d72)', 'one point with longTerm posts +20, agency cap 400 FTE (\u00d72)',
      'one point with longTerm posts +30, agency cap 300 FTE (\u00d72)', 'one point with longTerm posts +30, agency cap 400 FTE (\u00d72)']);
    expect(table.rows[3][0]).toBe('longTerm posts +20, agency cap 400 FTE (the answer)');
    expect(table.caption).toBe('Plans evaluated, cheapest first: 7 of the 8 plans the levers\' ranges allow');
    // points apart by more than OVERLAP_PX are their own
    const apart = { ...doc, evaluated: [cap(0, 400, 1e6, 0.5), cap(0, 300, 1e6, 0.5 + (OVERLAP_PX + 0.5) / 250), cap(10, 400, 2e6, 0.9)] };
    expect(overlappingPlans(frontierRows(apart))).toEqual([]);
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
  it('the tornado as a table: each input\'s settings, its ends with their errors, the swing', async () => {
    const { tornadoTable } = await import('../src/decide.js');
    const doc = { output: 'caseload at month 24', tornado: { central: 18.24, bars: [
      { input: 'annualTurnover', low: 17.9, high: 19.4, lowSetting: 'p5 0.12', highSetting: 'p95 0.26', lowSe: 0.1, highSe: 0.2, swingSe: 0.05 },
      { input: 'posts:longTerm', low: 18.3, high: 18.1, lowSetting: '0', highSetting: '8' }] } };
    const t = tornadoTable(doc);
    expect(t.caption).toBe('Tornado of caseload at month 24: its bars, widest first; every input central: 18.2');
    expect(t.head).toEqual(['Input', 'Low setting', 'caseload at month 24, input low', 'High setting',
      'caseload at month 24, input high', 'Swing (high minus low)']);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0][0]).toBe('Staff turnover a year (annualTurnover)');
    expect(t.rows[0].slice(1)).toEqual(['p5 0.12', '17.9 \u00b10.2', 'p95 0.26', '19.4 \u00b10.4', '+1.5 \u00b10.1']);
    // a lever whose high end is lower: the swing keeps its sign, no error where none is given
    // its ends 0.2 apart: written to the digit that shows it (18.30, 18.10)
    expect(t.rows[1].slice(2)).toEqual(['18.30', '8', '18.10', '\u22120.20']);
    expect(tornadoTable({ output: 'caseload at month 24' }).rows).toEqual([]);
  });
  it('a bar\'s swing is the paired difference where the API gives it, not the ends\' means apart', async () => {
    const { tornadoRows } = await import('../src/decide.js');
    // a caseload where some replications have nobody holding cases: each end's mean is of its
    // own replications, the paired difference of those where both have one
    const rows = tornadoRows({ tornado: { bars: [
      { input: 'annualTurnover', low: 4.9, high: 5.6, difference: 0.4, swing: 0.4 },
      { input: 'referralLevel', low: 4.9, high: 5.6, difference: null, swing: null },
      { input: 'fillProbability', low: 4.9, high: 5.6 }] } });
    expect(rows.map((r) => r.swing)).toEqual([0.4, NaN, 5.6 - 4.9]);
  });
  it('a tornado end\'s setting in the page\'s words: a parameter\'s percentile and value in its unit', async () => {
    const { settingWords } = await import('../src/decide.js');
    expect(settingWords('annualTurnover', 'annualTurnover p5 0.128')).toBe('p5: 12.8%');
    expect(settingWords('establishmentGrowth', 'establishmentGrowth p5 -0.0655')).toBe('p5: \u22126.6%');
    expect(settingWords('fillProbability', 'fillProbability p95 0.0004')).toBe('p95: 0.04%');
    expect(settingWords('referralLevel', 'referralLevel p95 333.4')).toBe('p95: 333 referrals a month');
    // a lever's, and anything else, as the API wrote it
    expect(settingWords('campaign', 'campaign x3 for 12 months')).toBe('campaign x3 for 12 months');
    expect(settingWords('annualTurnover', 'p5 0.12')).toBe('p5 0.12');
    expect(settingWords('annualTurnover', undefined)).toBe('');
  });
  it('the tornado\'s table writes a rate\'s swing in points and money to the digits that tell its ends apart', async () => {
    const { tornadoTable } = await import('../src/decide.js');
    const rate = tornadoTable({ output: 'vacancyRate at month 12', tornado: { central: 0.21, bars: [
      { input: 'posts:longTerm', low: 0.205, high: 0.222, lowSetting: '0', highSetting: '40', lowSe: 0.004, highSe: 0.004, swingSe: 0.003 }] } });
    expect(rate.head[5]).toBe('Swing (high minus low), percentage points');
    // 1.96 x 0.004 = 0.78 points; the swing 1.70 points, 1.96 x 0.003 = 0.59
    expect(rate.rows[0].slice(2)).toEqual(['20.5% \u00b10.78 points', '40', '22.2% \u00b10.78 points',
      '+1.70 points \u00b10.59 points']);
    const cost = tornadoTable({ output: 'cost at month 12', tornado: { central: 1.3e6, bars: [
      { input: 'campaign', low: 1.312e6, high: 1.336e6, lowSetting: 'no campaign', highSetting: 'x3' }] } });
    expect(cost.rows[0][2]).not.toBe(cost.rows[0][4]);
    expect(cost.rows[0][2]).toBe('£1.31m');
    expect(cost.rows[0][4]).toBe('£1.34m');
  });
  it('a found plan\'s extra cost a year, with its interval where there is one', () => {
    expect(extraCostText({ status: 'found', extraCostPerYear: 1234567, extraCostPerYearCi95: [1100000, 1350000] }))
      .toBe('extra cost +\u2060£1.2m a year (95% interval £1.1m to £1.4m)');
    expect(extraCostText({ status: 'found', extraCostPerYear: 450000, extraCostPerYearCi95: [null, null] }))
      .toBe('extra cost +\u2060£450k a year');
    expect(extraCostText({ status: 'infeasible' })).toBeNull();
  });
  it('a found plan of other than 12 months: what it costs over its months beside the cost a year', () => {
    const answer = { status: 'found', extraCostPerYear: 446000, extraCostPerYearCi95: [442000, 450000], extraCostOverHorizon: 223000 };
    expect(extraCostText(answer, 6)).toBe('extra cost +\u2060£446k a year (95% interval £442k to £450k), that is +\u2060£223k over the 6 months searched');
    expect(extraCostText(answer, 12)).toBe('extra cost +\u2060£446k a year (95% interval £442k to £450k)');
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
    // a baseline whose calibration recruits nobody in some futures: said why the ranges cannot help
    const notes = ['referrals: a trend', 'no recruitment: the fill probability (0.041 a month, sd 0.047 across'
      + ' replications) is drawn as 0 in 19% of replications, which fill no vacancy in the whole run: ...'];
    expect(goalSeekAnswer(doc, notes)).toMatch(/ask a lower probability\. In about 19% of futures this baseline recruits nobody at all \(the warning above it\): no campaign, retention payment or extra post fills a vacancy there \(only a newly qualified cohort starts whatever the chance of filling, and agency staff still cover\), so a goal on vacancies or staff in post may be out of reach whatever the ranges of those levers\.$/);
    expect(goalSeekAnswer(doc, notes.slice(0, 1))).toBe(goalSeekAnswer(doc));
  });
  it('gives the cheapest plan with its interval, replications and extra cost', () => {
    const doc = { probability: 0.8, answer: { status: 'found', extraCostPerYear: 2_900_000,
      extraCostPerYearCi95: [2_890_000, 2_920_000],
      plan: { plan: 'longTerm posts +44', probability: 0.8259, ci95: [0.814, 0.837], replications: 4096 } } };
    expect(goalSeekAnswer(doc)).toMatch(/^Cheapest plan: longTerm posts \+44, P 83% \(95% interval 81% to 84%\) from 4,096 replications; extra cost \+\u2060£2\.90m a year/);
    expect(goalSeekAnswer(doc)).not.toContain('Borderline');
  });
  it('says a plan is borderline where its interval reaches below the goal (the API\'s sure: false)', () => {
    const plan = { plan: 'longTerm posts +36, campaign x3', probability: 0.81, ci95: [0.794, 0.826], replications: 4096 };
    const doc = { probability: 0.8, answer: { status: 'found', sure: false, plan } };
    expect(goalSeekAnswer(doc)).toMatch(/P 81% \(95% interval 79% to 83%\) from 4,096 replications\. Borderline: its interval reaches below 80%, so this plan may fall short of the goal; a stronger plan is safer$/);
    expect(goalSeekAnswer({ ...doc, answer: { ...doc.answer, sure: true } })).not.toContain('Borderline');
  });
  it('says plainly that the baseline already meets the goal where the cheapest plan is no change', () => {
    // the API's plan of every lever at its weakest: no interventions, extra cost £0
    const plan = { plan: 'assessment posts +0, no campaign, no retention payment', interventions: [],
      probability: 0.8712, ci95: [0.861, 0.881], replications: 4096 };
    const doc = { probability: 0.8, months: 12, answer: { status: 'found', sure: true, plan,
      extraCostPerYear: 0, extraCostPerYearCi95: [0, 0] } };
    expect(goalSeekAnswer(doc)).toBe('The baseline already meets the goal (P 87%, at least 80% asked):'
      + ' no extra posts or spend are needed (P from 4,096 replications, 95% interval 86% to 88%)');
    expect(goalSeekAnswer({ ...doc, answer: { ...doc.answer, sure: false, plan: { ...plan, probability: 0.805, ci95: [0.793, 0.817] } } }))
      .toBe('The baseline already meets the goal (P 81%, at least 80% asked): no extra posts or spend are needed'
        + ' (P from 4,096 replications, 95% interval 79% to 82%). Borderline: its interval reaches below 80%, so the baseline'
        + ' may fall short of the goal; a stronger plan is safer');
    // a plan that adds something, even at £0, is a plan: named as before
    const posts = { ...plan, plan: 'assessment posts +2', interventions: [{ type: 'posts', startMonth: 1, team: 'assessment', fte: 2 }] };
    expect(goalSeekAnswer({ ...doc, answer: { ...doc.answer, plan: posts } })).toMatch(/^Cheapest plan: assessment posts \+2, P 87%/);
  });
  it('tells the baseline by a plan with no interventions, and only by that', async () => {
    const { isBaselinePlan } = await import('../src/decide.js');
    expect(isBaselinePlan({ interventions: [] })).toBe(true);
    expect(isBaselinePlan({ interventions: [{ type: 'campaign' }] })).toBe(false);
    expect(isBaselinePlan({ plan: 'longTerm posts +0' })).toBe(false);
    expect(isBaselinePlan(undefined)).toBe(false);
  });
});

describe('a tornado read without hovering', async () => {
  const { leverWords, tornadoNote, tornadoRows, tornadoTitle, tornadoEnd, tornadoEnds, noiseBars } = await import('../src/decide.js');
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
    expect(tornadoEnds(rows[0], doc.output)).toEqual({ left: 'low 13 \u00b10.04', right: 'high 19 \u00b10.1' });
    // an input whose high setting lowers the output: its left end is the high setting's
    expect(tornadoEnds({ ...rows[0], low: 19, high: 13, lowError: 0.06, highError: 0.04 }, doc.output))
      .toEqual({ left: 'high 13 \u00b10.04', right: 'low 19 \u00b10.1' });
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
      .toContain('The line: every input central, 18.4; not the run\'s mean, which averages over every input\'s uncertainty at once.');
  });

  it('gives an end with no value (null) no swing, not one from 0', () => {
    // a caseload with nobody holding cases at an end: the server sends null, which had been read as 0
    const [row] = tornadoRows({ tornado: { bars: [{ input: 'agencyCap', low: null, high: 4.7 }] } });
    expect(Number.isNaN(row.low)).toBe(true);
    expect(Number.isNaN(row.swing)).toBe(true);
    expect(row.high).toBe(4.7);
  });

  it('says which parameters the levers set and the study left out, and nothing where none', () => {
    // beside an 8% growth assumption, "Referral growth" had been a bar of no effect (a planner's trial)
    expect(tornadoNote({ output: 'caseload at month 24', tornado: { central: 18.44 }, setByLevers: ['referralGrowth'] }))
      .toContain('Left out: Referral growth a year, which the levers or assumptions set in every month, so the uncertainty about it plays no part.');
    expect(tornadoNote({ output: 'caseload at month 24', tornado: { central: 18.44 }, setByLevers: [] })).not.toContain('Left out');
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

describe('a goal-seek\'s probability typed as a percentage without its sign', async () => {
  const { probabilityProblem } = await import('../src/decide.js');
  it('is said to be a fraction or a percentage, in words', () => {
    expect(probabilityProblem('80')).toBe('A probability is a fraction or a percentage: 0.8 or 80%; was "80".');
    expect(probabilityProblem(' 97.5 ')).toBe('A probability is a fraction or a percentage: 0.975 or 97.5%; was "97.5".');
  });
  it('is null for a fraction, a percentage, or what the API names', () => {
    for (const ok of ['0.8', '80%', '1', '100', '0', '-3', 'eighty', '']) expect(probabilityProblem(ok)).toBeNull();
  });
});

describe('the tornado\'s heading', async () => {
  const { tornadoHeading } = await import('../src/decide.js');
  it('names the output in the page\'s words, not the API\'s metric names', () => {
    expect(tornadoHeading({ output: 'caseloadLongTerm at month 24' })).toBe('Tornado of caseload (long-term team) at month 24');
    expect(tornadoHeading({ output: 'unallocatedCases at month 6' })).toBe('Tornado of children waiting unallocated at month 6');
    expect(tornadoHeading({ output: 'caseload at month 12' })).toBe('Tornado of caseload at month 12');
    expect(tornadoHeading({ output: 'somethingNew at month 3' })).toBe('Tornado of somethingNew at month 3');
    expect(tornadoHeading({})).toBe('Tornado');
  });
  it('words the axis and the note as the heading: not the API\'s caseloadLongTerm under caseload (long-term team)', async () => {
    const { outputWords, tornadoNote } = await import('../src/decide.js');
    expect(outputWords('caseloadLongTerm at month 24')).toBe('caseload (long-term team) at month 24');
    expect(outputWords('agencyFte at month 6')).toBe('agency workers (FTE) at month 6');
    const note = tornadoNote({ output: 'caseloadLongTerm at month 24', tornado: { central: 18.3 } });
    expect(note).toMatch(/^Each bar spans caseload \(long-term team\) at month 24 as one input moves/);
    expect(note).not.toContain('caseloadLongTerm');
  });
});

describe('a tornado\'s rows', async () => {
  const { tornadoRowHeight } = await import('../src/decide.js');
  const { wrapWords } = await import('../src/charts.js');
  it('are tall enough for a name wrapped onto three lines (a reviewer saw one run into the next row)', () => {
    expect(tornadoRowHeight([wrapWords('Staff turnover a year', 32)])).toBe(28);
    expect(tornadoRowHeight([wrapWords('Posts (children in need and protection east team)', 32)])).toBe(30);
    const long = wrapWords('Posts (children-in-need-and-protection-east team)', 32);
    expect(long.split('\n')).toHaveLength(3);
    expect(tornadoRowHeight([long])).toBeGreaterThanOrEqual(3 * 13);
  });
});

describe('the frontier\'s cost axis', async () => {
  const { frontierCostTicks } = await import('../src/decide.js');
  it('has ticks that never read alike: as many decimals as their step needs', () => {
    const { ticks, decimals } = frontierCostTicks([7.3e6, 7.7e6]);
    const shown = ticks.map((x) => (x / 1e6).toFixed(decimals));
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toContain('7.35');
    expect(frontierCostTicks([2e6, 30e6]).decimals).toBe(1);
  });
});

describe('endedLine', () => {
  it('says a cancel once, and a failure with its reason', () => {
    expect(endedLine('goal-seek', { status: 'cancelled', error: 'cancelled' })).toBe('goal-seek cancelled');
    expect(endedLine('tornado', { status: 'cancelled', error: null })).toBe('tornado cancelled');
    expect(endedLine('goal-seek', { status: 'failed', error: 'the run is too large for this server' }))
      .toBe('goal-seek failed: the run is too large for this server');
  });
});

describe('a goal-seek\'s plan made the levers', async () => {
  const { leversWithPlan } = await import('../src/decide.js');
  const found = (interventions) => ({ answer: { status: 'found', plan: { plan: 'longTerm posts +30, no campaign', interventions } } });
  const assumption = { type: 'referralGrowth', values: { startMonth: '1', endMonth: '', annualGrowth: '0.05' }, inBaseline: true };
  const oldPlan = { type: 'posts', values: { startMonth: '1', endMonth: '', team: 'assessment', fte: '8' }, inBaseline: false };
  it('keeps the assumptions and puts the plan\'s interventions in place of the plan\'s levers', () => {
    expect(leversWithPlan([assumption, oldPlan], found([{ type: 'posts', startMonth: 1, endMonth: null, team: 'longTerm', fte: 30 }])))
      .toEqual([assumption, { type: 'posts', values: { startMonth: '1', endMonth: '', team: 'longTerm', fte: '30' }, inBaseline: false }]);
  });
  it('offers nothing where no plan was found, or the plan is the baseline itself', () => {
    expect(leversWithPlan([oldPlan], found([]))).toBeNull();
    expect(leversWithPlan([oldPlan], { answer: { status: 'infeasible', best: {} } })).toBeNull();
    expect(leversWithPlan([oldPlan], null)).toBeNull();
  });
});
