import { describe, it, expect } from 'vitest';
import { movedLevers } from '../src/start.js';

describe('movedLevers', () => {
  it('moves a lever on a team the baseline has not, and says what moved', () => {
    // a trial: levers on Medway's localities, then the baseline medway-2019 (assessment, longTerm)
    const levers = [{ type: 'posts', values: { team: 'west', fte: 6 } },
      { type: 'posts', values: { team: 'longTerm', fte: 2 } }];
    expect(movedLevers(levers, ['assessment', 'longTerm'])).toEqual([{ lever: 'Posts', from: 'west', to: 'assessment' }]);
    expect(levers.map((l) => l.values.team)).toEqual(['assessment', 'longTerm']);
    expect(movedLevers(levers, ['assessment', 'longTerm'])).toEqual([]);
  });
  it('moves a lever whose team may be blank to every team', () => {
    const levers = [{ type: 'recruitmentCampaign', values: { team: 'east' } }, { type: 'recruitmentCampaign', values: { team: '' } }];
    expect(movedLevers(levers, ['assessment', 'longTerm'])).toEqual([{ lever: 'Recruitment campaign', from: 'east', to: 'every team' }]);
    expect(levers.map((l) => l.values.team)).toEqual(['', '']);
  });
});
