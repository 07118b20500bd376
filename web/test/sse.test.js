import { describe, it, expect } from 'vitest';
import { sseParser } from '../src/sse.js';
import { wideCsv } from '../src/exports.js';

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
