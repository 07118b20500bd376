// Local teams in a run's results (the run JSON's "teams", present where a role has several
// teams): which teams to show, their fans and their table at a month. Pure functions,
// unit-tested in test/teams.test.js.
import { percentileValue } from './format.js';
import { fanValues } from './charts.js';

/** How a role is written for people. */
export const ROLES = { assessment: 'assessment', longTerm: 'long-term' };

/** The team metrics drawn as fans, and those of the table, in order. */
export const TEAM_CHARTS = [
  { metric: 'caseload', title: 'Caseload' },
  { metric: 'unallocatedCases', title: 'Children waiting unallocated' },
];
export const TEAM_COLUMNS = [
  { metric: 'caseload', title: 'Caseload' },
  { metric: 'unallocatedCases', title: 'Unallocated' },
  { metric: 'meanWaitMonths', title: 'Mean wait (months)' },
  { metric: 'vacancyRate', title: 'Vacancy rate' },
  { metric: 'agencyFte', title: 'Agency (FTE)' },
];

/** Whether a run document has several teams of one role (and so a "By team" section). */
export function hasLocalTeams(result) {
  const roles = (result?.teams ?? []).map((t) => t.role);
  return new Set(roles).size < roles.length;
}

/** A team as people read it: "east (long-term team)". */
export function teamLabel(team) {
  return `${team.name} (${ROLES[team.role] ?? team.role} team)`;
}

/**
 * The teams to show for a run ({baseline}) or a comparison ({baseline, plan}): every team
 * of the baseline, as {name, role, label, series: {baseline: team, plan?: team}}; none unless
 * each run has several teams of a role. A plan's team is matched by name.
 */
export function teamsToShow(runs) {
  const names = Object.keys(runs).filter((k) => runs[k]);
  if (!names.length || !names.every((k) => hasLocalTeams(runs[k]))) return [];
  return runs.baseline.teams
    .map((team) => {
      const series = {};
      for (const k of names) {
        const found = runs[k].teams.find((t) => t.name === team.name);
        if (found) series[k] = found;
      }
      return { name: team.name, role: team.role, label: teamLabel(team), series };
    })
    .filter((t) => names.every((k) => t.series[k]));
}

/** Rows of a team's fan, as charts.fanRows: {series, month, date, p5, ..., p95}. */
export function teamFanRows(team, metric, series, dates = []) {
  return team.monthly.map((m, i) => ({ series, month: m.month, date: m.date ?? dates[i] ?? '',
    ...fanValues(m.metrics[metric]) }));
}

/** The fan rows of every series of a shown team, baseline first. */
export function teamFan(shown, metric, runs) {
  return Object.entries(shown.series).flatMap(([series, team]) =>
    teamFanRows(team, metric, series, runs[series].monthly.map((m) => m.date)));
}

/**
 * One y domain for the panels of a metric, so that teams can be compared by eye: from the
 * lowest 5th percentile (0 for counts and FTE) to the highest 95th over every team and series;
 * for counts at least 5 wide, so that a fan flat at 0 gets whole-number ticks.
 */
export function sharedDomain(rowsByTeam, fromZero) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const rows of rowsByTeam) {
    for (const r of rows) {
      lo = Math.min(lo, r.p5);
      hi = Math.max(hi, r.p95);
    }
  }
  if (!Number.isFinite(lo)) return undefined;
  if (fromZero) lo = Math.min(0, lo);
  if (fromZero && hi - lo < 5) hi = lo + 5;
  else if (hi === lo) hi = lo + 1;
  return [lo, hi];
}

/** A summary as text: its median and 90% band, "26.1 (22.0 to 30.4)". */
export function withBand(metric, s) {
  return `${percentileValue(metric, s.p50)} (${percentileValue(metric, s.p5)} to ${percentileValue(metric, s.p95)})`;
}

/**
 * The table by team at month `month` (1-based): one row a team and series, its first cell
 * the team (and for a comparison the series), then each column's median with its 90% band.
 */
export function teamTableRows(shown, month, comparison = false) {
  const rows = [];
  for (const t of shown) {
    for (const [series, team] of Object.entries(t.series)) {
      const m = team.monthly[month - 1].metrics;
      const first = comparison ? [`${t.label}, ${series === 'plan' ? 'plan' : 'baseline'}`] : [t.label];
      rows.push([...first, ...TEAM_COLUMNS.map((c) => withBand(c.metric, m[c.metric]))]);
    }
  }
  return rows;
}

/** The month typed, if it is a whole month of the run (1 to `months`); else null. */
export function monthOf(typed, months) {
  const t = String(typed ?? '').trim();
  if (!/^\d+$/.test(t)) return null;
  const m = Number(t);
  return m >= 1 && m <= months ? m : null;
}
