// A baseline's results: its fans (and by team, team-view.js), DfE indicators, costs, targets and their accuracy.
import { fanRows } from './charts.js';
import { $ } from './state.js';
import { chartFigures, legend, noteUnder, summary, snapshotTable, costTable, targetsTable, markEarlierResults } from './results.js';
import { renderTeams } from './team-view.js';
import { accuracyNote, nobodyHoldingNote, noValueNote, someLeftOut } from './wording.js';

export function renderRun(result) {
  $('results').hidden = false;
  markEarlierResults();
  legend(['baseline']);
  summary(result, 'run');
  const { figures, xDomain } = chartFigures((def) => fanRows(result, def.metric, 'baseline', def.factor));
  noteUnder(figures, 'caseload', nobodyHoldingNote([{ result }]), 'nobody-holding-note');
  for (const metric of ['vacancyRate', 'agencyRate']) {
    noteUnder(figures, metric, noValueNote([{ result }], metric), `no-value-note-${metric}`);
  }
  $('charts').replaceChildren(...figures);
  renderTeams({ baseline: result }, result.months, xDomain);
  const tables = [snapshotTable(result), costTable(result), targetsTable(result)].filter(Boolean);
  $('tables').replaceChildren(...tables);
  $('accuracy').textContent = accuracyNote({ replications: result.replications,
    requested: result.requestedReplications, stoppedEarly: result.stoppedEarly, leftOut: someLeftOut(result) });
}
