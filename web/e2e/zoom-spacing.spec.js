// WCAG 2.2 AA where axe (accessibility.spec.js) cannot look, in the page's main states (the
// token asked for, the page as first loaded, a council calibrated with levers and a target, a
// field refused, a comparison's results, Decide's frontier and tornado, the saved list, a run
// by team, narrow widths): the page zoomed to 200% (a 1280 px window at 200% is 640 CSS px
// wide) and its text alone at 200% (the root's font size), then with the text spacing of
// 1.4.12, nothing cut off, overlapping or lost and no sideways scrolling but the tables' own
// boxes (1.4.4, 1.4.10, 1.4.12); every target 24 px or spaced (2.5.8); headings and landmarks
// as read in order (1.3.1, 2.4.6); the focus never hidden (2.4.11); nothing of the page's own
// shown on hover or focus (1.4.13); and a run's and a decision's progress said in a few words,
// not at every tick (4.1.3). What fails is said in words; e2e/reading.js measures it.
import { test, expect } from '@playwright/test';
import { URL_, sharedPage, closeShared, giveToken, calibrateMedway, setDecideLevers } from './session.js';
import { layoutProblems, smallTargets, focusObscured, textSizes, structureProblems } from './reading.js';

const NAME = 'Zoom and spacing spec scenario, named at some length to wrap';

/** The text spacing of WCAG 1.4.12, as its bookmarklet sets it: on every element, over the page's own. */
const SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
  + ' p { margin-bottom: 2em !important; }';
const TEXT_200 = 'html { font-size: 200% !important; }';

const WIDE = { width: 1280, height: 900 };
const ZOOMED = { width: 640, height: 450 }; // the same window at 200%

test.describe.configure({ mode: 'serial' });

let api;
let page;

test.beforeAll(async ({ browser }) => {
  // drawn at twice the pixels, as a screen zoomed to 200% is
  ({ api, page } = await sharedPage(browser, { viewport: WIDE, deviceScaleFactor: 2 }));
});

test.afterAll(() => closeShared({ api, page }, NAME));

/** Adds a style sheet for the length of `fn`. */
async function styled(css, fn) {
  const sheet = await page.addStyleTag({ content: css });
  try {
    return await fn();
  } finally {
    await sheet.evaluate((s) => s.remove());
  }
}

/**
 * The page as it is, looked at zoomed to 200%, with its text at 200%, and with 1.4.12's text
 * spacing wide and zoomed: nothing cut off, overlapping or lost, no sideways scroll (each
 * failure in words); the text at 200% is every piece of text twice its size; targets of 24 px
 * or spaced, wide and zoomed; headings and landmarks in order. Back to 1280 px after.
 */
async function check(state) {
  const failures = [];
  const look = async (display) => {
    failures.push(...(await page.evaluate(layoutProblems)).map((p) => `${display}: ${p}`));
  };
  await page.setViewportSize(WIDE);
  await look('1280 px');
  failures.push(...(await page.evaluate(smallTargets)).map((p) => `1280 px, target size: ${p}`));
  failures.push(...(await page.evaluate(structureProblems)).map((p) => `headings and landmarks: ${p}`));
  const sizes = await page.evaluate(textSizes);
  await styled(TEXT_200, async () => {
    const resized = await page.evaluate(textSizes);
    expect(resized.map((s) => s.i), `${state}: the same text shown at 200%`).toEqual(sizes.map((s) => s.i));
    const unchanged = sizes.map((s, k) => ({ ...s, resized: resized[k].size })).filter((s) => s.resized < 1.9 * s.size);
    failures.push(...unchanged.slice(0, 10).map((s) => `text at 200%: ${s.what} ${s.size} px, at 200% ${s.resized} px`));
    if (unchanged.length > 10) failures.push(`text at 200%: and ${unchanged.length - 10} more not resized`);
    await look('text at 200%');
  });
  await styled(SPACING, () => look('1280 px, text spacing'));
  await page.setViewportSize(ZOOMED);
  await look('zoomed to 200%');
  failures.push(...(await page.evaluate(smallTargets)).map((p) => `zoomed to 200%, target size: ${p}`));
  await styled(SPACING, () => look('zoomed to 200%, text spacing'));
  await page.setViewportSize(WIDE);
  expect(failures, `${state}: ${failures.length} failure(s)\n${failures.join('\n')}`).toEqual([]);
}

test('the token asked for, then the page as first loaded', async () => {
  await page.goto(URL_() + '/');
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused();
  await check('the token dialog');
  await giveToken(page);
  await check('first load');
});

test('a council calibrated, with levers and a target; a field refused', async () => {
  await calibrateMedway(page);
  for (const lever of ['agencyPolicy', 'posts']) {
    await page.getByLabel('Add a lever', { exact: true }).selectOption(lever);
    await page.getByRole('button', { name: 'Add lever' }).click();
  }
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(page.locator('#targets li')).toHaveCount(1);
  await page.getByLabel('Replications', { exact: true }).fill('many');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('.error[data-field=replications]')).not.toBeEmpty();
  await check('calibrated, with levers, a field refused');
  // a lever's "An assumption" box keeps its shape beside its label's lines at 200% text
  await page.setViewportSize(ZOOMED);
  const boxes = await styled(TEXT_200, () => page.locator('#levers input[type=checkbox]').evaluateAll((cs) => cs.map((c) => {
    const r = c.getBoundingClientRect();
    return { id: c.id, width: Math.round(r.width), height: Math.round(r.height) };
  })));
  await page.setViewportSize(WIDE);
  expect(boxes.length).toBe(2);
  for (const box of boxes) expect(box.width, `${box.id} as wide as tall: ${JSON.stringify(box)}`).toBe(box.height);
  await page.getByLabel('Replications', { exact: true }).fill('50');
});

test('a comparison\'s results, a chart\'s figures shown', async () => {
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 50_000 });
  await expect(page.locator('#tables')).toContainText('P(better)');
  await page.locator('figure[data-metric="cost"] summary').click();
  await check('a comparison');
});

test('Decide: the goal-seek\'s frontier, its plans shown, and the tornado', async () => {
  await setDecideLevers(page, ['posts:longTerm=0..30/10', 'campaign=1..2/1']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 45_000 });
  await page.locator('#frontier-chart summary').click();
  await page.getByLabel('Tornado at month', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  await expect(page.locator('#decide-status')).toHaveText('tornado drawn', { timeout: 45_000 });
  await check('Decide');
});

test('the saved list, a long name in it', async () => {
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.getByRole('button', { name: `Open ${NAME}` })).toBeVisible();
  await check('saved scenarios');
});

test('a run by team (the localities preset)', async () => {
  await page.getByLabel('A preset').check();
  await page.getByLabel('Preset', { exact: true }).selectOption('medway-2019-localities');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions')).toContainText('medway-2019-localities');
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 50_000 });
  await expect(page.locator('#team-table table')).toBeVisible();
  await check('by team');
});

test('at a phone\'s width (390 px, then 320 px) with the text spacing', async () => {
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const failures = await styled(SPACING, () => page.evaluate(layoutProblems));
    failures.push(...await page.evaluate(layoutProblems), ...await page.evaluate(smallTargets));
    expect(failures, `${width} px: ${failures.join('\n')}`).toEqual([]);
  }
  await page.setViewportSize(WIDE);
});

/** Presses Tab through every control once from the top, each checked by focusObscured. */
async function tabRound() {
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const hidden = [];
  const seen = new Set();
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.body ? [...document.body.querySelectorAll('*')].indexOf(e) : null;
    });
    if (at === null) continue;
    if (seen.has(at)) break;
    seen.add(at);
    const obscured = await page.evaluate(focusObscured);
    if (obscured) hidden.push(obscured);
  }
  return { reached: seen.size, hidden };
}

test('the focus is never hidden: every control reached by Tab is in the window, uncovered, wide and zoomed with 200% text', async () => {
  const wide = await tabRound();
  expect(wide.reached).toBeGreaterThan(60);
  expect(wide.hidden).toEqual([]);
  await page.setViewportSize(ZOOMED);
  const zoomed = await styled(TEXT_200, tabRound);
  await page.setViewportSize(WIDE);
  expect(zoomed.reached).toBe(wide.reached);
  expect(zoomed.hidden).toEqual([]);
});

test('the token dialog holds the focus, on top of the page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: ZOOMED, deviceScaleFactor: 2 });
  const asked = await context.newPage();
  await asked.goto(URL_() + '/');
  await expect(asked.getByLabel('API token', { exact: true })).toBeFocused();
  for (let i = 0; i < 6; i++) {
    await asked.keyboard.press('Tab');
    const where = await asked.evaluate(() => {
      const e = document.activeElement;
      return e === document.body ? 'the page' : e.closest('dialog') ? 'the dialog' : e.id || e.tagName;
    });
    // the focus stays in the dialog, or leaves the page for the browser's own controls
    expect(['the dialog', 'the page']).toContain(where);
    if (where === 'the dialog') expect(await asked.evaluate(focusObscured)).toBeNull();
  }
  await context.close();
});

test('nothing of the page\'s own appears on hover or focus (the charts\' titles are the browser\'s)', async () => {
  // 1.4.13 is for content that hovering or the focus shows: a chart point's or a bar's title
  // is the browser's own tooltip; the page adds nothing there to dismiss, hover or keep
  await page.evaluate(() => {
    window.shownOnHover = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList' && r.addedNodes.length) window.shownOnHover.push(`added to ${r.target.id || r.target.tagName}`);
        if (r.type === 'attributes') window.shownOnHover.push(`${r.attributeName} of ${r.target.id || r.target.tagName}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'style', 'class', 'open'] });
  });
  const hovered = ['#charts svg .median-baseline circle', '#charts svg .actuals path, #charts svg .actuals circle',
    '#team-charts svg circle', '#tornado-chart svg rect', '#frontier-chart svg circle', '#targets li',
    'figure.chart figcaption', '.lever legend', '#scenario-list tbody th'];
  let count = 0;
  for (const selector of hovered) {
    const all = page.locator(selector);
    for (let i = 0; i < Math.min(await all.count(), 3); i++) {
      await all.nth(i).scrollIntoViewIfNeeded();
      await all.nth(i).hover({ force: true });
      count++;
    }
  }
  expect(count).toBeGreaterThan(15);
  for (const id of ['run-baseline', 'months', 'decide-lever-0-from', 'team-month']) {
    await page.locator(`#${id}`).focus();
  }
  expect(await page.evaluate(() => window.shownOnHover)).toEqual([]);
  // what a hover shows is the browser's: each point's title element, none drawn by the page
  expect(await page.locator('#charts svg .median-baseline circle title').count()).toBeGreaterThan(0);
});

test('a run\'s progress and end, and a goal-seek\'s, are said in a few words, not at every tick of progress', async ({ browser }) => {
  const context = await browser.newContext({ viewport: WIDE });
  const said = await context.newPage();
  said.on('pageerror', (e) => { throw e; });
  await said.goto(URL_() + '/');
  await giveToken(said);
  // every change of a live region's words (what a screen reader says), and of the progress shown
  await said.evaluate(() => {
    window.heard = [];
    window.ticks = 0;
    const live = '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], output';
    const last = new Map([...document.querySelectorAll(live)].map((r) => [r, r.textContent.trim().replace(/\s+/g, ' ')]));
    new MutationObserver(() => {
      for (const region of document.querySelectorAll(live)) {
        const text = region.textContent.trim().replace(/\s+/g, ' ');
        // what is not displayed is not said; a visually hidden region (.sr) is
        if (text && text !== (last.get(region) ?? '') && region.checkVisibility()) {
          window.heard.push({ region: region.id, text, at: performance.now() });
        }
        last.set(region, text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    new MutationObserver(() => { window.ticks++; })
      .observe(document.getElementById('progress-text'), { subtree: true, childList: true, characterData: true });
  });
  await said.getByLabel('Replications', { exact: true }).fill('3000');
  await said.getByLabel('Months', { exact: true }).fill('36');
  await said.getByRole('button', { name: 'Run baseline' }).click();
  await expect(said.locator('#progress-text')).toContainText('Done in', { timeout: 50_000 });
  await expect(said.locator('#results-title')).toBeFocused();
  const run = await said.evaluate(() => ({ heard: window.heard, ticks: window.ticks }));
  // the progress shown on screen moved on several times (else this says nothing)
  expect(run.ticks).toBeGreaterThanOrEqual(3);
  const texts = run.heard.map((h) => h.text);
  const heard = `said: ${texts.join(' | ')}`;
  expect(texts[0], heard).toBe('Baseline run started');
  expect(texts.at(-1), heard).toMatch(/^Done in [\d.,]+ s\. Results ready below\.$/);
  // between them, a line of progress at most every 30 s
  const seconds = (run.heard.at(-1).at - run.heard[0].at) / 1000;
  expect(texts.length - 2, heard).toBeLessThanOrEqual(Math.floor(seconds / 30));
  expect(new Set(run.heard.map((h) => h.region)), heard).toEqual(new Set(['run-announce']));

  // a goal-seek (of a target): its start, and its end with its answer
  await said.getByLabel('Months', { exact: true }).fill('12');
  await said.locator('#target-month').fill('12');
  await said.getByRole('button', { name: 'Add target' }).click();
  await expect(said.locator('#targets li')).toHaveCount(1);
  await said.evaluate(() => { window.heard = []; });
  await setDecideLevers(said, ['posts:longTerm=0..30/10', 'campaign=1..2/1']);
  await said.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(said.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 45_000 });
  const decided = await said.evaluate(() => window.heard);
  const words = decided.map((h) => h.text);
  const told = `said: ${words.join(' | ')}`;
  expect(words[0], told).toBe('goal-seek started');
  expect(words.at(-1), told).toBe(`goal-seek done. ${await said.locator('#goal-seek-answer').textContent()}`);
  const took = (decided.at(-1).at - decided[0].at) / 1000;
  expect(words.length - 2, told).toBeLessThanOrEqual(Math.floor(took / 30));
  // Cancel pressed before the server has answered: "started" is not said after "Cancelling..."
  // (a reviewer had heard Cancelling... | Baseline run started | Cancelling... | Cancelled)
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await said.route('**/api/v1/runs', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await said.evaluate(() => { window.heard = []; });
  await said.getByRole('button', { name: 'Run baseline' }).click();
  await said.locator('#cancel').click();
  release();
  await expect(said.locator('#progress-text')).toHaveText('Cancelled', { timeout: 30_000 });
  const cancelled = (await said.evaluate(() => window.heard)).map((h) => h.text);
  expect(cancelled, `said: ${cancelled.join(' | ')}`).not.toContain('Baseline run started');
  expect(cancelled.at(-1), `said: ${cancelled.join(' | ')}`).toBe('Cancelled');
  await said.unroute('**/api/v1/runs');

  // the regions that say them are there to be heard, and out of sight (the screen shows the same)
  for (const id of ['run-announce', 'decide-announce']) {
    await expect(said.locator(`#${id}`)).toHaveAttribute('role', 'status');
    await expect(said.locator(`#${id}`)).toHaveClass('sr');
  }
  await context.close();
});

test('a baseline chosen is said in a line, not read whole', async ({ browser }) => {
  const context = await browser.newContext({ viewport: WIDE });
  const said = await context.newPage();
  await said.goto(URL_() + '/');
  await giveToken(said);
  await said.getByLabel('A council and year (calibrated from DfE data)').check();
  await said.getByRole('button', { name: 'Calibrate' }).click();
  // the Year box's default: the latest return the server has
  await expect(said.locator('#assumptions')).toContainText('Medway 2022 (calibrated)', { timeout: 30_000 });
  // the facts and assumptions, over a thousand characters, are read where they are
  expect((await said.locator('#assumptions').textContent()).length).toBeGreaterThan(1000);
  const live = await said.locator('#assumptions').evaluate((box) => {
    const regions = '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]';
    return Boolean(box.closest(regions) || box.querySelector(regions));
  });
  expect(live).toBe(false);
  await expect(said.locator('#start-announce')).toHaveText('Baseline: Medway 2022 (calibrated). Its facts and what it assumes are below.');
  await expect(said.locator('#start-announce')).toHaveAttribute('role', 'status');
  await context.close();
});
