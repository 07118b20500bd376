// Levers and targets as typed: one fieldset a lever, each field labelled with its unit,
// typical range and a slot for the API's message.
import { LEVERS, planLevers, typicalHint, farWarning, chooseTeam, unstrand } from './levers.js';
import { $, state, teams } from './state.js';
import { targetLabel } from './wording.js';
import { markEarlierResults } from './results.js';
import { markInvalid, unmark } from './errors.js';

function input(id, value, onInput, attrs = {}) {
  const el = document.createElement('input');
  el.id = id;
  el.autocomplete = 'off'; // not refilled by the browser on Back: the page's state holds it
  el.value = value;
  Object.assign(el, attrs);
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

/**
 * The slot under a field that says when its value is far outside the typical range
 * (farWarning); announced politely, never blocking.
 */
function farSlot(id) {
  const p = document.createElement('p');
  p.className = 'far';
  p.id = `${id}-far`;
  p.setAttribute('aria-live', 'polite');
  return p;
}

/** Each field's warning of a value far outside its range, for what the lever holds now. */
function warnFar(i, def, lever) {
  for (const g of def.fields) {
    const slot = $(`lever-${i}-${g.name}-far`);
    if (slot) slot.textContent = farWarning(g, lever.values[g.name], state.start?.scenario, lever.values);
  }
}

function field(labelText, control, hint, leverIndex, fieldName) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = labelText;
  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.dataset.lever = String(leverIndex);
  error.dataset.field = fieldName;
  wrap.append(label, control);
  if (hint) {
    const h = document.createElement('span');
    h.className = 'hint';
    h.id = `${control.id}-hint`;
    h.textContent = hint;
    control.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  wrap.append(error);
  return wrap;
}

export function renderLevers() {
  const box = $('levers');
  box.replaceChildren();
  state.levers.forEach((lever, i) => {
    const def = LEVERS[lever.type];
    const fs = document.createElement('fieldset');
    fs.className = 'lever';
    fs.dataset.type = lever.type;
    const legend = document.createElement('legend');
    legend.textContent = `${i + 1}. ${def.label}`;
    const help = document.createElement('p');
    help.className = 'help';
    help.textContent = def.help;
    const row = document.createElement('div');
    row.className = 'row';
    for (const f of def.fields) {
      const id = `lever-${i}-${f.name}`;
      let control;
      if (f.kind === 'team' || f.kind === 'optionalTeam') {
        control = document.createElement('select');
        control.id = id;
        control.autocomplete = 'off';
        if (f.kind === 'optionalTeam') control.append(new Option('every team', ''));
        for (const t of teams()) control.append(new Option(t, t));
        control.value = lever.values[f.name];
        const from = lever.stranded?.[f.name];
        if (from) {
          // its team is not the baseline's: shown as such until one is chosen (strandLevers)
          const placeholder = new Option(`${from}: not a team of this baseline; choose one`, '');
          placeholder.disabled = true;
          control.prepend(placeholder);
          control.selectedIndex = 0;
        }
        control.addEventListener('change', () => {
          if (lever.stranded?.[f.name]) {
            unstrand(lever, f.name);
            control.querySelector('option:disabled')?.remove();
            control.closest('.field').querySelector('.error').textContent = '';
            unmark(control);
          }
          // a default sized to the team follows it, unless typed over
          for (const name of chooseTeam(lever, f.name, control.value, state.start?.scenario)) {
            $(`lever-${i}-${name}`).value = lever.values[name];
          }
          // a range relative to the team's figures follows the team chosen
          for (const g of def.fields) {
            const hint = $(`lever-${i}-${g.name}-hint`);
            if (hint && g.here) hint.textContent = typicalHint(g, state.start?.scenario, lever.values);
          }
          warnFar(i, def, lever);
        });
      } else {
        control = input(id, lever.values[f.name], (v) => {
          lever.values[f.name] = v;
          warnFar(i, def, lever);
        }, { size: 10 });
      }
      const label = f.unit ? `${f.label} (${f.unit})` : f.label;
      const wrap = field(label, control, typicalHint(f, state.start?.scenario, lever.values), i, f.name);
      if (f.far) {
        wrap.insertBefore(farSlot(id), wrap.querySelector('.error'));
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${id}-far`.trim());
      }
      // marked after its descriptions are all set, which it keeps after the error
      if (lever.stranded?.[f.name]) {
        const slot = wrap.querySelector('.error');
        slot.textContent = `The baseline has no team ${lever.stranded[f.name]}: choose the team this lever is for.`;
        markInvalid(control, slot);
      }
      row.append(wrap);
    }
    row.append(
      field('Start month', input(`lever-${i}-startMonth`, lever.values.startMonth, (v) => { lever.values.startMonth = v; }, { size: 4 }), '1 = the month after the base date', i, 'startMonth'),
      field(def.endRequired ? 'End month' : 'End month (blank: to the end)', input(`lever-${i}-endMonth`, lever.values.endMonth, (v) => { lever.values.endMonth = v; }, { size: 4 }), '', i, 'endMonth'),
    );
    // an assumption (referral growth expected whatever is done) goes into the baseline too,
    // so that the comparison, Decide and the tornado answer "given it, what does the plan do"
    const assumption = document.createElement('input');
    assumption.type = 'checkbox';
    assumption.id = `lever-${i}-inBaseline`;
    assumption.autocomplete = 'off';
    assumption.checked = Boolean(lever.inBaseline);
    assumption.addEventListener('change', () => {
      lever.inBaseline = assumption.checked;
      updateCompare();
      markEarlierResults();
    });
    const assumptionLabel = document.createElement('label');
    assumptionLabel.htmlFor = assumption.id;
    assumptionLabel.textContent = 'An assumption: in the baseline too (not part of the plan)';
    const assumptionField = document.createElement('div');
    assumptionField.className = 'field assumption';
    assumptionField.append(assumption, ' ', assumptionLabel);
    row.append(assumptionField);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.className = 'remove';
    remove.setAttribute('aria-label', `Remove lever ${i + 1}, ${def.label}`);
    remove.addEventListener('click', () => {
      state.levers.splice(i, 1);
      renderLevers();
      // Focus stays in the section: the next lever's Remove (the one now at i), else Add lever.
      (document.querySelectorAll('#levers fieldset.lever button.remove')[i] ?? $('add-lever')).focus();
    });
    row.append(remove);
    const general = document.createElement('p');
    general.className = 'error';
    general.dataset.lever = String(i);
    general.dataset.field = '';
    fs.append(legend, help, row, general);
    box.append(fs);
    warnFar(i, def, lever);
  });
  updateCompare();
  markEarlierResults();
}

/** Compare needs a plan: at least one lever that is not an assumption. */
export function updateCompare() {
  const plan = planLevers(state.levers).length > 0;
  $('run-compare').disabled = Boolean(state.active) || !plan;
  $('run-compare').title = plan ? '' : 'Add a lever of the plan first: a plan is the baseline with its levers'
    + ' (assumptions are in both)';
  $('compare-hint').hidden = plan;
  if (plan) $('run-compare').removeAttribute('aria-describedby');
  else $('run-compare').setAttribute('aria-describedby', 'compare-hint');
}

export function renderTargets() {
  const ul = $('targets');
  ul.replaceChildren(...state.targets.map((t, i) => {
    const li = document.createElement('li');
    li.textContent = targetLabel(t);
    li.title = t; // as the API and the command-line tool read it
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = '\u00d7';
    b.setAttribute('aria-label', `Remove target ${targetLabel(t)}`);
    b.addEventListener('click', () => {
      state.targets.splice(i, 1);
      renderTargets();
      ($('targets').querySelectorAll('button')[i] ?? $('add-target')).focus();
    });
    li.append(b);
    return li;
  }));
  markEarlierResults();
}
