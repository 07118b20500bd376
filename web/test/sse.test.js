import { describe, it, expect } from 'vitest';
import { sseParser } from '../src/sse.js';
import { wideCsv } from '../src/exports.js';
import { actualRows } from '../src/charts.js';

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
    expect(lines[0]).toBe('month,date,baseline_caseload_mean,baseline_caseload_p5,baseline_caseload_p25,'
      + 'baseline_caseload_p50,baseline_caseload_p75,baseline_caseload_p95,plan_caseload_mean,'
      + 'plan_caseload_p5,plan_caseload_p25,plan_caseload_p50,plan_caseload_p75,plan_caseload_p95');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('1,2019-11-30,11,1,2,0.3,4,5,21,1,2,0.3,4,5');
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
    // 2 + per run (1 metric + 3 teams x 2 metrics) x 6 statistics
    const columns = 2 + 2 * (1 + 3 * 2) * 6;
    expect(lines).toHaveLength(3);
    const month2 = lines[2].split(',');
    expect(month2).toHaveLength(columns);
    // plan, team west (third team), caseload p50 at month 2: 20 + 7 + 2
    const at = 2 + (1 + 3 * 2) * 6 + 6 + 2 * 2 * 6 + 3;
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
