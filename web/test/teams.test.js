import { describe, it, expect } from 'vitest';
import { hasLocalTeams, teamLabel, teamsToShow, teamFanRows, teamFan, sharedDomain, teamTableRows,
  withBand, monthOf, TEAM_COLUMNS } from '../src/teams.js';

const s = (p50, spread = 1) => ({ mean: p50, p5: p50 - 2 * spread, p25: p50 - spread, p50, p75: p50 + spread, p95: p50 + 2 * spread });

/** A team of the run JSON's "teams": {name, role, monthly: [{month, metrics}]}, no dates. */
function team(name, role, base) {
  return { name, role, monthly: [1, 2].map((month) => ({ month, metrics: {
    caseload: s(base + month), unallocatedCases: s(10 * month, 3), meanWaitMonths: s(0.5 * month, 0.1),
    vacancyRate: s(0.2, 0.05), agencyFte: s(20 + month, 2), inPostFte: s(50) } })) };
}

function run(teams) {
  return { months: 2, monthly: [{ month: 1, date: '2019-10-31' }, { month: 2, date: '2019-11-30' }], teams };
}

const localities = run([team('assessment', 'assessment', 15), team('east', 'longTerm', 25), team('west', 'longTerm', 17)]);

describe('teams in the results', () => {
  it('shows teams only where a role has several', () => {
    expect(hasLocalTeams(localities)).toBe(true);
    expect(hasLocalTeams(run([team('assessment', 'assessment', 15), team('longTerm', 'longTerm', 20)]))).toBe(false);
    expect(hasLocalTeams({ monthly: [] })).toBe(false);
    expect(teamsToShow({ baseline: { monthly: [] } })).toEqual([]);
    expect(teamLabel({ name: 'east', role: 'longTerm' })).toBe('east (long-term team)');
  });

  it('lists every team of a run with its label, in order', () => {
    const shown = teamsToShow({ baseline: localities });
    expect(shown.map((t) => t.label)).toEqual(['assessment (assessment team)', 'east (long-term team)', 'west (long-term team)']);
    expect(shown[1].series.baseline).toBe(localities.teams[1]);
    expect(shown[1].series.plan).toBeUndefined();
  });

  it('pairs a comparison\'s teams by name, and shows nothing unless both runs have local teams', () => {
    const plan = run([team('west', 'longTerm', 16), team('east', 'longTerm', 21), team('assessment', 'assessment', 14)]);
    const shown = teamsToShow({ baseline: localities, plan });
    expect(shown.map((t) => t.name)).toEqual(['assessment', 'east', 'west']);
    expect(shown[1].series.plan).toBe(plan.teams[1]);
    expect(teamsToShow({ baseline: localities, plan: { monthly: [] } })).toEqual([]);
  });

  it('makes fan rows with the run\'s dates and the series named', () => {
    const rows = teamFanRows(localities.teams[1], 'caseload', 'baseline', ['2019-10-31', '2019-11-30']);
    expect(rows[1]).toEqual({ series: 'baseline', month: 2, date: '2019-11-30', p5: 25, p25: 26, p50: 27, p75: 28, p95: 29 });
    const plan = run([team('assessment', 'assessment', 14), team('east', 'longTerm', 21), team('west', 'longTerm', 16)]);
    const east = teamsToShow({ baseline: localities, plan })[1];
    const fan = teamFan(east, 'caseload', { baseline: localities, plan });
    expect(fan.map((r) => `${r.series} ${r.month} ${r.p50}`)).toEqual(['baseline 1 26', 'baseline 2 27', 'plan 1 22', 'plan 2 23']);
  });

  it('gives the panels of a metric one y domain, from 0 for counts', () => {
    const rows = [[{ p5: 12, p95: 20 }], [{ p5: 9, p95: 31 }]];
    expect(sharedDomain(rows, false)).toEqual([9, 31]);
    expect(sharedDomain(rows, true)).toEqual([0, 31]);
    expect(sharedDomain([[{ p5: 0, p95: 0 }]], true)).toEqual([0, 5]);
    expect(sharedDomain([[{ p5: 0, p95: 3 }]], true)).toEqual([0, 5]);
    expect(sharedDomain([[{ p5: 2, p95: 9 }]], true)).toEqual([0, 9]);
    expect(sharedDomain([[{ p5: 18, p95: 18 }]], false)).toEqual([18, 19]);
    expect(sharedDomain([], true)).toBeUndefined();
  });

  it('tabulates each team at the chosen month with medians and 90% bands', () => {
    const shown = teamsToShow({ baseline: localities });
    const rows = teamTableRows(shown, 2);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['east (long-term team)', '27 (25 to 29)', '20 (14 to 26)', '1 (0.8 to 1.2)',
      '20% (10% to 30%)', '22 (18 to 26)']);
    expect(rows[1]).toHaveLength(TEAM_COLUMNS.length + 1);
    expect(teamTableRows(shown, 1)[2][1]).toBe('18 (16 to 20)');
    expect(withBand('caseload', s(18.44, 1.5))).toBe('18.4 (15.4 to 21.4)');
  });

  it('names the run of each row in a comparison', () => {
    const plan = run([team('assessment', 'assessment', 14), team('east', 'longTerm', 21), team('west', 'longTerm', 16)]);
    const rows = teamTableRows(teamsToShow({ baseline: localities, plan }), 1, true);
    expect(rows.map((r) => r[0])).toEqual(['assessment (assessment team), baseline', 'assessment (assessment team), plan',
      'east (long-term team), baseline', 'east (long-term team), plan', 'west (long-term team), baseline', 'west (long-term team), plan']);
    expect(rows[3][1]).toBe('22 (20 to 24)');
  });

  it('takes a whole month of the run only', () => {
    expect(monthOf(' 12 ', 24)).toBe(12);
    expect(monthOf('24', 24)).toBe(24);
    for (const bad of ['0', '25', '1.5', '', 'twelve', null]) expect(monthOf(bad, 24)).toBeNull();
  });
});
