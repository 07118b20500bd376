// Decide's levers as a form (step 4): one fieldset a lever to search, with its kind, team,
// from, to and step, each labelled with its unit and with a slot for its problem; the rows'
// rules and lines are decide-levers.js's. Planners had typed goal-seek's own syntax
// ("posts:longTerm=0..60/6") into a text box.
import { DECIDE_KINDS, MAX_DECIDE_LEVERS, kindOf, directionHint, formProblems, nextRow, rowWarning, withKind, withTeam } from './decide-levers.js';
import { $, state, teams } from './state.js';
import { markInvalid } from './errors.js';

/** The baseline's teams as the rows' defaults take them ({name, role, establishment}). */
function baselineTeams() {
  return state.start?.scenario?.teams ?? [];
}

/** A labelled control with its problem's slot under it (role=alert), as the plan's levers have. */
function field(labelText, control) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = labelText;
  const error = document.createElement('p');
  error.className = 'error';
  error.id = `${control.id}-error`;
  error.setAttribute('role', 'alert');
  wrap.append(label, control, error);
  return wrap;
}

function select(id, options, value) {
  const el = document.createElement('select');
  el.id = id;
  el.autocomplete = 'off';
  for (const [v, text] of options) el.append(new Option(text, v));
  el.value = value;
  return el;
}

/**
 * A number box: text, not type=number, so that what was typed ("0..5/1", "1e999") is what the
 * row's check names (a number input hands over "" for anything it cannot read, which would
 * be refused as blank); a phone still offers its number keys (inputmode).
 */
function numberBox(id, value, onInput) {
  const el = document.createElement('input');
  el.id = id;
  el.autocomplete = 'off';
  el.inputMode = 'decimal';
  el.size = 7;
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

/** The row's controls: kind, team (where it takes one), from, to, step, Remove. */
function renderRow(row, i) {
  const k = kindOf(row.kind);
  const fs = document.createElement('fieldset');
  fs.className = 'lever decide-lever';
  fs.id = `decide-lever-${i}`;
  const legend = document.createElement('legend');
  legend.textContent = `Lever to search ${i + 1}`;
  const line = document.createElement('div');
  line.className = 'row';
  const kind = select(`decide-lever-${i}-kind`, Object.entries(DECIDE_KINDS).map(([v, d]) => [v, d.label]), row.kind);
  kind.addEventListener('change', () => {
    state.decideRows[i] = withKind(row, kind.value, baselineTeams());
    renderDecideLevers();
    $(`decide-lever-${i}-kind`).focus();
  });
  line.append(field('Lever', kind));
  if (k.team) {
    const names = teams();
    const team = select(`decide-lever-${i}-team`, names.map((t) => [t, t]), row.team);
    if (!names.includes(row.team)) {
      // a team of an earlier baseline: said, and refused at the row, until one is chosen
      const placeholder = new Option(row.team ? `${row.team}: not a team of this baseline; choose one` : 'choose a team', '');
      placeholder.disabled = true;
      team.prepend(placeholder);
      team.selectedIndex = 0;
    }
    team.addEventListener('change', () => {
      state.decideRows[i] = withTeam(row, team.value, baselineTeams());
      renderDecideLevers();
      $(`decide-lever-${i}-team`).focus();
    });
    line.append(field('Team', team));
  }
  // a posts range larger than the team (kept from another baseline, or typed so), warned of
  const far = document.createElement('p');
  far.className = 'warning';
  far.id = `decide-lever-${i}-far`;
  const warn = () => {
    far.textContent = rowWarning(row, baselineTeams());
    far.hidden = far.textContent === '';
  };
  warn();
  for (const [name, label] of [['from', 'From'], ['to', 'To'], ['step', 'Step']]) {
    const box = numberBox(`decide-lever-${i}-${name}`, row[name], (v) => { row[name] = v; warn(); });
    line.append(field(`${label} (${k.unit})`, box));
  }
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove lever to search ${i + 1}, ${k.label}`);
  remove.addEventListener('click', () => {
    state.decideRows.splice(i, 1);
    renderDecideLevers();
    // the focus stays in the list: the next row's Remove (now at i), else Add
    (document.querySelectorAll('#decide-levers button.remove')[i] ?? $('add-decide-lever')).focus();
  });
  line.append(remove);
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = `decide-lever-${i}-hint`;
  // options the form does not ask for (a saved line's hardLimit=12 or start=3) are kept and said
  hint.textContent = directionHint(row.kind) + (row.options ? ` Also, as written: ${row.options}.` : '');
  // the row's problem as the API names it (levers[i]), beside the row
  const error = document.createElement('p');
  error.className = 'error';
  error.id = `decide-lever-${i}-error`;
  error.setAttribute('role', 'alert');
  fs.append(legend, line, hint, far, error);
  return fs;
}

/** Draws the rows of state.decideRows; Add is offered while fewer than a goal-seek takes. */
export function renderDecideLevers() {
  $('decide-levers').replaceChildren(...state.decideRows.map(renderRow));
  const full = state.decideRows.length >= MAX_DECIDE_LEVERS;
  const none = !full && !nextRow(state.decideRows, baselineTeams());
  $('add-decide-lever').disabled = full || none;
  $('add-decide-lever-hint').textContent = full ? `A goal-seek searches at most ${MAX_DECIDE_LEVERS} levers.`
    : none ? 'Every lever the form offers is searched once already: change a row\'s kind or team to search another.' : '';
}

/** Puts `rows` in the form. */
export function setDecideRows(rows) {
  state.decideRows = rows.map((r) => ({ ...r }));
  renderDecideLevers();
}

/** Adds the next lever to search (decide-levers.js's nextRow), its kind focused. */
export function addDecideLever() {
  const row = state.decideRows.length < MAX_DECIDE_LEVERS && nextRow(state.decideRows, baselineTeams());
  if (!row) return;
  state.decideRows.push(row);
  renderDecideLevers();
  $(`decide-lever-${state.decideRows.length - 1}-kind`).focus();
}

/**
 * Shows each row's problems at its fields (marked invalid, described by them) and focuses the
 * first; true where there are none. Nothing is sent while a row has one.
 */
export function checkDecideLevers() {
  const found = formProblems(state.decideRows, teams());
  let first = null;
  for (const { index, problems } of found) {
    for (const [name, text] of Object.entries(problems)) {
      const control = $(`decide-lever-${index}-${name}`) ?? $(`decide-lever-${index}-kind`);
      const slot = $(`${control.id}-error`);
      slot.textContent = text;
      markInvalid(control, slot);
      first ??= control;
    }
  }
  first?.focus();
  return !first;
}

/** The API's problem with lever `index` (levers[i]), beside its row; the row's kind marked and returned. */
export function showLeverProblem(index, text) {
  const slot = $(`decide-lever-${index}-error`);
  const control = $(`decide-lever-${index}-kind`);
  if (!slot || !control) return null;
  slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
  markInvalid(control, slot);
  return control;
}
