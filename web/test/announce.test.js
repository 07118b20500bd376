import { describe, it, expect } from 'vitest';
import { announcer, PROGRESS_EVERY_MS } from '../src/announce.js';

describe('announcer', () => {
  it('says a start and an end at once, and progress at most once every PROGRESS_EVERY_MS', () => {
    let t = 0;
    const region = { textContent: '' };
    const said = [];
    const tell = announcer({
      set textContent(v) { region.textContent = v; said.push(v); },
      get textContent() { return region.textContent; },
    }, () => t);
    tell.say('Baseline run started');
    for (t = 250; t < 2 * PROGRESS_EVERY_MS + 1000; t += 250) tell.progress(`running: ${t}`);
    tell.say('Done');
    expect(said).toEqual(['Baseline run started', `running: ${PROGRESS_EVERY_MS}`,
      `running: ${2 * PROGRESS_EVERY_MS}`, 'Done']);
  });

  it('says the first progress at once when nothing was said before it (a run followed again after a reload)', () => {
    const region = { textContent: '' };
    const tell = announcer(region, () => 5);
    tell.progress('running: 10 of 100 replications');
    expect(region.textContent).toBe('running: 10 of 100 replications');
  });
});
