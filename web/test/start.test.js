import { describe, it, expect } from 'vitest';
import { pendingPreset, strandLevers, strandedProblem, returnYears, yearsHint, RETURN_YEARS, sameJson } from '../src/start.js';

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

describe('pendingPreset', () => {
  it('says a preset chosen is not the baseline, and what Use this preset would replace', () => {
    expect(pendingPreset(null, 'medway-2019')).toBe('');
    expect(pendingPreset({ preset: 'medway-2019' }, 'medway-2019')).toBe('');
    expect(pendingPreset({ preset: 'medway-2019' }, 'synthetic-small'))
      .toBe('Not the baseline until you press Use this preset (the baseline is medway-2019).');
    // a saved scenario reopened: not "the baseline is X (saved, version 2)" beside a preset as if it came from it
    expect(pendingPreset({ label: 'Plan A (saved, version 2)', saved: { name: 'Plan A', version: 2 } }, 'medway-2019'))
      .toBe('The baseline is the saved scenario "Plan A", version 2, not a preset; Use this preset would replace it with medway-2019.');
    expect(pendingPreset({ label: 'Medway 2022 (calibrated)' }, 'medway-2019'))
      .toBe('The baseline is Medway 2022 (calibrated), not a preset; Use this preset would replace it with medway-2019.');
  });
});

describe('the years of the returns', () => {
  it('are those of England\'s published figures, or the page\'s own where the server gives none', () => {
    // the Year box had said 2019 though returns to 2022 were shipped (an outside trial)
    const england = { years: [2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, date: `${year}-09-30` })) };
    expect(returnYears(england)).toEqual({ first: 2017, last: 2022 });
    expect(returnYears({ years: [{ year: 2023 }, { year: 2018 }] })).toEqual({ first: 2018, last: 2023 });
    expect(returnYears(null)).toBe(RETURN_YEARS);
    expect(returnYears({ years: [] })).toBe(RETURN_YEARS);
    expect(RETURN_YEARS.last).toBe(2022);
    expect(yearsHint({ first: 2017, last: 2022 })).toBe('returns published 2017-2022');
    expect(yearsHint({ first: 2022, last: 2022 })).toBe('returns published 2022');
  });
});

describe('sameJson', () => {
  it('a calibration gives the preset whatever the order of its keys; any value apart is another scenario', () => {
    const preset = { name: 'Medway', teams: [{ name: 'assessment', cases: { assessment: 208 } }], uncertainty: [] };
    expect(sameJson(preset, { uncertainty: [], teams: [{ cases: { assessment: 208 }, name: 'assessment' }], name: 'Medway' })).toBe(true);
    expect(sameJson(preset, { ...preset, teams: [{ name: 'assessment', cases: { assessment: 209 } }] })).toBe(false);
    expect(sameJson(preset, { ...preset, extra: 1 })).toBe(false);
    expect(sameJson(preset, { name: 'Medway', teams: [], uncertainty: [] })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson(0.1 + 0.2, 0.30000000000000004)).toBe(true);
  });
});
