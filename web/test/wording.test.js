import { describe, it, expect } from 'vitest';
import { nobodyHoldingNote, planYearLabel, extraCostNote, againstMostNote, snapshotCaption, SNAPSHOT_LABELS } from '../src/wording.js';

describe('planYearLabel', () => {
  it('gives a plan year its dates, and its months where it is not a whole year', () => {
    expect(planYearLabel({ year: 1, months: 12, from: '2019-10-31', to: '2020-09-30' })).toBe('Year 1 (2019-10-31 to 2020-09-30)');
    expect(planYearLabel({ year: 2, months: 6, from: '2020-10-31', to: '2021-03-31' })).toBe('Year 2 (2020-10-31 to 2021-03-31, 6 months)');
    // a trial had read "1 months"
    expect(planYearLabel({ year: 1, months: 1, from: '2019-10-01', to: '2019-10-31' })).toBe('Year 1 (2019-10-01 to 2019-10-31, 1 month)');
  });
});
import { scenarioFacts, roleTitle, allocationMonths, allocationNote, monthRanges, actualsLegend, ALLOCATION_NOTE,
  accuracyNote, shareHalfWidth, isVeryUncertain, uncertaintyWarning }
  from '../src/wording.js';
import { sharedMonths } from '../src/charts.js';
import { defaultDecideLevers } from '../src/decide.js';
import { LEVERS } from '../src/levers.js';

const firstResponse = [{ name: 'firstResponse', role: 'assessment' }, { name: 'longTerm', role: 'longTerm' }];
const localities = [{ name: 'assessment', role: 'assessment' }, { name: 'east', role: 'longTerm' },
  { name: 'west', role: 'longTerm' }];

/** A variant's differences: caseload and unallocated P(better)/P(worse) by month. */
function differences(byMonth) {
  return byMonth.map(([caseloadWorse, unallocatedBetter]) => ({ metrics: {
    caseload: { probabilityBetter: 1 - caseloadWorse, probabilitySame: 0, probabilityWorse: caseloadWorse },
    unallocatedCases: { probabilityBetter: unallocatedBetter, probabilitySame: 0, probabilityWorse: 1 - unallocatedBetter },
  } }));
}

describe('words beside the numbers', () => {
  it('says the base referrals are new ones, re-referrals on top', () => {
    const text = scenarioFacts({ baseDate: '2017-09-30', horizonMonths: 36,
      teams: [{ name: 'firstResponse', establishment: 23, caseloadCap: 25 }, { name: 'longTerm', establishment: 480.6, caseloadCap: 22 }],
      parameters: { demand: { baseMonthly: 837.81 } } });
    expect(text).toContain('838 new referrals a month (re-referrals of closed cases come on top)');
    expect(text).toContain('503.6 posts in all');
    expect(text).not.toMatch(/\d referrals a month/);
    const scilly = scenarioFacts({ baseDate: '2019-09-30', horizonMonths: 12,
      teams: [{ name: 'assessment', establishment: 1, caseloadCap: 25 }],
      parameters: { demand: { baseMonthly: 1.2 } } });
    expect(scilly).toContain('; 1 new referral a month (');
    expect(scilly).not.toContain('waiting');
  });

  it('says the months a run will go on for, as Months says, not the scenario\'s own', () => {
    // an outside trial: Medway 2022 calibrated (36 months), Months 24: the line had said 36
    const sc = { baseDate: '2022-09-30', horizonMonths: 36, teams: [{ name: 'assessment', establishment: 30, caseloadCap: 23 }],
      parameters: { demand: { baseMonthly: 300 } } };
    expect(scenarioFacts(sc, '24')).toMatch(/^Base date 2022-09-30, run for 24 months \(Months, step 2\); teams /);
    expect(scenarioFacts(sc, ' 1 ')).toContain(', run for 1 month (Months, step 2);');
    expect(scenarioFacts(sc, 'x')).toContain(', run for the months set in Months (step 2);');
    expect(scenarioFacts(sc)).toContain(', run for 36 months (Months, step 2);');
  });

  it('says how many cases wait for a worker at the base date, the service\'s and its teams\'', () => {
    const cornwall = scenarioFacts({ baseDate: '2020-09-30', horizonMonths: 36,
      queues: { assessment: 329, childProtection: 0, lookedAfter: 0, childInNeed: 0 },
      teams: [{ name: 'assessment', establishment: 100, caseloadCap: 25, queues: { assessment: 10 } },
        { name: 'longTerm', establishment: 200, caseloadCap: 22 }],
      parameters: { demand: { baseMonthly: 500 } } });
    expect(cornwall).toContain(' 339 cases waiting for a worker at the base date (for a calibrated council,'
      + ' the children awaiting assessment the DfE published): workers take them from month 1');
  });

  it('titles a role\'s chart with its one team, or with all of its teams', () => {
    expect(roleTitle('Caseload', 'assessment', firstResponse, 'x')).toBe('Caseload: firstResponse (assessment team)');
    expect(roleTitle('Caseload', 'longTerm', firstResponse, 'x')).toBe('Caseload: longTerm (long-term team)');
    expect(roleTitle('Caseload', 'longTerm', localities, 'x')).toBe('Caseload: all long-term teams (east, west)');
    expect(roleTitle('Caseload', 'longTerm', [], 'Caseload: long-term team')).toBe('Caseload: long-term team');
  });

  it('notes caseload worse while unallocated is better, at those months only', () => {
    const d = differences([[0.1, 0.9], [0.96, 0.98], [0.96, 0.98], [0.96, 0.3], [0.7, 0.6]]);
    expect(allocationMonths(d, [1, 2, 3, 4, 5])).toEqual([2, 3, 5]);
    expect(allocationMonths(d, [1, 4])).toEqual([]);
    expect(allocationNote([])).toBeNull();
    expect(allocationNote([2, 3, 5])).toBe(`${ALLOCATION_NOTE} (months 2-3, 5).`);
    expect(allocationNote([24])).toBe(`${ALLOCATION_NOTE} (month 24).`);
    expect(ALLOCATION_NOTE).toContain('children who were waiting are now allocated');
    expect(monthRanges([9, 3, 4, 5, 7])).toBe('3-5, 7, 9');
  });

  it('words the published figures for people, without "months up to 0"', () => {
    const text = actualsLegend('Medway', '2019-09-30');
    expect(text).toContain('Published by the DfE for Medway at 30 September of each year up to the base date, 2019-09-30');
    expect(text).not.toContain('months up to 0');
  });

  it('gives every panel of a run one month axis', () => {
    const fan = [1, 2, 24].map((month) => ({ month }));
    const published = [-24, -12, 0].map((month) => ({ month }));
    expect(sharedMonths([fan, fan], [published, []])).toEqual([-24, 24]);
    expect(sharedMonths([fan], [[], []])).toEqual([1, 24]);
    expect(sharedMonths([], [])).toBeUndefined();
  });

  it('starts Decide with posts up to about 30% of the team\'s establishment, in round steps', async () => {
    const { postsRange } = await import('../src/decide.js');
    expect(postsRange(187.45)).toBe('0..60/6');
    expect(postsRange(74.98)).toBe('0..25/5');
    expect(postsRange(112.47)).toBe('0..40/4');
    expect(postsRange(4)).toBe('0..2/1');
    expect(postsRange(0.5)).toBe('0..2/1');
    expect(postsRange(25000)).toBe('0..8000/800');
    expect(postsRange(20)).toBe('0..6/1');
    expect(postsRange(33.33)).toBe('0..10/1');
    expect(postsRange(33.34)).toBe('0..12/2');
    expect(postsRange(undefined)).toBe('0..60/6');
    expect(postsRange(0)).toBe('0..60/6');
    // the top is about 30%: never under it, never more than a round step above
    for (let e = 1; e <= 100000; e = Math.ceil(e * 1.37)) {
      const [, top] = /^0\.\.(\d+)\//.exec(postsRange(e));
      expect(Number(top)).toBeGreaterThanOrEqual(Math.max(2, 0.3 * e) - 1e-9);
      expect(Number(top)).toBeLessThanOrEqual(Math.max(2, 0.3 * e) * 1.34 + 1); // round tops are at most a third apart (3 to 4, 6 to 8)
      const step = Number(/\/(\d+)$/.exec(postsRange(e))[1]);
      expect(Number(top) % step).toBe(0);
      expect(Number(top) / step).toBeGreaterThanOrEqual(2);
      expect(Number(top) / step).toBeLessThanOrEqual(10);
    }
  });

  it('starts Decide from the scenario\'s own teams', () => {
    expect(defaultDecideLevers(localities)).toBe('posts:east=0..60/6\ncampaign=1..3/1'); // no establishment given
    expect(defaultDecideLevers(firstResponse)).toBe('posts:longTerm=0..60/6\ncampaign=1..3/1');
    expect(defaultDecideLevers([{ name: 'a', role: 'assessment' }, { name: 'ltA', role: 'longTerm' }])).toContain('posts:ltA=');
    expect(defaultDecideLevers([])).toBe('campaign=1..3/1');
  });

  it('tells a planner that new posts start vacant', () => {
    expect(LEVERS.posts.help).toContain('New posts start vacant');
    expect(LEVERS.posts.help).toContain('recruitment fills them over months');
    expect(LEVERS.posts.help).toContain("agency policy's cover share");
  });
});

describe('the accuracy of the figures', () => {
  it('states the percentiles, means and probabilities with the run\'s replications', () => {
    const text = accuracyNote({ replications: 1000, requested: 1000, stoppedEarly: false });
    expect(text).toContain('every one comes from the same 1,000 replications.');
    expect(text).toContain('the light 90% band the 5th to 95th');
    expect(text).toContain('nearest rank, within 0.5% of the exact ones');
    expect(text).toContain('exact for counts of children and cases and for staff FTE up to 1,024');
    expect(text).toContain('mean \u00b1 about 1.96 standard errors; Student\'s t for few replications');
    expect(text).toContain('at most \u00b13.2 points');
    expect(text).not.toContain('P(better)');
    expect(text).toContain('could move by about its \u00b1 (95% Monte Carlo error)');
  });
  it('says percentiles of under 100 replications have no stated Monte Carlo error', () => {
    const text = accuracyNote({ replications: 99, requested: 99, stoppedEarly: false });
    expect(text).toContain('Under 100 replications their Monte Carlo error is not estimated.');
    expect(text).not.toContain('could move by about');
  });
  it('of one replication, in the singular (a trial had read "the same 1 replications")', () => {
    const text = accuracyNote({ replications: 1, requested: 1, stoppedEarly: false, comparison: true });
    expect(text).toContain('every one comes from 1 replication.');
    expect(text).toContain('percentiles of the 1 replication (');
    expect(text).toContain('shares of the 1 replication;');
    expect(text).not.toContain('1 replications');
  });
  it('says so when a run stopped early, and adds the differences for a comparison', () => {
    const text = accuracyNote({ replications: 256, requested: 4096, stoppedEarly: true, comparison: true });
    expect(text).toContain('the same 256 replications (of 4,096 asked for');
    expect(text).toContain('P(better), P(same) and P(worse) are shares of the 256 replications');
    expect(text).toContain('not an interval of its mean');
    expect(text).toContain('percentage points');
  });
  it('bounds a share\'s 95% interval by its widest reach, rounded up', () => {
    // The farthest either end of the engine's 95% Clopper-Pearson interval of k of n lies from
    // k / n, over every k, in points: computed exactly with scipy.stats.beta.ppf (the 2.5%
    // quantile of Beta(k, n - k + 1), the 97.5% of Beta(k + 1, n - k)).
    const widest = { 10: 35.60954623076415, 100: 10.28808042760862, 256: 6.317316295870279,
      1000: 3.148603238970532, 4096: 1.543384019598798 };
    for (const [n, reach] of Object.entries(widest)) {
      expect(shareHalfWidth(Number(n))).toBeGreaterThanOrEqual(reach);
      expect(shareHalfWidth(Number(n)) - reach).toBeLessThan(0.5);
    }
    expect(shareHalfWidth(1000)).toBe(3.2);
    // one replication: at most 100 points (the formula's 148; the exact reach 97.5)
    expect(shareHalfWidth(1)).toBe(100);
  });
});

describe('a comparison\'s rows', async () => {
  const { comparedLabel } = await import('../src/wording.js');
  it('say the cost is a month\'s', () => {
    expect(comparedLabel('cost', 12)).toBe('Cost a month, month 12');
    expect(comparedLabel('caseload', 24)).toBe('Caseload, month 24');
    expect(comparedLabel('unallocatedCases', 24)).toBe('Children waiting unallocated, month 24');
    expect(comparedLabel('vacancyRate', 12)).toBe('Vacancy rate, month 12');
  });
});

describe('what a run\'s baseline assumed', async () => {
  const { assumptionsText } = await import('../src/wording.js');
  it('a calibration\'s notes, a saved scenario as stored, a preset by name', () => {
    expect(assumptionsText({ notes: ['a', 'b'] })).toBe('a | b');
    expect(assumptionsText({ notes: [], saved: { name: 'Plan A', version: 2 }, preset: undefined }))
      .toBe('as stored in the saved scenario "Plan A" (version 2); the notes of the calibration or preset it came from are not stored with it');
    expect(assumptionsText({ notes: [], preset: 'medway-2019' })).toBe('as in the preset medway-2019 (docs/calibration.md)');
  });
});

describe('targets in a planner\'s words', async () => {
  const { targetLabel, TARGET_OPERATORS } = await import('../src/wording.js');
  it('names the metric as the charts do and the comparison in words', () => {
    expect(targetLabel('caseload <= 18 at month 12')).toBe('Caseload at most 18 at month 12');
    expect(targetLabel('unallocatedCases < 50 at month 6')).toBe('Children waiting unallocated under 50 at month 6');
    expect(targetLabel('inPostFte >= 120.5 at month 36')).toBe('Staff in post (FTE) at least 120.5 at month 36');
    expect(Object.keys(TARGET_OPERATORS)).toEqual(['<=', '<', '>=', '>']);
  });
  it('writes a rate as its exact percentage and a cost in pounds, never rounded', () => {
    expect(targetLabel('vacancyRate <= 0.15 at month 36')).toBe('Vacancy rate at most 15% at month 36');
    expect(targetLabel('agencyRate > 0.155 at month 1')).toBe('Agency rate over 15.5% at month 1');
    expect(targetLabel('vacancyRate <= 0.07 at month 2')).toBe('Vacancy rate at most 7% at month 2'); // 0.07 * 100 is 7.000000000000001
    expect(targetLabel('cost <= 1234567.5 at month 12')).toBe('Cost a month at most \u00a31,234,567.5 at month 12');
    expect(targetLabel('cost <= 1000.005 at month 1')).toBe('Cost a month at most \u00a31,000.005 at month 1');
    expect(targetLabel('cost <= 0.004 at month 1')).toBe('Cost a month at most \u00a30.004 at month 1');
  });
  it('names every target together as all of them in the same future', async () => {
    const { EVERY_TARGET } = await import('../src/wording.js');
    expect(targetLabel(EVERY_TARGET)).toBe('All of these targets in the same future');
    expect(targetLabel('Every target together')).toBe('Every target together');
  });
  it('leaves what it cannot read as the API\'s text', () => {
    for (const t of ['staffInPostAssessment <= 3 at month 2', 'caseload <= 18 in every month', 'caseload ≤ 18 at month 2', '']) {
      expect(targetLabel(t)).toBe(t);
    }
  });
});

describe('the month axis names the base date', async () => {
  const { monthAxisLabel } = await import('../src/charts.js');
  it('counts back from any row', () => {
    expect(monthAxisLabel([{ month: 1, date: '2019-10-31' }])).toBe('Months after Sep 2019');
    expect(monthAxisLabel([{ month: 36, date: '2022-09-30' }])).toBe('Months after Sep 2019');
    expect(monthAxisLabel([{ month: 4, date: '2021-03-31' }])).toBe('Months after Nov 2020');
    expect(monthAxisLabel([{ month: 1, date: '2022-01-31' }])).toBe('Months after Dec 2021');
    expect(monthAxisLabel([{ month: -12, date: '2018-09-30' }])).toBe('Months after Sep 2019'); // a published figure
  });
  it('says Month where no row has a date', () => {
    expect(monthAxisLabel([])).toBe('Month');
    expect(monthAxisLabel([{ month: 1 }])).toBe('Month');
  });
});

describe('a baseline whose calibration found parameters very uncertain', () => {
  // Leeds 2021's notes, as the engine writes them
  const notes = ['referrals: 579 a month',
    'very uncertain: fillProbability: drawn with sd 0.286 a month, 4.5 times the typical council\'s 0.063 a month, ...',
    'very uncertain: agencyCoverShare: drawn with sd 42.1 points, 2.9 times the typical council\'s 14.6 points, ...'];
  it('is warned of in planners\' words, naming what is uncertain', () => {
    const wide = notes.filter(isVeryUncertain);
    expect(wide).toHaveLength(2);
    expect(uncertaintyWarning(wide)).toBe('Wide bands ahead: this council\'s own figures disagree from year to year on'
      + ' how fast vacancies are filled and how much agency staff cover vacancies, far more than the typical council\'s,'
      + ' so replications differ widely and the bands are wide. Read the notes below, and check the council\'s returns'
      + ' before relying on the bands.');
  });
});

describe('targets beyond the months to run', async () => {
  const { targetsBeyondMonths } = await import('../src/wording.js');
  const targets = ['vacancyRate <= 0.15 at month 12', 'cost <= 1300000 at month 12', 'caseload <= 18 at month 3'];
  it('names every one in the page\'s words, with what to do', () => {
    expect(targetsBeyondMonths(targets, '6')).toBe('The targets "Vacancy rate at most 15% at month 12", '
      + '"Cost a month at most £1,300,000 at month 12" are beyond the 6 months to run: raise Months to 12 or remove them.');
    expect(targetsBeyondMonths(targets.slice(1), ' 6 ')).toBe('The target "Cost a month at most £1,300,000 at month 12"'
      + ' is beyond the 6 months to run: raise Months to 12 or remove the target.');
  });
  it('is null where every target is within Months, or Months is not a whole number of at least 1 (the API names it)', () => {
    expect(targetsBeyondMonths(targets, '12')).toBeNull();
    expect(targetsBeyondMonths(targets, '0')).toBeNull(); // "beyond the 0 months" had hidden Months' own fault
    expect(targetsBeyondMonths(targets, '00')).toBeNull();
    expect(targetsBeyondMonths([], '1')).toBeNull();
    expect(targetsBeyondMonths(targets, 'six')).toBeNull();
    expect(targetsBeyondMonths(targets, '')).toBeNull();
  });
});

describe('nobodyHoldingNote', () => {
  const run = (...holding) => ({ monthly: holding.map((h, i) => ({ month: i + 1,
    metrics: { caseHolderFte: { shareAboveZero: h } } })) });

  it('is null where someone always holds cases', () => {
    expect(nobodyHoldingNote([{ result: run(1, 1, 1) }])).toBeNull();
  });

  it('names the month with the most replications holding nobody, per run', () => {
    expect(nobodyHoldingNote([{ result: run(1, 0.9, 0.784, 0.8) }])).toBe('Nobody holds cases in some '
      + 'replications (most: 22% of replications at month 3). A caseload there is no caseload, not a low '
      + 'one: the caseloads shown are of the other replications, and a target on a caseload is not met there.');
    expect(nobodyHoldingNote([{ label: 'baseline', result: run(0.99, 0.95) },
      { label: 'plan', result: run(1, 1) }])).toContain('(most: baseline: 5% of replications at month 2)');
    expect(nobodyHoldingNote([{ label: 'baseline', result: run(0.5) },
      { label: 'plan', result: run(0.9995) }])).toContain('baseline: 50% of replications at month 1; plan: <0.1% of');
  });
});

describe('noValueNote', async () => {
  const { noValueNote } = await import('../src/wording.js');
  const run = (replications, ...ns) => ({ replications, monthly: ns.map((n, i) => ({ month: i + 1,
    metrics: Object.fromEntries(['agencyRate', 'vacancyRate'].map((m) => [m, n === undefined ? { mean: 0.1 } : { n, mean: 0.1 }])) })) });

  it('is null where the rate always has a value, or the result says no n', () => {
    expect(noValueNote([{ result: run(400, 400, 400) }], 'agencyRate')).toBeNull();
    expect(noValueNote([{ result: run(400, undefined, undefined) }], 'agencyRate')).toBeNull();
  });

  it('names the month with the fewest values and why, per run', () => {
    expect(noValueNote([{ result: run(500, 500, 450, 400, 420) }], 'agencyRate')).toBe('The agency rate has no '
      + 'value in some replications (most: 20% of replications at month 3): nobody in post, permanent or agency. '
      + 'Those are left out of this chart, and a target on it is not met there.');
    expect(noValueNote([{ label: 'baseline', result: run(100, 100) }, { label: 'plan', result: run(100, 90) }],
      'vacancyRate')).toContain('(most: plan: 10% of replications at month 1): no posts and nobody in post.');
  });
});

describe('the saved scenarios\' rows', async () => {
  const { savedRows } = await import('../src/wording.js');
  const { dateTime } = await import('../src/format.js');
  // times made in the reader's own time zone, as the page shows them, whatever the machine's
  const at = (h, m, s) => new Date(2026, 11, 3, h, m, s).toISOString();
  it('writes a moment to the minute, or to the second', () => {
    expect(dateTime(at(7, 31, 5))).toBe('3 Dec 2026 07:31');
    expect(dateTime(at(17, 4, 59), { seconds: true })).toBe('3 Dec 2026 17:04:59');
    expect(dateTime(new Date(2027, 0, 14, 0, 0, 0).toISOString())).toBe('14 Jan 2027 00:00');
  });
  it('keeps a name that is its own, and tells names that repeat apart by when each was saved', () => {
    const items = [{ name: 'Rutland retention test', updatedAt: at(7, 31, 5) },
      { name: 'Medway plan', updatedAt: at(7, 32, 0) },
      { name: 'Rutland retention test', updatedAt: at(7, 40, 12) }];
    expect(savedRows(items)).toEqual([
      { when: '3 Dec 2026 07:31', label: 'Rutland retention test (saved 3 Dec 2026 07:31)', repeated: true },
      { when: '3 Dec 2026 07:32', label: 'Medway plan', repeated: false },
      { when: '3 Dec 2026 07:40', label: 'Rutland retention test (saved 3 Dec 2026 07:40)', repeated: true }]);
  });
  it('gives the second where the minute is the same, and the row where the second is too; names alike as read', () => {
    const items = [{ name: 'Rutland retention test', updatedAt: at(7, 31, 5) },
      { name: 'rutland  retention test', updatedAt: at(7, 31, 40) },
      { name: 'Kent', updatedAt: at(8, 0, 1) }, { name: 'Kent', updatedAt: at(8, 0, 1) }];
    expect(savedRows(items).map((r) => r.label)).toEqual([
      'Rutland retention test (saved 3 Dec 2026 07:31:05)', 'rutland  retention test (saved 3 Dec 2026 07:31:40)',
      'Kent (saved 3 Dec 2026 08:00:01, row 3)', 'Kent (saved 3 Dec 2026 08:00:01, row 4)']);
    expect(savedRows(items)[1].when).toBe('3 Dec 2026 07:31:40');
  });
});

describe('extraCostNote', () => {
  it('says where the mean extra cost points the other way to most futures', () => {
    // an outside trial: Medway 2022, four levers, 500 x 36, seed 1 (the comparison's extraCost)
    const perYear = { label: 'A year on average', mean: -905_426, p50: 142_687, p5: -5_791_947, p95: 882_082, shareAboveZero: 0.534 };
    const year2 = { label: 'year 2', mean: -815_276, p50: 376_078, p5: -5_841_262, p95: 856_126, shareAboveZero: 0.592 };
    const year3 = { label: 'year 3', mean: -1_605_999, p50: -43_008, p5: -8_950_764, p95: 936_682, shareAboveZero: 0.496 };
    expect(extraCostNote([perYear, year2, year3])).toBe('A year on average: in most futures (53%) the plan costs more'
      + ' (median +\u2060£143k); the average saving of £905k comes from a few futures where it saves far more'
      + ' (5th percentile \u2212\u2060£5.8m). Likewise year 2: mean \u2212\u2060£815k, median +\u2060£376k, costs more in 59%.');
    // the headline with most futures, a year without: the year alone
    expect(extraCostNote([{ ...perYear, p50: -1000, shareAboveZero: 0.4 }, year2])).toMatch(/^year 2: in most futures \(59%\) the plan costs more/);
    // all one way: nothing to say
    expect(extraCostNote([{ ...perYear, p50: -1000, shareAboveZero: 0.4 }, year3])).toBeNull();
  });
  it('and the reverse: a mean extra cost while most futures cost no more', () => {
    const s = { label: 'A year on average', mean: 100_000, p50: -20_000, p5: -50_000, p95: 2_000_000, shareAboveZero: 0.3 };
    expect(extraCostNote([s])).toBe('A year on average: in most futures (70%) the plan costs no more (median \u2212\u2060£20k);'
      + ' the average extra cost of £100k comes from a few futures where it costs far more (95th percentile +\u2060£2m).');
  });
});

describe('againstMostNote', () => {
  it('names the rows whose mean difference points the other way to most futures', () => {
    const rows = [
      { label: 'Caseload, month 12', metric: 'caseload', mean: 0.255, written: '+0.3', better: 0.642, worse: 0.358 },
      { label: 'Caseload, month 36', metric: 'caseload', mean: 1.61, written: '+1.6', better: 0.484, worse: 0.516 },
      { label: 'Staff in post (FTE), month 12', metric: 'inPostFte', mean: -2, written: '\u22122.0', better: 0.6, worse: 0.4 },
      { label: 'Children waiting unallocated, month 36', metric: 'unallocatedCases', mean: 1.1, written: '+1.1', better: 0, worse: 0.01 },
    ];
    expect(againstMostNote(rows)).toBe('The mean difference and most futures point different ways in Caseload, month 12'
      + ' (mean +0.3, yet lower in 64% of futures); Staff in post (FTE), month 12 (mean \u22122.0, yet higher in 60% of futures):'
      + ' a few futures with large differences outweigh many with small ones.');
    expect(againstMostNote(rows.slice(1, 2))).toBeNull();
  });
});

describe('the 30 September indicators', () => {
  it('are headed as simulated, and the cost is the year\'s to 30 September', () => {
    expect(snapshotCaption('Baseline: ')).toBe('Baseline: simulated DfE indicators at 30 September');
    expect(snapshotCaption()).toBe('Simulated DfE indicators at 30 September');
    expect(SNAPSHOT_LABELS.cost).toBe('Cost in the year to 30 September');
  });
});

describe('notes shown as warnings', async () => {
  const { isWarnedNote, noteWarning } = await import('../src/wording.js');
  it('tells a doubtful return and futures recruiting nobody by their notes, and warns in the notes\' words', () => {
    const doubtful = 'doubtful return: the 417 cases held are 13% of the 3,305 children the census counts';
    const none = 'no recruitment: the fill probability (0.041 a month, sd 0.036 across replications) is drawn as 0'
      + ' in 13% of replications';
    expect(isWarnedNote(doubtful)).toBe(true);
    expect(isWarnedNote(none)).toBe(true);
    expect(isWarnedNote('durations scaled by 0.30 so the long-term cases ...')).toBe(false);
    expect(noteWarning(doubtful)).toBe('Doubtful return: the 417 cases held are 13% of the 3,305 children the census counts.');
    expect(noteWarning(none)).toBe('Some futures recruit nobody: the fill probability (0.041 a month, sd 0.036 across'
      + ' replications) is drawn as 0 in 13% of replications.');
  });
});

describe('figures of fewer replications', async () => {
  const { someLeftOut, accuracyNote } = await import('../src/wording.js');
  it('are told by a summary\'s n below the run\'s, and said in the accuracy note', () => {
    const run = (n) => ({ replications: 400, monthly: [{ month: 1, metrics: { caseload: { n, mean: 4 }, cost: { n: 400 } } }] });
    expect(someLeftOut(run(400))).toBe(false);
    expect(someLeftOut(run(380))).toBe(true);
    expect(someLeftOut(run(400), run(399))).toBe(true);
    expect(someLeftOut({ replications: 400, monthly: [{ month: 1, metrics: { caseload: { mean: 4 } } }] })).toBe(false);
    expect(accuracyNote({ replications: 400 })).not.toContain('left out');
    expect(accuracyNote({ replications: 400, leftOut: true, comparison: true }))
      .toContain('that replication is left out of its figures, which are then of fewer replications than these, and its'
        + ' differences and P(better), P(same) and P(worse) are of the pairs where both have one');
  });
});

