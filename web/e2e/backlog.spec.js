// A plan that clears a backlog (the first-response preset, 4 posts from month 5 and every
// vacancy of that team covered by agency): the caseload it raises is read with the unallocated cases it
// lowers; role charts named after the scenario's teams; referrals worded precisely; the
// Decide section's levers on the scenario's own teams.
import { test, expect, request } from '@playwright/test';
import { shares } from '../src/format.js';
import { allocationMonths, allocationNote, ALLOCATION_NOTE } from '../src/wording.js';
import { setDecideLevers, decideLevers } from './session.js';

const SHOTS = '../target/page-e2e';
const PRESET = 'northamptonshire-2017-first-response';
const SETTINGS = { replications: 200, months: 24, seed: 42 };

test.describe.configure({ mode: 'serial' });

let page;
let api;

test.beforeAll(async ({ browser }) => {
  api = await request.newContext({ baseURL: process.env.CASELOAD_PAGE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${process.env.CASELOAD_PAGE_TOKEN}` } });
  page = await browser.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(process.env.CASELOAD_PAGE_URL + '/');
  await page.getByLabel('API token', { exact: true }).fill(process.env.CASELOAD_PAGE_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
});

test.afterAll(async () => {
  await api?.dispose();
  await page?.close();
});

async function usePreset(name) {
  await page.getByLabel('Preset', { exact: true }).selectOption(name);
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText(`Baseline: ${name}:`);
}

test('Decide starts from levers on the loaded scenario\'s own teams, and keeps what was typed', async () => {
  expect(await decideLevers(page)).toEqual(['posts:longTerm=0..60/6', 'campaign=1..3/1']);
  await usePreset('medway-2019-localities');
  expect(await decideLevers(page)).toEqual(['posts:east=0..25/5', 'campaign=1..3/1']);
  await setDecideLevers(page, ['posts:west=0..30/10']);
  await usePreset(PRESET);
  // kept as typed: its team, not this baseline's, left to choose at the row
  expect(await decideLevers(page)).toEqual(['posts:=0..30/10']);
  await expect(page.locator('#decide-lever-0-team option:checked')).toHaveText('west: not a team of this baseline; choose one');
});

test('the start summary says its referrals are new ones, re-referrals on top', async () => {
  const scenario = await (await api.get(`/api/v1/presets/${PRESET}`)).json();
  const monthly = Math.round(scenario.parameters.demand.baseMonthly);
  await expect(page.locator('#baseline-facts')).toContainText(
    `${monthly.toLocaleString('en-GB')} new referrals a month (re-referrals of closed cases come on top)`);
});

test('posts and full agency cover clear the backlog: caseload is read with unallocated cases', async () => {
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await expect(page.locator('#levers fieldset[data-type="posts"] .help')).toContainText(
    'New posts start vacant: recruitment fills them over months');
  await page.locator('#lever-0-team').selectOption('firstResponse');
  await page.locator('#lever-0-fte').fill('4');
  await page.locator('#lever-0-startMonth').fill('5');
  await page.getByLabel('Add a lever', { exact: true }).selectOption('agencyPolicy');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#lever-1-team').selectOption('firstResponse');
  await page.locator('#lever-1-coverShare').fill('1.0');
  await page.getByLabel('Replications', { exact: true }).fill(String(SETTINGS.replications));
  await page.getByLabel('Months', { exact: true }).fill(String(SETTINGS.months));
  await page.getByLabel('Seed', { exact: true }).fill(String(SETTINGS.seed));
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });

  // The same request to the API: the page shows its statistics unchanged.
  const created = await (await api.post('/api/v1/comparisons', { data: { baseline: { preset: PRESET },
    variants: [{ interventions: [{ type: 'posts', startMonth: 5, team: 'firstResponse', fte: 4 },
      { type: 'agencyPolicy', startMonth: 1, team: 'firstResponse', coverShare: 1, costPerYear: 82500, capFte: null }] }],
    ...SETTINGS } })).json();
  const doc = await (await api.get(`${created.links.results}?wait=60`)).json();
  const differences = doc.variants[0].differences;
  const tableMonths = allocationMonths(differences, [12, 24]);
  expect(tableMonths.length).toBeGreaterThan(0);
  const table = page.locator('#differences');
  for (const m of tableMonths) {
    const d = differences[m - 1].metrics;
    await expect(table.getByRole('row', { name: new RegExp(`^Caseload, month ${m} `) }).locator('td').nth(5))
      .toHaveText(shares(d.caseload.probabilityBetter, d.caseload.probabilitySame, d.caseload.probabilityWorse)[2]);
    await expect(table.getByRole('row', { name: new RegExp(`^Children waiting unallocated, month ${m} `) }).locator('td').nth(3))
      .toHaveText(shares(d.unallocatedCases.probabilityBetter, d.unallocatedCases.probabilitySame,
        d.unallocatedCases.probabilityWorse)[0]);
  }
  await expect(page.locator('#differences-note')).toHaveText(allocationNote(tableMonths));
  await expect(table).toHaveAttribute('aria-describedby', 'differences-note');
  const everyMonth = differences.map((_, i) => i + 1);
  const chartNote = page.locator('figure[data-metric="caseload"] .note');
  await expect(chartNote).toHaveText(allocationNote(allocationMonths(differences, everyMonth)));
  await expect(chartNote).toContainText(ALLOCATION_NOTE);
  // Only the caseload chart carries it.
  await expect(page.locator('#charts .note')).toHaveCount(1);

  // The role charts carry the team's name.
  await expect(page.locator('figure[data-metric="caseloadAssessment"] figcaption > span:first-child'))
    .toHaveText('Caseload: firstResponse (assessment team)');
  await expect(page.locator('figure[data-metric="caseloadLongTerm"] figcaption > span:first-child'))
    .toHaveText('Caseload: longTerm (long-term team)');
  await expect(page.locator('#snapshots').getByRole('row', { name: /^Referrals in the year, re-referrals included/ }))
    .toHaveCount(1);
  await page.locator('#charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/backlog-comparison.png`, fullPage: true });
});

test('a comparison with no such month has no note', async () => {
  await page.getByRole('button', { name: 'Remove lever 2, Agency policy' }).click();
  await page.getByRole('button', { name: 'Remove lever 1, Posts' }).click();
  await page.getByLabel('Add a lever', { exact: true }).selectOption('referralShock');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(page.locator('#differences')).toBeVisible();
  await expect(page.locator('#differences-note')).toHaveCount(0);
  await expect(page.locator('#charts .note')).toHaveCount(0);
});
