// Decide on the page: a goal-seek draws its frontier with the answer ringed, a sensitivity
// draws its tornado, and bad levers get the API's (the CLI's) reason.
import { test, expect } from '@playwright/test';
import { setDecideLevers } from './session.js';
import { difference, intervalExtra } from '../src/format.js';
import { structureProblems } from './reading.js';
import { FRONTIER, frontierPoints, frontierRows, overlappingPlans } from '../src/decide.js';

const SHOTS = '../target/page-e2e';

test.describe.configure({ mode: 'serial' });

let page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(process.env.CASELOAD_PAGE_URL + '/');
  await page.getByLabel('API token', { exact: true }).fill(process.env.CASELOAD_PAGE_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.locator('#target-month').fill('6');
  await page.getByRole('button', { name: 'Add target' }).click();
});

test.afterAll(async () => {
  await page?.close();
});

test('a bad lever is refused with the reason the CLI gives', async () => {
  // what only the server tells (a value beyond what the lever can be), under the levers in the
  // CLI's words
  await setDecideLevers(page, ['posts:longTerm=0..60/6', 'agencyCover=0.5..1.5/0.5']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-levers-error')).toContainText('coverShare: must be <= 1, was 1.5');
  // two levers that set one agency policy: refused by the page at the second row, as goal-seek would
  await setDecideLevers(page, ['agencyCover=0.5..1/0.1', 'agencyCap=0..60/10']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-lever-1-kind-error')).toContainText('sets what row 1 sets (agencyCover)');
});

test('a goal-seek draws the frontier with the cheapest plan ringed', async () => {
  await setDecideLevers(page, ['posts:longTerm=0..60/6', 'campaign=1..2/1']);
  const results = page.waitForResponse((r) => /\/goal-seeks\/[^/]+\/results/.test(r.url()) && r.ok());
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 60_000 });
  await expect(page.locator('#decide-error')).toHaveText('');
  await expect(page.locator('#goal-seek-answer')).toContainText('Cheapest plan: longTerm posts +');
  // The number a funding decision needs: the answer's extra cost a year, as the API gives it.
  const answer = (await results.then((r) => r.json())).answer;
  // with as many decimals as show its interval's width
  const [low, high] = answer.extraCostPerYearCi95;
  await expect(page.locator('#goal-seek-answer')).toContainText(
    `extra cost ${difference('cost', answer.extraCostPerYear, intervalExtra('cost', low, high))} a year`);
  await expect(page.locator('#frontier-chart svg .frontier-answer circle')).toHaveCount(1);
  expect(await page.locator('#frontier-chart svg .frontier-plan circle').count()).toBeGreaterThan(2);
  // The cost axis says what the cost is the mean of: the first replications, shared by every plan.
  const doc = await (await results).json();
  const n = doc.evaluated[0].costReplications;
  expect(n).toBeGreaterThan(0);
  expect(new Set(doc.evaluated.map((e) => e.costReplications))).toEqual(new Set([n]));
  await expect(page.locator('#frontier-chart svg [aria-label="x-axis label"]'))
    .toContainText(`Mean cost over 6 months (£m), first ${n} replications, the yardstick shared by every plan`);
  await expect(page.locator('#frontier-note')).toContainText(`from the first ${n} replications, the yardstick shared by every plan`);
  // the probability axis in percent, as the table and the goal say it (it had read 0.0 to 1.0)
  const ticks = page.locator('#frontier-chart svg [aria-label="y-axis tick label"]');
  await expect(ticks).toContainText('50%');
  await expect(ticks).toContainText('100%');
  await expect(ticks).not.toContainText('1.0');
  await expect(page.locator('#frontier-chart svg .frontier-answer title'))
    .toContainText(`over 6 months, first ${n} replications, the yardstick shared by every plan`);
  await page.screenshot({ path: `${SHOTS}/decide-frontier.png`, fullPage: true });
});

test('a new goal-seek does not show the last one\'s answer beside its progress', async () => {
  await expect(page.locator('#goal-seek-answer')).toContainText('Cheapest plan');
  // its submission held a moment, so what is on screen meanwhile can be seen
  await page.route('**/api/v1/goal-seeks', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#goal-seek-answer')).toHaveText('');
  await expect(page.locator('#frontier-chart svg')).toHaveCount(0);
  // nor its heading, over nothing
  await expect(page.getByRole('heading', { name: 'Goal-seek: the answer and its frontier' })).toHaveCount(0);
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 60_000 });
  await expect(page.locator('#goal-seek-answer')).toContainText('Cheapest plan');
  await page.unroute('**/api/v1/goal-seeks');
});

test('a sensitivity draws one tornado bar per uncertain parameter and lever', async () => {
  await page.getByLabel('Tornado of metric', { exact: true }).selectOption('caseload');
  await page.getByLabel('Tornado at month', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  await expect(page.locator('#decide-status')).toHaveText('tornado drawn', { timeout: 60_000 });
  expect(await page.locator('#tornado-chart svg .tornado-bar rect').count()).toBeGreaterThan(2);
  // the bars in planners' words, the API's names beside them in each bar's title
  await expect(page.locator('#tornado-chart svg')).toContainText('Referral level');
  await expect(page.locator('#tornado-chart svg')).not.toContainText('nfaShare:');
  await expect(page.locator('#tornado-chart svg .tornado-bar title', { hasText: 'Referral level (referralLevel): ' })).toHaveCount(1);
  // read without hovering: each end's value beside it, and a note on how to read the bars
  expect(await page.locator('#tornado-chart svg .tornado-end text').count())
    .toBe(2 * await page.locator('#tornado-chart svg .tornado-bar rect').count());
  await expect(page.locator('#tornado-note')).toContainText('Each bar spans caseload at month 6 as one input moves');
  await expect(page.locator('#tornado-chart svg')).toContainText('Posts (longTerm team)');
  // its text alternative: a table of the bars, a row each, settings in words (not only in hover titles)
  await page.locator('#tornado-chart summary', { hasText: 'Bars as a table' }).click();
  const table = page.locator('#tornado-chart details table');
  await expect(table.locator('tbody tr')).toHaveCount(await page.locator('#tornado-chart svg .tornado-bar rect').count());
  await expect(table).toContainText('Referral level (referralLevel)');
  await expect(table.locator('caption')).toContainText('every input central');
  await page.screenshot({ path: `${SHOTS}/decide-tornado.png`, fullPage: true });
});

test('Decide is numbered among the sections, and its frontier and tornado have headings of their own', async () => {
  // a screen reader's list of headings: the sections 1 to 5 in order, Decide the fourth (it had
  // no number: "1, 2, 3, Decide, 4"), the results (hidden until a run) the fifth
  const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(sections.map((t) => /^(\d+)\. /.exec(t)?.[1])).toEqual(['1', '2', '3', '4']);
  expect(sections[3]).toBe('4. Decide: the cheapest plan, and what drives the spread');
  await expect(page.locator('#results-title')).toHaveText('5. Results');
  // the goal-seek's answer and frontier and the tornado (both drawn by the tests above) under
  // headings one level below the section's, each before what it heads
  const decide = page.locator('#decide');
  const frontier = decide.getByRole('heading', { level: 3, name: 'Goal-seek: the answer and its frontier' });
  const tornado = decide.getByRole('heading', { level: 3, name: 'Tornado of caseload at month 6' });
  await expect(frontier).toBeVisible();
  await expect(tornado).toBeVisible();
  const before = (heading, selector) => heading.evaluate((h, s) => [...document.querySelectorAll(s)]
    .every((e) => h.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING), selector);
  expect(await before(frontier, '#goal-seek-answer, #frontier-chart svg, #frontier-note')).toBe(true);
  expect(await before(tornado, '#tornado-chart svg, #tornado-note')).toBe(true);
  expect(await before(tornado, '#frontier-chart svg')).toBe(false);
  // and the page's headings as a whole: one h1, no level skipped, the sections numbered in order
  expect(await page.evaluate(structureProblems)).toEqual([]);
});

/** A goal-seek of the levers typed, run to its end: the request's body and the results the page was given. */
async function goalSeekOf(levers, probability = '0.8') {
  await setDecideLevers(page, levers.split('\n'));
  await page.getByLabel('Probability of meeting every target', { exact: true }).fill(probability);
  const sent = page.waitForRequest((r) => /\/goal-seeks$/.test(r.url()) && r.method() === 'POST');
  const results = page.waitForResponse((r) => /\/goal-seeks\/[^/]+\/results/.test(r.url()) && r.ok());
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 50_000 });
  await expect(page.locator('#decide-error')).toHaveText('');
  return { body: (await sent).postDataJSON(), doc: await (await results).json() };
}

/** Each point drawn on the frontier, where it is: {cx, cy}. */
const drawnPoints = () => page.locator('#frontier-chart svg :is(.frontier-plan, .frontier-answer) circle')
  .evaluateAll((cs) => cs.map((c) => ({ cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')) })));

test('a frontier of two points from a grid of eight says that two plans were run, and why', async () => {
  // the audit's levers: four posts values and two campaigns allow 8 plans; two points were drawn
  const { body, doc } = await goalSeekOf('posts:longTerm=0..30/10\ncampaign=1..2/1');
  // the request as typed, and the API's answer: the strongest plan falls short, so it ran the
  // weakest and the strongest only (docs/decide.md, step 5): two plans, not eight lost ones
  expect(body.levers).toEqual(['posts:longTerm=0..30/10', 'campaign=1..2/1']);
  expect(doc.levers.map((l) => l.values)).toEqual([[0, 10, 20, 30], [1, 2]]);
  expect(doc.answer.status).toBe('infeasible');
  expect(doc.evaluated.length).toBe(2);
  // every plan run is a point, where frontierPoints puts it: inside the plot, neither on its edge
  const drawn = await drawnPoints();
  expect(drawn.length).toBe(doc.evaluated.length);
  const expected = frontierPoints(frontierRows(doc));
  expect(drawn.map((p) => [Math.round(p.cx * 10) / 10, Math.round(p.cy * 10) / 10]).sort())
    .toEqual(expected.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]).sort());
  for (const p of drawn) {
    expect(p.cx).toBeGreaterThanOrEqual(FRONTIER.marginLeft + FRONTIER.inset - 0.01);
    expect(p.cx).toBeLessThanOrEqual(FRONTIER.width - FRONTIER.marginRight - FRONTIER.inset + 0.01);
  }
  // said under the chart and over its table
  await expect(page.locator('#frontier-note')).toContainText('2 plans run, each a point, of the 8 plans the levers\' ranges allow'
    + ' (4 \u00d7 2): the strongest plan (every lever at its strongest) falls short of 80%');
  await page.locator('#frontier-chart summary').click();
  await expect(page.locator('#frontier-chart table caption'))
    .toHaveText('Plans evaluated, cheapest first: 2 of the 8 plans the levers\' ranges allow');
  await expect(page.locator('#frontier-chart table tbody tr')).toHaveCount(2);
  await expect(page.locator('#frontier-chart table tbody tr').last())
    .toContainText('longTerm posts +30, campaign x2 for 12 months (the best run, short of 80%)');
  await expect(page.locator('#frontier-chart svg .frontier-overlap text')).toHaveCount(0);
  // the best run ringed (dashed) on the chart as in the table, over its own point
  const rows = frontierRows(doc);
  const best = frontierPoints(rows)[rows.findIndex((r) => r.best)];
  const ring = page.locator('#frontier-chart svg .frontier-best circle');
  await expect(ring).toHaveCount(1);
  expect(Number(await ring.getAttribute('cx'))).toBeCloseTo(best.x, 1);
  expect(Number(await ring.getAttribute('cy'))).toBeCloseTo(best.y, 1);
  await expect(page.locator('#frontier-chart svg .frontier-answer circle')).toHaveCount(0);
  await page.locator('#decide').screenshot({ path: `${SHOTS}/decide-frontier-two-of-eight.png` });
});

test('plans drawn over one another are marked with their count, on the chart and in its table', async () => {
  // an agency cap no agency staffing reaches changes nothing: the plans of either cap have one
  // cost and one probability, so each posts value's two plans are drawn at one place
  const { doc } = await goalSeekOf('posts:longTerm=0..30/10\nagencyCap=400..300/100', '0.3');
  const groups = overlappingPlans(frontierRows(doc));
  expect(groups.length).toBeGreaterThan(0);
  // every plan still drawn (nothing jittered), each group labelled with its count
  expect((await drawnPoints()).length).toBe(doc.evaluated.length);
  const labels = page.locator('#frontier-chart svg .frontier-overlap text');
  await expect(labels).toHaveCount(groups.length);
  // the count drawn (its title, read on hovering, names the plans)
  expect(await labels.evaluateAll((ts) => ts.map((t) => [...t.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent).join('')))).toEqual(groups.map((g) => `\u00d7${g.length}`));
  await expect(labels.first().locator('title')).toHaveText(`2 plans at one point: ${groups[0].map((r) => r.plan).join('; ')}`);
  await expect(page.locator('#frontier-note')).toContainText('Plans of (nearly) the same cost and probability are one point, marked with how many');
  await page.locator('#frontier-chart summary').click();
  await expect(page.locator('#frontier-chart table thead th').last()).toHaveText('On the chart');
  const together = page.locator('#frontier-chart table tbody tr', { hasText: 'one point with' });
  await expect(together).toHaveCount(groups.reduce((n, g) => n + g.length, 0));
  await page.locator('#decide').screenshot({ path: `${SHOTS}/decide-frontier-overlaps.png` });
});
