import { describe, it, expect, beforeEach } from 'vitest';

// a tab's sessionStorage, as the browser gives it
const store = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
const { takeDraft } = await import('../src/draft.js');
const { sameStart } = await import('../src/state.js');

describe('the page as a planner left it, brought back', () => {
  beforeEach(() => store.clear());
  const start = { scenario: { name: 'Leeds', teams: [] }, label: 'Leeds 2021 (calibrated)', notes: [] };

  it('keeps levers of known kinds and texts as targets, and is read once', () => {
    store.set('caseload.draft', JSON.stringify({ start, targets: ['caseload <= 18 at month 24', 7],
      levers: [{ type: 'posts', values: { fte: '8' }, inBaseline: 1 }, { type: 'noSuchLever', values: {} }, null] }));
    const draft = takeDraft();
    expect(draft.levers).toEqual([{ type: 'posts', values: { fte: '8' }, inBaseline: true }]);
    expect(draft.targets).toEqual(['caseload <= 18 at month 24']);
    expect(takeDraft()).toBeNull();
  });

  it('keeps Decide\'s levers to search as typed, or reads an older page\'s lines, and drops what is not a row', () => {
    const typed = { kind: 'posts', team: 'east', from: '0..5/1', to: '1e999', step: '-0', options: '' };
    store.set('caseload.draft', JSON.stringify({ start, targets: [], levers: [],
      decide: [typed, { kind: 'toString' }, 'campaign=1..3/1'] }));
    expect(takeDraft().decideRows).toEqual([typed]);
    store.set('caseload.draft', JSON.stringify({ start, targets: [], levers: [],
      fields: { 'decide-levers': 'posts:longTerm=0..60/6\n\ncampaign=1..3/1\nnonsense' } }));
    expect(takeDraft().decideRows.map((r) => r.kind)).toEqual(['posts', 'campaign']);
    store.set('caseload.draft', JSON.stringify({ start, targets: [], levers: [] }));
    expect(takeDraft().decideRows).toBeNull();
  });

  it('keeps a lever\'s team left to choose, and nothing else under that name', () => {
    // a reload had dropped it, and the lever then went to the baseline's first team unsaid
    store.set('caseload.draft', JSON.stringify({ start, targets: [],
      levers: [{ type: 'posts', values: { team: '', fte: '9' }, stranded: { team: 'longTerm', fte: 'x', nope: 'y' } },
        { type: 'posts', values: { team: 'east', fte: '1' }, stranded: 'longTerm' },
        { type: 'posts', values: { team: '', fte: '1' }, stranded: { team: 7 } }] }));
    expect(takeDraft().levers).toEqual([
      { type: 'posts', values: { team: '', fte: '9' }, inBaseline: false, stranded: { team: 'longTerm' } },
      { type: 'posts', values: { team: 'east', fte: '1' }, inBaseline: false },
      { type: 'posts', values: { team: '', fte: '1' }, inBaseline: false }]);
  });

  it('forgets what is not the page\'s (an older page\'s shape, or not JSON)', () => {
    for (const kept of ['{', 'null', JSON.stringify({ start: { label: 'x' }, levers: [], targets: [] }),
      JSON.stringify({ start, levers: 'posts', targets: [] })]) {
      store.set('caseload.draft', kept);
      expect(takeDraft()).toBeNull();
      expect(store.has('caseload.draft')).toBe(false);
    }
  });
});

describe('a start kept across a reload is the page\'s own baseline when it is the same', () => {
  const start = { preset: 'medway-2019', scenario: { name: 'Medway', teams: [{ name: 'east' }] }, label: 'medway-2019', notes: [] };
  const saved = { saved: { name: 'Plan', version: 1 }, scenario: { name: 'Plan', teams: [] }, label: 'Plan (saved, version 1)' };
  const calibrated = { scenario: { name: 'Leeds', teams: [] }, label: 'Leeds 2021 (calibrated)' };
  it('the same preset, saved scenario or calibration: the same baseline, whatever else it carries', () => {
    const kept = JSON.parse(JSON.stringify(start));
    expect(sameStart(kept, { ...start, actuals: { la: 'Medway' } })).toBe(true);
    expect(sameStart(start, start)).toBe(true);
    // a saved scenario's new version with the same content (Save changes, nothing changed)
    expect(sameStart(saved, { ...saved, saved: { name: 'Plan', version: 2 }, label: 'Plan (saved, version 2)' })).toBe(true);
    expect(sameStart(calibrated, JSON.parse(JSON.stringify(calibrated)))).toBe(true);
  });
  it('another preset, saved scenario, content or calibration: another baseline', () => {
    expect(sameStart(start, { ...start, preset: 'worcestershire-2017' })).toBe(false);
    expect(sameStart(start, saved)).toBe(false);
    expect(sameStart(saved, { ...saved, saved: { name: 'Other', version: 1 } })).toBe(false);
    expect(sameStart(saved, { ...saved, scenario: { name: 'Plan', teams: [{ name: 'west' }] } })).toBe(false);
    expect(sameStart(calibrated, { ...calibrated, label: 'Leeds 2022 (calibrated)' })).toBe(false);
    expect(sameStart(calibrated, { ...calibrated, scenario: { name: 'Leeds', teams: [{ name: 'x' }] } })).toBe(false);
    expect(sameStart(start, null)).toBe(false);
  });
});

describe('readingKey', () => {
  it('reads names alike as the server does: composed or not, spaces, invisible characters, case', async () => {
    const { readingKey } = await import('../src/state.js');
    const key = readingKey('Caf\u00e9 plan');
    for (const alike of ['Cafe\u0301 plan', ' café  plan ', 'CAFÉ\u00a0plan', 'Caf\u200bé plan']) {
      expect(readingKey(alike)).toBe(key);
    }
    expect(readingKey('Café plan 2')).not.toBe(key);
    expect(readingKey('\uff2eorth')).toBe('north');
  });
});
