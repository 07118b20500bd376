import { describe, expect, it } from 'vitest';
import { goalSeekRequest, tornadoRequest, frontierRows, tornadoRows, lines } from '../src/decide.js';

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
  });
});
