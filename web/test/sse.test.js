import { describe, it, expect } from 'vitest';
import { sseParser } from '../src/sse.js';
import { wideCsv } from '../src/exports.js';
import { actualRows, describeRow, fanRows } from '../src/charts.js';

describe('server-sent events', () => {
  it('assembles events split across chunks and skips comments', () => {
    const feed = sseParser();
    expect(feed('event: progress\ndata: {"a"')).toEqual([]);
    expect(feed(': 1}\n\n:keep-alive\n\nevent: end\r\ndata: 2\r\n\r\n')).toEqual([
      { event: 'progress', data: '{"a": 1}' }, { event: 'end', data: '2' }]);
  });
});

describe('wide CSV', () => {
  it('has one row a month and a column per series, metric and statistic', () => {
    const run = (x) => ({ monthly: [1, 2].map((month) => ({ month, date: `2019-1${month}-30`,
      metrics: { caseload: { mean: x + month, p5: 1, p25: 2, p50: 0.1 + 0.2, p75: 4, p95: 5 } } })) });
    const csv = wideCsv({ baseline: run(10), plan: run(20) }, ['caseload']);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const columns = (run) => ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'].map((s) => `${run}_caseload_${s}`)
      .concat(['mean', 'p5', 'p25', 'p50', 'p75', 'p95'].map((s) => `${run}_caseload_${s}HalfWidth95`))
      .concat([`${run}_caseload_n`]);
    expect(lines[0]).toBe(['month', 'date', ...columns('baseline'), ...columns('plan')].join(','));
    expect(lines).toHaveLength(3);
    // no halfWidth95 nor n in these documents (results stored before them): empty cells
    expect(lines[1]).toBe('1,2019-11-30,11,1,2,0.3,4,5,,,,,,,,21,1,2,0.3,4,5,,,,,,,');
  });

  it('gives each statistic\'s 95% half-width where the run has it', () => {
    const halfWidth95 = { mean: 0.11, p5: 0.5, p10: 9, p25: 0.25, p50: 0.2, p75: 0.3, p90: 9, p95: 0.75,
      shareAboveZero: 0 };
    const run = { monthly: [{ month: 1, date: '2019-10-31',
      metrics: { caseload: { mean: 18, p5: 12, p25: 15, p50: 18, p75: 21, p95: 25, halfWidth95, n: 997 } } }] };
    const lines = wideCsv({ baseline: run }, ['caseload']).replace(/^\uFEFF/, '').trim().split('\r\n');
    // and the replications they are of, last
    expect(lines[1]).toBe('1,2019-10-31,18,12,15,18,21,25,0.11,0.5,0.25,0.2,0.3,0.75,997');
  });
});

describe('wide CSV with local teams', () => {
  const stats = (x) => ({ mean: x, p5: x - 2, p25: x - 1, p50: x, p75: x + 1, p95: x + 2 });
  const team = (name, role, x) => ({ name, role, monthly: [1, 2].map((month) => ({ month,
    metrics: { caseload: stats(x + month), unallocatedCases: stats(10 * month) } })) });
  const run = (x) => ({
    monthly: [1, 2].map((month) => ({ month, date: `2019-1${month}-30`,
      metrics: { caseload: stats(x + month) } })),
    teams: [team('assessment', 'assessment', x), team('east, "old" town', 'longTerm', x + 5),
      team('west', 'longTerm', x + 7)],
  });

  it('adds every team\'s metrics after each run\'s, a team\'s name quoted where CSV needs it', () => {
    const csv = wideCsv({ baseline: run(10), plan: run(20) }, ['caseload']);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0];
    expect(header.startsWith('month,date,baseline_caseload_mean,')).toBe(true);
    expect(header).toContain(',baseline_team_assessment_caseload_mean,');
    expect(header).toContain(',"baseline_team_east, ""old"" town_unallocatedCases_p95",');
    expect(header).toContain(',plan_team_west_caseload_p50,');
    // 2 + per run (1 metric + 3 teams x 2 metrics) x 13 statistics, half-widths and n
    const columns = 2 + 2 * (1 + 3 * 2) * 13;
    expect(lines).toHaveLength(3);
    const month2 = lines[2].split(',');
    expect(month2).toHaveLength(columns);
    // plan, team west (third team), caseload p50 at month 2: 20 + 7 + 2
    const at = 2 + (1 + 3 * 2) * 13 + 13 + 2 * 2 * 13 + 3;
    expect(Number(month2[at])).toBe(29);
  });

  it('has no team columns where no role has several teams', () => {
    const single = run(10);
    single.teams = [single.teams[0], single.teams[1]];
    const header = wideCsv({ baseline: single }, ['caseload']).split('\r\n')[0];
    expect(header).not.toContain('_team_');
  });
});

describe('published figures on the run\'s axis', () => {
  it('puts each 30 September up to the base date at its month, scaled, without gaps', () => {
    const actuals = { years: [
      { date: '2017-09-30', caseload: 17.6, cost: 1 },
      { date: '2018-09-30', caseload: null },
      { date: '2019-09-30', caseload: 20.3 },
      { date: '2020-09-30', caseload: 13.3 },
    ] };
    expect(actualRows(actuals, 'caseload', '2019-09-30')).toEqual([
      { month: -24, date: '2017-09-30', value: 17.6 }, { month: 0, date: '2019-09-30', value: 20.3 }]);
    expect(actualRows(actuals, 'cost', '2019-09-30', 12)).toEqual([{ month: -24, date: '2017-09-30', value: 12 }]);
    expect(actualRows(null, 'caseload', '2019-09-30')).toEqual([]);
  });
});

describe('a fan point in words', () => {
  const month = (halfWidth95) => ({ month: 3, date: '2019-12-31', metrics: { cost: {
    p5: 1000, p25: 2000, p50: 3000, p75: 4000, p95: 5000, ...(halfWidth95 ? { halfWidth95 } : {}) } } });
  const hw = { mean: 10, p5: 100, p10: 1, p25: 50, p50: 40, p75: 60, p90: 1, p95: 200, shareAboveZero: 0 };

  it('gives each band end and the median its 95% Monte Carlo error, scaled as the values', () => {
    const [row] = fanRows({ monthly: [month(hw)] }, 'cost', 'baseline', 12);
    expect(row.p50).toBe(36000);
    expect(row.halfWidth).toEqual({ p5: 1200, p25: 600, p50: 480, p75: 720, p95: 2400 });
    const text = describeRow('cost', row);
    expect(text).toContain('median £36k \u00b1£480; 50% band £24k \u00b1£600 to £48k \u00b1£720; ');
    expect(text).toMatch(/90% band £12k \u00b1£1\.2k to £60k \u00b1£2\.4k \(\u00b1: 95% Monte Carlo error\)$/);
  });

  it('says nothing of errors a run does not have (stored before them, or under 100 replications)', () => {
    for (const doc of [month(null), month({ ...hw, p5: null, p95: null })]) {
      const [row] = fanRows({ monthly: [doc] }, 'cost');
      expect(row.halfWidth).toBeUndefined();
      expect(describeRow('cost', row)).not.toContain('\u00b1');
    }
  });
});
