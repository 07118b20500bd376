// A baseline's results: its fans (and by team, team-view.js), DfE indicators, costs and targets.
import { fanRows } from './charts.js';
import { $ } from './state.js';
import { chartFigures, legend, summary, snapshotTable, costTable, targetsTable } from './results.js';
import { renderTeams } from './team-view.js';

export function renderRun(result) {
  $('results').hidden = false;
  legend(['baseline']);
  summary(result, 'run');
  const { figures, xDomain } = chartFigures((def) => fanRows(result, def.metric, 'baseline', def.factor));
  $('charts').replaceChildren(...figures);
  renderTeams({ baseline: result }, result.months, xDomain);
  const tables = [snapshotTable(result), costTable(result), targetsTable(result)].filter(Boolean);
  $('tables').replaceChildren(...tables);
}
