import { describe, expect, it } from 'vitest';
import { leverFit, newLever, chooseTeam, typicalHint, farWarning, describe as describeLever, LEVERS } from '../src/levers.js';

/** A scenario of two teams: [name, funded posts, permanent staff in post], and a permanent cost. */
function council(teams, permanentCostPerYear = 55_000) {
  return {
    teams: teams.map(([name, establishment, staff]) => ({ name, establishment, permanent: [{ count: staff }] })),
    parameters: { funding: { permanentCostPerYear } },
  };
}

// about Medway 2019 (presets/medway-2019.json) and England 2022 (presets/england-2022.json)
const SMALL = council([['assessment', 16.2, 13], ['longTerm', 187.4, 149]]);
const LARGE = council([['assessment', 4009.2, 3207], ['longTerm', 35537.8, 28427]]);
const TINY = council([['assessment', 2, 2]], 60_000);

const field = (type, name) => LEVERS[type].fields.find((f) => f.name === name);

describe('levers sized to the council', () => {
  it('a small council: 5% of the team\'s posts, whole, at least 1; their cost rounded to £10k or £50k', () => {
    const assessment = leverFit(SMALL, 'assessment');
    expect(assessment.posts.value).toBe(1); // 0.81 posts
    expect(assessment.funding.value).toBe(40_000); // £44,550
    expect(assessment.nqCohort.value).toBe(8); // 8.1 of 162 in post
    const longTerm = leverFit(SMALL, 'longTerm');
    expect(longTerm.posts.value).toBe(9); // 9.37
    expect(longTerm.funding.value).toBe(500_000); // £515,350
    expect(longTerm.posts.far).toBeCloseTo(93.7, 9);
  });

  it('a large council: the same shares, money to £1m or £5m', () => {
    const assessment = leverFit(LARGE, 'assessment');
    expect(assessment.posts.value).toBe(200); // 200.46
    expect(assessment.funding.value).toBe(11_000_000); // £11,025,300
    expect(assessment.nqCohort.value).toBe(1582); // 1,581.7 of 31,634
    const longTerm = leverFit(LARGE, 'longTerm');
    expect(longTerm.posts.value).toBe(1777); // 1,776.89
    expect(longTerm.funding.value).toBe(100_000_000); // £97.7m
  });

  it('a council of two: one post, one step of money at its own permanent cost, a cohort of one', () => {
    const fit = leverFit(TINY, 'assessment');
    expect([fit.posts.value, fit.funding.value, fit.nqCohort.value]).toEqual([1, 10_000, 1]);
    expect(fit.posts.far).toBe(10);
    expect(fit.funding.far).toBe(600_000);
  });

  it('a new lever starts from them, on the first team; without a council, from the fixed values', () => {
    const names = SMALL.teams.map((t) => t.name);
    expect(newLever('posts', names, SMALL).values).toEqual({ startMonth: '1', endMonth: '', team: 'assessment', fte: '1' });
    expect(newLever('funding', names, LARGE).values.poundsPerYear).toBe('11000000');
    expect(newLever('nqCohort', names, SMALL).values.cohortPerYear).toBe('8');
    expect(leverFit(null, 'assessment')).toEqual({ posts: null, funding: null, nqCohort: null });
    expect(newLever('posts', [], null).values.fte).toBe('8');
    expect(newLever('funding', [], null).values.poundsPerYear).toBe('1000000');
    expect(newLever('nqCohort', [], null).values.cohortPerYear).toBe('10');
  });

  it('the hints and warnings are in the council\'s figures; the default is never warned of', () => {
    const lever = newLever('funding', ['assessment', 'longTerm'], SMALL);
    expect(typicalHint(field('funding', 'poundsPerYear'), SMALL, lever.values)).toBe(
      "typical: the cost of 2-10% of the team's establishment; for assessment's 16.2 funded posts at £55k a year, £18k to £89k");
    expect(farWarning(field('funding', 'poundsPerYear'), '£1m', SMALL, lever.values))
      .toBe('£1m is far above the typical range: check it.');
    expect(typicalHint(field('posts', 'fte'), SMALL, { team: 'longTerm' }))
      .toBe("typical: 2-10% of the team's establishment; for longTerm's 187.4 funded posts, 3.7 to 18.7");
    for (const sc of [SMALL, LARGE, TINY]) {
      for (const type of ['posts', 'funding', 'nqCohort']) {
        for (const team of sc.teams) {
          const l = newLever(type, [team.name], sc);
          for (const f of LEVERS[type].fields) expect(farWarning(f, l.values[f.name], sc, l.values)).toBe('');
        }
      }
    }
  });

  it('a multiplier that works against its lever is warned of; one that helps, or 1, is not', () => {
    const fill = field('recruitmentCampaign', 'fillMultiplier');
    const turnover = field('retentionPayment', 'turnoverMultiplier');
    expect(farWarning(fill, '0.5', SMALL)).toBe('0.5 is below 1, so the campaign would slow recruitment'
      + ' (2 doubles the chance of filling a vacancy): check it.');
    expect(farWarning(turnover, '1.2', SMALL)).toBe('1.2 is above 1, so the payment would make staff leave'
      + ' more (0.9 cuts leaving by a tenth): check it.');
    for (const ok of ['1', '2', '3']) expect(farWarning(fill, ok, SMALL)).toBe('');
    for (const ok of ['1', '0.9', '0.8']) expect(farWarning(turnover, ok, SMALL)).toBe('');
    // far outside the range: the far warning, as before
    expect(farWarning(fill, '0.2', SMALL)).toBe('0.2 is far below the typical range: check it.');
    expect(farWarning(turnover, '3', SMALL)).toBe('3 is far above the typical range: check it.');
    // every default of every lever is warned of by neither
    for (const type of Object.keys(LEVERS)) {
      const l = newLever(type, ['assessment', 'longTerm'], SMALL);
      for (const f of LEVERS[type].fields) expect(farWarning(f, l.values[f.name], SMALL, l.values)).toBe('');
    }
  });

  it('a fraction reads as a percentage in a lever\'s line however it was typed or stored', () => {
    const line = (annualGrowth) => describeLever({ type: 'referralGrowth', values: { startMonth: '1', endMonth: '', annualGrowth } });
    expect(line('6%')).toBe('Referral growth: annual growth 6%, from month 1');
    expect(line('0.06')).toBe(line('6%')); // reopened from a saved scenario: 0.06 had read so
    expect(line('-0.025')).toBe('Referral growth: annual growth -2.5%, from month 1');
    expect(line('six')).toBe('Referral growth: annual growth six, from month 1');
  });

  it('a default follows the team chosen; a value typed over stays', () => {
    const lever = newLever('posts', ['assessment', 'longTerm'], SMALL);
    expect(chooseTeam(lever, 'team', 'longTerm', SMALL)).toEqual(['fte']);
    expect(lever.values).toMatchObject({ team: 'longTerm', fte: '9' });
    lever.values.fte = '3';
    expect(chooseTeam(lever, 'team', 'assessment', SMALL)).toEqual([]);
    expect(lever.values).toMatchObject({ team: 'assessment', fte: '3' });
  });
});

describe('the front-door threshold', () => {
  it('starts at the council\'s own share and says it; without one, at 0.1', () => {
    // a default of 0.1 had quadrupled Birmingham's 0.024 unsaid (a planner's trial)
    const birmingham = { ...council([['assessment', 100, 90]]), parameters: { demand: { nfaShare: 0.02412 } } };
    expect(newLever('frontDoor', [], birmingham).values.nfaShare).toBe('0.024');
    expect(typicalHint(field('frontDoor', 'nfaShare'), birmingham, {})).toContain("here today's is 0.024");
    expect(newLever('frontDoor', [], null).values.nfaShare).toBe('0.1');
  });
});

describe('the caseload cap', () => {
  it('starts at the chosen team\'s own cap and says it; without a council, at 20', () => {
    const birmingham = { teams: [{ name: 'assessment', caseloadCap: 23 }, { name: 'longTerm', caseloadCap: 20 }] };
    expect(newLever('caseloadCap', ['assessment', 'longTerm'], birmingham).values.cap).toBe('23');
    expect(typicalHint(field('caseloadCap', 'cap'), birmingham, { team: 'longTerm' })).toContain("here the team's own is 20");
    // the hard limit's hint says what blank does beside the team's own (a review: the lever at the
    // team's own cap is no longer nothing, as it holds workers to the cap)
    const withLimit = { teams: [{ name: 'longTerm', caseloadCap: 23, hardLimit: 38 }] };
    expect(typicalHint(field('caseloadCap', 'hardLimit'), withLimit, { team: 'longTerm' }))
      .toContain("here the team's own is 38: blank holds every worker to the cap");
    expect(newLever('caseloadCap', ['assessment'], null).values.cap).toBe('20');
    // it follows the team chosen until typed over
    const lever = newLever('caseloadCap', ['assessment', 'longTerm'], birmingham);
    expect(chooseTeam(lever, 'team', 'longTerm', birmingham)).toContain('cap');
    expect(lever.values.cap).toBe('20');
    lever.values.cap = '18';
    chooseTeam(lever, 'team', 'assessment', birmingham);
    expect(lever.values.cap).toBe('18');
  });
});

