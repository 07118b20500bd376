// A baseline's results: its fans (and by team, team-view.js), DfE indicators, costs and targets.
import { CHARTS, fanRows } from './charts.js';
import { $ } from './state.js';
import { chartFigure, legend, summary, snapshotTable, costTable, targetsTable } from './results.js';
import { renderTeams } from './team-view.js';

export function renderRun(result) {
  $('results').hidden = false;
  legend(['baseline']);
  summary(result, 'run');
  $('charts').replaceChildren(...CHARTS.map((def) => chartFigure(def, fanRows(result, def.metric, 'baseline', def.factor))));
  renderTeams({ baseline: result }, result.months);
  const tables = [snapshotTable(result), costTable(result), targetsTable(result)].filter(Boolean);
  $('tables').replaceChildren(...tables);
}
