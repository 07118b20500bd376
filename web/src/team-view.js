// The "By team" section of the results: where a role has several teams (localities), fans
// of each team's caseload and children waiting (one panel a team, one y scale for the teams
// of a role), and a table by team at a chosen month. Absent otherwise. Shaping in teams.js.
import { fanChart } from './charts.js';
import { kindOf } from './format.js';
import { $ } from './state.js';
import { figure, table, fileSafe, chartTable } from './results.js';
import { TEAM_CHARTS, TEAM_COLUMNS, teamsToShow, teamFan, sharedDomain, teamTableRows, monthOf } from './teams.js';

let current = null; // {shown, runs, months, comparison}


function renderTeamTable() {
  if (!current) return;
  const { shown, runs, months, comparison } = current;
  const input = $('team-month');
  const error = $('team-month-error');
  const month = monthOf(input.value, months);
  if (month === null) {
    error.textContent = `a whole month from 1 to ${months}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
    return;
  }
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  input.removeAttribute('aria-describedby');
  const date = runs.baseline.monthly[month - 1].date;
  $('team-table').replaceChildren(table(`By team at month ${month} (${date}): median (90% band)`,
    [comparison ? 'Team and run' : 'Team', ...TEAM_COLUMNS.map((c) => c.title)],
    teamTableRows(shown, month, comparison), 'teams-at-month'));
}

/**
 * Draws the section for a run ({baseline}) or a comparison ({baseline, plan}) of `months`
 * months, on the months `xDomain` of the run's other panels, or hides it when the results
 * have no local teams.
 */
export function renderTeams(runs, months, xDomain) {
  const shown = teamsToShow(runs);
  $('by-team').hidden = shown.length === 0;
  if (!shown.length) {
    current = null;
    $('team-charts').replaceChildren();
    $('team-table').replaceChildren();
    return;
  }
  current = { shown, runs, months, comparison: Boolean(runs.plan) };
  const figures = [];
  for (const def of TEAM_CHARTS) {
    const rows = shown.map((t) => teamFan(t, def.metric, runs));
    const fromZero = ['count', 'fte'].includes(kindOf(def.metric));
    const domains = {};
    for (const role of new Set(shown.map((t) => t.role))) {
      domains[role] = sharedDomain(rows.filter((_, i) => shown[i].role === role), fromZero);
    }
    shown.forEach((t, i) => {
      const svg = fanChart(def.metric, rows[i], { yDomain: domains[t.role], xDomain,
        ariaLabel: `fan chart of ${def.metric}, team ${t.name}` });
      const fig = figure(`${def.title}: ${t.label}`, svg, `caseload-team-${fileSafe(t.name)}-${def.metric}`);
      fig.append(chartTable(`${def.title}: ${t.label}`, def.metric, rows[i]));
      fig.classList.add('team');
      fig.dataset.team = t.name;
      fig.dataset.teamMetric = def.metric;
      figures.push(fig);
    });
  }
  $('team-charts').replaceChildren(...figures);
  const input = $('team-month');
  input.max = String(months);
  if (monthOf(input.value, months) === null) input.value = String(months);
  renderTeamTable();
}

/** The month control redraws the table as it is typed. */
export function wireTeams() {
  $('team-month').addEventListener('input', renderTeamTable);
}
