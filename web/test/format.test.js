import { describe, it, expect } from 'vitest';
import {
  number, percent, probability, money, metricValue, kindOf, typedNumber, nonzero, points, pointsNumber,
  difference, differenceWithInterval, meanInterval95, shares, errorValue, intervalExtra,
} from '../src/format.js';
import { timeLeft, progressReader, probabilityAgainst } from '../src/format.js';

describe('probabilityAgainst', () => {
  it('never shows a probability on the other side of the goal it is read against', () => {
    // a goal-seek trial: P 0.7954 beside an 80% goal had read '80%'
    expect(probabilityAgainst(0.7954, 0.8)).toBe('79.5%');
    expect(probabilityAgainst(0.79996, 0.8)).toBe('79.996%');
    expect(probabilityAgainst(0.8, 0.8)).toBe('80%');
    expect(probabilityAgainst(0.8049, 0.8)).toBe('80%');
    expect(probabilityAgainst(0.8951, 0.9)).toBe('89.5%');
    expect(probabilityAgainst(0.9049, 0.9)).toBe('90%');
    // within a thousandth of a point of the goal, below it: said so, not '50%'
    expect(probabilityAgainst(0.499996, 0.5)).toBe('<50%');
    expect(probabilityAgainst(0.7999996, 0.8)).toBe('<80%');
    // far from the goal, or without one: as probability writes it
    expect(probabilityAgainst(0.7954, 0.5)).toBe('80%');
    expect(probabilityAgainst(0.7954, undefined)).toBe(probability(0.7954));
    expect(probabilityAgainst(0.9996, 0.9995)).toBe('>99.9%');
    expect(probabilityAgainst(null, 0.8)).toBe('\u2013');
  });
});

describe('typedNumber', () => {
  it('reads numbers as planners type them', () => {
    expect(typedNumber('1000')).toBe(1000);
    expect(typedNumber(' 1,000 ')).toBe(1000);
    expect(typedNumber('£2,500,000')).toBe(2500000);
    expect(typedNumber('-£1,000.50')).toBe(-1000.5);
    expect(typedNumber('0.15')).toBe(0.15);
    expect(typedNumber('.5')).toBe(0.5);
    expect(typedNumber('1e3')).toBe(1000);
    expect(typedNumber('1 000')).toBe(1000);
    expect(typedNumber('£ 12 500')).toBe(12500);
  });
  it('never reads a decimal comma or other text as another number', () => {
    expect(typedNumber('1,5')).toBe('1,5');
    expect(typedNumber('1,50')).toBe('1,50');
    expect(typedNumber('12,3456')).toBe('12,3456');
    expect(typedNumber('15%')).toBe('15%');
    expect(typedNumber('1 5')).toBe('1 5');
    expect(typedNumber('1 50')).toBe('1 50');
    expect(typedNumber('1,000 000')).toBe('1,000 000');
    expect(typedNumber('0x10')).toBe('0x10');
    expect(typedNumber('ten')).toBe('ten');
    expect(typedNumber('Infinity')).toBe('Infinity');
    expect(typedNumber('1e400')).toBe('1e400');
  });
  it('gives null for a blank field', () => {
    expect(typedNumber('')).toBeNull();
    expect(typedNumber('  ')).toBeNull();
    expect(typedNumber(undefined)).toBeNull();
  });
});

describe('format', () => {
  it('writes numbers with a decimal and thousands separators', () => {
    expect(number(18.43)).toBe('18.4');
    expect(number(2623, 0)).toBe('2,623');
    expect(number(-0.04)).toBe('0');
    expect(number(-3.26)).toBe('\u22123.3');
    expect(number(NaN)).toBe('\u2013');
  });
  it('writes shares as percentages with precision that fits their size', () => {
    expect(percent(0.23)).toBe('23%');
    expect(percent(0.054)).toBe('5.4%');
    expect(percent(0.0004)).toBe('0.04%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(1999 / 2000)).toBe('>99.9%');
    expect(percent(1.25)).toBe('125%');
  });
  it('never writes a share as 0% or 100% unless it is', () => {
    expect(percent(0.00001)).toBe('0.001%');
    expect(percent(0.00004)).toBe('0.004%');
    expect(percent(0.997)).toBe('99.7%');
    expect(percent(0.995)).toBe('99.5%');
    expect(percent(0.9949)).toBe('99%');
    expect(percent(0.99999)).toBe('>99.9%');
  });
  it('never rounds a probability to certainty', () => {
    expect(probability(0.175)).toBe('18%');
    expect(probability(0.5)).toBe('50%');
    expect(probability(0.99)).toBe('99%');
    expect(probability(0.01)).toBe('1%');
    expect(probability(1)).toBe('100%');
    expect(probability(0)).toBe('0%');
    expect(probability(null)).toBe('\u2013');
  });
  it('writes probabilities near 0 and 1 with a decimal, or as beyond 99.9% and 0.1%', () => {
    expect(probability(4095 / 4096)).toBe('>99.9%');
    expect(probability(1 / 4096)).toBe('<0.1%');
    expect(probability(999 / 1000)).toBe('99.9%');
    expect(probability(1 / 1000)).toBe('0.1%');
    expect(probability(0.004)).toBe('0.4%');
    expect(probability(0.996)).toBe('99.6%');
    expect(probability(0.9951)).toBe('99.5%');
    expect(probability(0.0049)).toBe('0.5%');
    for (const n of [200, 1000, 4096, 50000]) {
      for (const k of [1, 2, n - 2, n - 1]) {
        expect(probability(k / n)).not.toMatch(/^(0|100)%$/);
      }
    }
  });
  it('writes a nonzero number with the decimals of its first significant digit rather than as 0', () => {
    expect(nonzero(0.3, 0)).toBe('0.3');
    expect(nonzero(-0.3, 0)).toBe('\u22120.3');
    expect(nonzero(0.0024, 1)).toBe('0.002');
    expect(nonzero(0, 1)).toBe('0');
    expect(nonzero(2.34, 1)).toBe('2.3');
  });
  it('writes differences of shares in percentage points, never +0 for a nonzero one', () => {
    // the decimal kept, so the means beside it add up (10.3% and 7.3% beside -3.0, not -3)
    expect(points(0.02)).toBe('+2.0 points');
    expect(points(-0.0304)).toBe('\u22123.0 points');
    expect(points(0.004)).toBe('+0.4 points');
    expect(points(-0.004)).toBe('\u22120.4 points');
    expect(points(0.123)).toBe('+12 points');
    expect(points(0.0523)).toBe('+5.2 points');
    expect(points(1 / 4096)).toBe('+0.02 points');
    expect(points(0)).toBe('0 points');
    expect(points(-0)).toBe('0 points');
    expect(pointsNumber(-0.012)).toBe('\u22121.2');
    expect(points(NaN)).toBe('\u2013');
  });
  it('writes a plan\'s difference in its metric\'s unit, rates in points', () => {
    // one replication: a difference but no interval, a dash at each end whatever the kind (a
    // caseload's had read "(0 to 0)" beside -1.2, a planner's trial)
    expect(differenceWithInterval('caseload', -1.2, [null, null])).toBe('\u22121.2 (\u2013 to \u2013)');
    expect(differenceWithInterval('inPostFte', 36, [null, null])).toBe('+36.0 (\u2013 to \u2013)');
    expect(differenceWithInterval('unallocatedCases', 3, [null, null])).toBe('+3 (\u2013 to \u2013)');
    expect(differenceWithInterval('vacancyRate', 0.02, [null, null])).toBe('+2.0 points (\u2013 to \u2013)');
    expect(difference('vacancyRate', 0.22 - 0.2)).toBe('+2.0 points');
    expect(difference('caseload', -3.01)).toBe('\u22123.0');
    expect(difference('agencyRate', -0.013)).toBe('\u22121.3 points');
    expect(difference('caseload', -3.26)).toBe('\u22123.3');
    expect(difference('unallocatedCases', 12.4)).toBe('+12');
    expect(difference('unallocatedCases', 0.3)).toBe('+0.3');
    expect(difference('unallocatedCases', 0)).toBe('0');
    expect(difference('cost', 46_000)).toBe('+\u2060£46k'); // joined: never broken apart;
    expect(difference('cost', -1_200_000)).toBe('\u2212\u2060£1.2m'); // joined: never broken apart
    expect(differenceWithInterval('vacancyRate', 0.021, [0.018, 0.024])).toBe('+2.1 points (1.8 to 2.4)');
    expect(differenceWithInterval('inPostFte', 7.9, [7.7, 8.1])).toBe('+7.9 (7.7 to 8.1)');
    expect(differenceWithInterval('vacancyRate', -0.004, [-0.009, 0.001])).toBe('\u22120.4 points (\u22120.9 to 0.1)');
  });
  it('writes P(better), P(same) and P(worse) as whole percentages adding up to 100', () => {
    expect(shares(0.055, 0.04, 0.905)).toEqual(['6%', '4%', '90%']);
    expect(shares(0.004, 0.996, 0)).toEqual(['<1%', '>99%', '0%']);
    expect(shares(0, 1, 0)).toEqual(['0%', '100%', '0%']);
    expect(shares(NaN, 1, null)).toEqual(['\u2013', '100%', '\u2013']);
    for (let b = 0; b <= 200; b += 1) {
      for (let s = 0; b + s <= 200; s += 7) {
        const ps = [b / 200, s / 200, (200 - b - s) / 200];
        const pts = shares(...ps).map((t) => (t === '<1%' ? 0 : t === '>99%' ? 100 : parseInt(t, 10)));
        expect(pts.reduce((x, y) => x + y, 0)).toBe(100);
        pts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(Math.floor(100 * ps[i] - 1e-9));
          expect(p).toBeLessThanOrEqual(Math.ceil(100 * ps[i] + 1e-9));
        });
      }
    }
  });
  it('takes a mean\'s 95% interval as the engine gives it, and none where it has none', () => {
    expect(meanInterval95({ mean: 100, se: 10, ci95: [77.4, 122.6] })).toEqual([77.4, 122.6]);
    expect(meanInterval95({ mean: 5, se: null, ci95: [null, null] })).toBeNull();
    expect(meanInterval95({ mean: 5, se: 1 })).toBeNull();
  });
  it('writes money in pounds with k and m', () => {
    expect(money(1_234_567)).toBe('£1.2m');
    expect(money(450_000)).toBe('£450k');
    expect(money(5_500)).toBe('£5.5k');
    expect(money(820)).toBe('£820');
    expect(money(-300_000)).toBe('\u2212\u2060£300k');
    expect(money(-2_600_000)).toBe('\u2212\u2060£2.6m');
    expect(money(14_454_249)).toBe('£14.5m');
    expect(money(250_000_000)).toBe('£250m');
  });
  it('knows each metric\'s kind from its name', () => {
    expect(kindOf('vacancyRate')).toBe('rate');
    expect(kindOf('costAgency')).toBe('money');
    expect(kindOf('caseloadAssessment')).toBe('caseload');
    expect(kindOf('inPostFte')).toBe('fte');
    expect(kindOf('unallocatedCases')).toBe('count');
    expect(metricValue('agencyRate', 0.261)).toBe('26%');
    expect(metricValue('caseload', 20.187)).toBe('20.2');
  });
});

describe('means beside their differences', async () => {
  const { meanBeside } = await import('../src/format.js');
  it('a rate\'s means get the decimal its difference has', () => {
    expect(meanBeside('vacancyRate', 0.2012, -0.034)).toBe('20.1%');
    expect(meanBeside('vacancyRate', 0.16, -0.034)).toBe('16.0%');
    expect(meanBeside('vacancyRate', 0.2012, -0.12)).toBe('20%');
    // a planner's trial read "10% | 7.3% | -3 points": now 10.3% and 7.3% beside -3.0
    expect(meanBeside('vacancyRate', 0.1030, -0.0304)).toBe('10.3%');
    expect(meanBeside('vacancyRate', 0.0726, -0.0304)).toBe('7.3%');
    expect(meanBeside('vacancyRate', 0.0726, -0.124)).toBe('7%');
  });
  it('counts and caseloads follow the difference\'s decimals; money is money', () => {
    expect(meanBeside('unallocatedCases', 12, 0.4)).toBe('12.0');
    expect(meanBeside('caseload', 19.84, 0.6)).toBe('19.8');
    expect(meanBeside('unallocatedCases', 12.3, 3)).toBe('12');
    // under 10, a decimal whatever the difference: 0.554 is not 1
    expect(meanBeside('unallocatedCases', 0.554, -0.964)).toBe('0.6');
    expect(meanBeside('unallocatedCases', 1.518, -0.964)).toBe('1.5');
    expect(meanBeside('unallocatedCases', 0.39, -0.07)).toBe('0.39');
    expect(meanBeside('unallocatedCases', 0, -0.964)).toBe('0.0');
    expect(meanBeside('caseload', 16.0, 0.3)).toBe('16.0');
  });
  it('money to the difference\'s last digit, so the means differ by what it says', () => {
    // a trial's "£1.2m | £1.3m | +£17k": now £1.243m | £1.260m
    expect(meanBeside('cost', 1_243_100, 17_000)).toBe('£1.243m');
    expect(meanBeside('cost', 1_260_100, 17_000)).toBe('£1.260m');
    expect(meanBeside('cost', 1_234_567, 286)).toBe('£1.2346m'); // at most three digits more
    expect(meanBeside('cost', 1_234_567, 1_200_000)).toBe('£1.2m');
    expect(meanBeside('cost', 1_234_567, 0)).toBe('£1.2m');
  });
  it('a count\'s difference keeps the decimal its means have under 10', async () => {
    const { rowExtra, differenceWithInterval } = await import('../src/format.js');
    // a trial's "0.0 | 1.1 | +1 (−0.3 to 3)"
    const extra = rowExtra('unallocatedCases', 0, 1.098, [-0.337, 2.533]);
    expect(extra).toBe(1);
    expect(differenceWithInterval('unallocatedCases', 1.098, [-0.337, 2.533], extra)).toBe('+1.1 (\u22120.3 to 2.5)');
    expect(meanBeside('unallocatedCases', 0, 1.098, extra)).toBe('0.0');
    expect(meanBeside('unallocatedCases', 1.098, 1.098, extra)).toBe('1.1');
    // means of 10 or more: whole numbers, as before
    expect(rowExtra('unallocatedCases', 12, 15, [1, 5])).toBe(0);
    expect(rowExtra('caseload', 1, 2, [0.5, 1.5])).toBe(0);
  });
  it('a difference under its last digit gets the digits that show it, and the means with it', async () => {
    const { rowExtra, differenceWithInterval } = await import('../src/format.js');
    // a planner's trial: children waiting 14.555 and 15.175 read "15 | 15 | +1 (−0.5 to 2)"
    const extra = rowExtra('unallocatedCases', 14.555, 15.175, [-0.5, 2], 0.62);
    expect(extra).toBe(1);
    expect([meanBeside('unallocatedCases', 14.555, 0.62, extra), meanBeside('unallocatedCases', 15.175, 0.62, extra),
      differenceWithInterval('unallocatedCases', 0.62, [-0.5, 2], extra)]).toEqual(['14.6', '15.2', '+0.6 (−0.5 to 2.0)']);
    expect(rowExtra('unallocatedCases', 14.5, 16.1, [-0.5, 3], 1.6)).toBe(0);
    expect(rowExtra('unallocatedCases', 14.5, 14.5, [0, 0], 0)).toBe(0);
    expect(rowExtra('caseload', 19.9, 19.93, [0.01, 0.05], 0.03)).toBe(1);
  });
  it('a rate under 1% keeps two decimals beside its difference, its zeros too', () => {
    // a planner's trial: "1.34% | 1% | −0.35 points" for 0.998%
    expect(meanBeside('agencyRate', 0.00998, -0.0035, 1)).toBe('1.00%');
    expect(meanBeside('agencyRate', 0.0134, -0.0035, 1)).toBe('1.34%');
    expect(meanBeside('agencyRate', 0.00998, -0.0035)).toBe('1.00%');
    expect(meanBeside('agencyRate', 0.005, -0.12)).toBe('0.50%');
  });
  it('means take the decimals the difference is written with, its interval\'s included', async () => {
    const { differenceWithInterval, intervalExtra } = await import('../src/format.js');
    // children waiting 0.004 and 0.06, a difference of 0.056 with an interval -0.1 to 0.3:
    // the difference is written +0.1, so the means are 0.0 and 0.1, not 0.00 and 0.06
    const extra = intervalExtra('unallocatedCases', -0.1, 0.3);
    expect(differenceWithInterval('unallocatedCases', 0.056, [-0.1, 0.3])).toBe('+0.1 (\u22120.1 to 0.3)');
    expect(meanBeside('unallocatedCases', 0.004, 0.056, extra)).toBe('0.0');
    expect(meanBeside('unallocatedCases', 0.06, 0.056, extra)).toBe('0.1');
    // a narrow interval asks for more: +0.06 (0.05 to 0.07), and the means with two decimals
    const narrow = intervalExtra('unallocatedCases', 0.05, 0.07);
    expect(differenceWithInterval('unallocatedCases', 0.056, [0.05, 0.07])).toBe('+0.06 (0.05 to 0.07)');
    expect(meanBeside('unallocatedCases', 0.004, 0.056, narrow)).toBe('0.00');
  });
});

describe('a percentile, to the precision it has', async () => {
  const { percentileValue } = await import('../src/format.js');
  it('writes a count or staff above 1,024 to 3 significant figures, anything else as the metric is', () => {
    // England's cases had read 333,703 in two years, a percentile within 0.5%
    expect(percentileValue('cases', 333_703)).toBe('334,000');
    expect(percentileValue('referrals', 649_260)).toBe('649,000');
    expect(percentileValue('inPostFte', 31_234.5)).toBe('31,200');
    expect(percentileValue('cases', 1_024)).toBe('1,024');
    expect(percentileValue('cases', 1_033)).toBe('1,030');
    expect(percentileValue('caseload', 18.43)).toBe('18.4');
    expect(percentileValue('cost', 1_234_567)).toBe('£1.2m');
    expect(percentileValue('vacancyRate', 0.2345)).toBe('23%');
  });
});

describe('time left of a run', () => {
  it('extrapolates the rate so far', () => {
    expect(timeLeft(1000, 5000, 10)).toBe('about 40 s left');
    expect(timeLeft(100, 10000, 10)).toBe('about 17 min left');
    expect(timeLeft(10, 100000, 10)).toBe('about 27.8 h left');
    expect(timeLeft(999, 1000, 10)).toBe('about 1 s left');
  });
  it('says nothing before it can know, or when nothing is left', () => {
    expect(timeLeft(0, 1000, 5)).toBe('');
    expect(timeLeft(1000, 1000, 5)).toBe('');
    expect(timeLeft(10, 1000, 0.05)).toBe('');
    expect(timeLeft(10, null, 5)).toBe('');
  });
});

describe('progressReader', () => {
  const running = (done, total) => ({ status: 'running', progress: { done, total } });
  it('counts to the total and says the time left from the rate since running began', () => {
    let t = 0;
    const line = progressReader(() => t);
    expect(line({ status: 'queued', progress: { done: 0, total: 5000 } }))
      .toBe('queued: waiting for a free run slot (the server runs a few at a time; others are ahead), then 5,000 replications');
    t = 30_000; // a queue's wait does not count
    expect(line(running(0, 5000))).toBe('running: working on the first of 5,000 replications (counted as each batch ends)');
    t = 40_000;
    expect(line(running(1000, 5000))).toBe('running: 1,000 of 5,000 replications, about 40 s left');
  });
  it('counts alone where the total is not known ahead', () => {
    const line = progressReader(() => 0);
    expect(line(running(1234, null))).toBe('running: 1,234 replications');
  });
});

describe('a Monte Carlo error', () => {
  it('is written as its metric is, but never 0 unless it is', () => {
    expect(errorValue('caseload', 0.0392)).toBe('0.04');
    expect(errorValue('caseload', 0.25)).toBe('0.3');
    expect(errorValue('unallocatedCases', 0.3)).toBe('0.3');
    expect(errorValue('unallocatedCases', 2.4)).toBe('2');
    expect(errorValue('inPostFte', 0)).toBe('0');
    expect(errorValue('vacancyRate', 0.004)).toBe('0.4%');
    expect(errorValue('cost', 2400)).toBe(money(2400));
  });
});

describe('an interval whose ends would hide its width', () => {
  it('gets the decimals that show it, and the estimate with them', () => {
    // a trial's year-1 extra cost: +£2m (£2m to £2m) from [2.014m, 2.025m]
    expect(differenceWithInterval('cost', 2_019_500, [2_014_000, 2_025_000])).toBe('+\u2060£2.020m (£2.014m to £2.025m)');
    expect(differenceWithInterval('caseload', -0.31, [-0.32, -0.3])).toBe('\u22120.31 (\u22120.32 to \u22120.30)');
    // wide enough for the usual decimals: unchanged
    expect(differenceWithInterval('caseload', -3.4, [-3.8, -3.0])).toBe('\u22123.4 (\u22123.8 to \u22123.0)');
    expect(differenceWithInterval('cost', 1_200_000, [1_100_000, 1_300_000])).toBe('+\u2060£1.2m (£1.1m to £1.3m)');
    expect(differenceWithInterval('vacancyRate', 0.021, [0.018, 0.024])).toBe('+2.1 points (1.8 to 2.4)');
    // a goal-seek's extra cost of [2.148m, 2.154m] had read £2.1m to £2.2m
    expect(intervalExtra('cost', 2_148_000, 2_154_000)).toBe(2);
    expect(money(2_151_000, 2)).toBe('£2.151m');
    expect(intervalExtra('cost', 5, 5)).toBe(0);
  });
});

describe('a comparison\'s extra cost, as its table writes it', async () => {
  const { extraCostCells } = await import('../src/format.js');
  it('gives the mean and its interval the decimals that show the interval\'s width', () => {
    // a trial's year 1: +£1.1m, "£1.1m to £1.1m"
    const year = { mean: 1_128_000, ci95: [1_121_000, 1_135_000], p5: 1_020_000, p50: 1_130_000, p95: 1_230_000, shareAboveZero: 1 };
    expect(extraCostCells(year)).toEqual(['+\u2060£1.128m', '£1.121m to £1.135m', '+\u2060£1.1m', '£1m to £1.2m', '100%']);
    // scaled to a year, and an interval wide enough for the usual decimals
    expect(extraCostCells({ mean: 600_000, ci95: [400_000, 800_000], p5: 0, p50: 500_000, p95: 1_200_000, shareAboveZero: 0.9 }, (x) => x * 2))
      .toEqual(['+\u2060£1.2m', '£800k to £1.6m', '+\u2060£1m', '£0 to £2.4m', '90%']);
    expect(extraCostCells({ mean: 5000, p5: 1000, p95: 9000 })[1]).toBe('\u2013');
  });
  it('gives the median (the typical replication\'s) and the share that costs more beside the mean', () => {
    // an outside trial, Medway 2022 with four levers, year 2: a mean saving of £815k stood alone
    // where the median replication cost £376k more, and 59% of them cost more
    const year2 = { mean: -815_276, ci95: [-1_011_283, -619_269], p5: -5_841_262, p50: 376_078, p95: 856_126, shareAboveZero: 0.592 };
    expect(extraCostCells(year2)).toEqual(['\u2212\u2060£815k', '\u2212\u2060£1m to \u2212\u2060£619k', '+\u2060£376k',
      '\u2212\u2060£5.8m to £856k', '59%']);
    // year 3: a share of 0.496 is not 50%, which reads as no side
    expect(extraCostCells({ ...year2, shareAboveZero: 0.496 })[4]).toBe('49.6%');
  });
});

describe('counted', async () => {
  const { counted } = await import('../src/format.js');
  it('says one without an s and any other number with one', () => {
    // a trial had read "1 months" and "assessment's 1 funded posts"
    expect(counted(1, 'month')).toBe('1 month');
    expect(counted(6, 'month')).toBe('6 months');
    expect(counted(0, 'month')).toBe('0 months');
    expect(counted('1', 'funded post')).toBe('1 funded post');
    expect(counted('0.5', 'funded post')).toBe('0.5 funded posts');
    expect(counted('1,234.5', 'funded post')).toBe('1,234.5 funded posts');
  });
});


describe('probabilities read together', async () => {
  const { probabilities } = await import('../src/format.js');
  it('gives all one decimal where any needs it, so an estimate never sits on its interval\'s end', () => {
    expect(probabilities(0.015, 0.0084, 0.0246)).toEqual(['1.5%', '0.8%', '2.5%']);
    expect(probabilities(0.5, 0.47, 0.53)).toEqual(['50%', '47%', '53%']);
    expect(probabilities(0.5, 0.494, 0.521)).toEqual(['50%', '49.4%', '52.1%']);
    expect(probabilities(0.952, 0.931, 0.968)).toEqual(['95.2%', '93.1%', '96.8%']);
    expect(probabilities(0, 0, 0.0037)).toEqual(['0%', '0%', '0.4%']);
    expect(probabilities(0.3, undefined)).toEqual(['30%', '\u2013']);
    expect(probabilities(0.0005, 0.9995)).toEqual(['<0.1%', '>99.9%']);
  });
});
