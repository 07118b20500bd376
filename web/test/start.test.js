import { describe, it, expect } from 'vitest';
import { strandLevers, strandedProblem } from '../src/start.js';

describe('strandLevers', () => {
  it('leaves a lever on a team the baseline has not for the planner to choose, and says which', () => {
    // a trial: 9 long-term posts, then a baseline of localities (east, west): they had become
    // 9 assessment posts, said only under the baseline
    const levers = [{ type: 'posts', values: { team: 'longTerm', fte: 9 } },
      { type: 'posts', values: { team: 'west', fte: 2 } }];
    expect(strandLevers(levers, ['east', 'west'])).toEqual([{ lever: 'Posts', from: 'longTerm' }]);
    expect(levers.map((l) => l.values.team)).toEqual(['', 'west']);
    expect(levers[0].stranded).toEqual({ team: 'longTerm' });
    expect(strandedProblem(levers)).toBe('Choose a team for lever 1 (Posts): the baseline has no team longTerm.');
    // still not chosen under another baseline without it: still said
    expect(strandLevers(levers, ['north', 'west'])).toEqual([{ lever: 'Posts', from: 'longTerm' }]);
    // back on a baseline that has it: the team it was for, nothing to choose
    expect(strandLevers(levers, ['assessment', 'longTerm', 'west'])).toEqual([]);
    expect(levers.map((l) => l.values.team)).toEqual(['longTerm', 'west']);
    expect(levers[0].stranded).toBeUndefined();
    expect(strandedProblem(levers)).toBeNull();
  });
  it('a lever whose team may be blank (every team) is left to choose too, and a blank one stays every team', () => {
    const levers = [{ type: 'recruitmentCampaign', values: { team: 'east' } }, { type: 'recruitmentCampaign', values: { team: '' } }];
    expect(strandLevers(levers, ['assessment', 'longTerm'])).toEqual([{ lever: 'Recruitment campaign', from: 'east' }]);
    expect(levers.map((l) => l.values.team)).toEqual(['', '']);
    expect(levers[1].stranded).toBeUndefined();
    expect(strandedProblem(levers)).toBe('Choose a team for lever 1 (Recruitment campaign): the baseline has no team east.');
  });
  it('a lever added before any baseline takes its first team', () => {
    const levers = [{ type: 'posts', values: { team: '', fte: 1 } }];
    expect(strandLevers(levers, ['assessment', 'longTerm'])).toEqual([]);
    expect(levers[0].values.team).toBe('assessment');
  });
});
