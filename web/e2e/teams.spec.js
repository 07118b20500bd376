// Local teams on the page: the localities preset (long-term work in "east" and "west") gets a
// "By team" section whose plotted medians are the API's; a comparison overlays the plan in
// each team's panel; a one-team preset has no such section.
import { readFileSync } from 'node:fs';
import { test, expect, request } from '@playwright/test';
import { number, errorValue } from '../src/format.js';
import { withBand } from '../src/teams.js';

const SHOTS = '../target/page-e2e';
const PRESET = 'medway-2019-localities';
const SETTINGS = { replications: 200, months: 24, seed: 42 };

test.describe.configure({ mode: 'serial' });

let page;
let api;

/** The value at a dot's centre through the chart's y scale, and the value of one pixel. */
async function plottedMedian(selector, index) {
  return page.evaluate(([sel, i]) => {
    const svg = document.querySelector(`${sel} svg`);
    const y = svg.scale('y');
    const cy = Number(svg.querySelectorAll('circle')[i].getAttribute('cy'));
    const [d0, d1] = y.domain;
    const [r0, r1] = y.range;
    return { value: d0 + ((cy - r0) * (d1 - d0)) / (r1 - r0), perPixel: Math.abs((d1 - d0) / (r1 - r0)) };
  }, [selector, index]);
}

async function runBaseline({ replications, months, seed }) {
  await page.getByLabel('Replications', { exact: true }).fill(String(replications));
  await page.getByLabel('Months', { exact: true }).fill(String(months));
  await page.getByLabel('Seed', { exact: true }).fill(String(seed));
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 30_000 });
}

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

test('the localities preset runs with a "By team" section whose medians are the API\'s', async () => {
  await page.getByLabel('Preset', { exact: true }).selectOption(PRESET);
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText(`Baseline: ${PRESET}`);
  await expect(page.locator('#assumptions')).toContainText('east (');
  await runBaseline(SETTINGS);

  const section = page.getByRole('region', { name: 'By team' });
  await expect(section).toBeVisible();
  await expect(section.locator('figure.team[data-team-metric="caseload"] figcaption > span:first-child')).toHaveText([
    'Caseload: assessment (assessment team)', 'Caseload: east (long-term team)', 'Caseload: west (long-term team)']);
  await expect(section.locator('figure.team[data-team-metric="unallocatedCases"] figcaption > span:first-child')).toHaveText([
    'Children waiting unallocated: assessment (assessment team)', 'Children waiting unallocated: east (long-term team)',
    'Children waiting unallocated: west (long-term team)']);
  for (const team of ['east', 'west']) {
    await expect(section.locator(`figure[data-team="${team}"][data-team-metric="caseload"] svg [aria-label="area"]:not([fill="none"])`)).toHaveCount(2);
  }
  // The service-wide charts of a role say which teams they cover.
  await expect(page.locator('figure[data-metric="caseloadLongTerm"] figcaption > span:first-child'))
    .toHaveText('Caseload: all long-term teams (east, west)');
  await expect(page.locator('figure[data-metric="caseloadAssessment"] figcaption > span:first-child'))
    .toHaveText('Caseload: assessment (assessment team)');
  // Every panel of the run, the teams' too, on one month axis.
  const domains = await page.evaluate(() => [...document.querySelectorAll('figure.chart svg')]
    .map((svg) => svg.scale('x').domain.join(' to ')));
  expect(domains).toHaveLength(9 + 6);
  expect(new Set(domains).size).toBe(1);

  const created = await (await api.post('/api/v1/runs', { data: { preset: PRESET, ...SETTINGS } })).json();
  const results = await (await api.get(`${created.links.results}?wait=60`)).json();
  const east = results.teams.find((t) => t.name === 'east');
  const west = results.teams.find((t) => t.name === 'west');
  const month12 = east.monthly[11].metrics;
  // East has 40% of the long-term staff for half the demand: its fan is above west's.
  expect(month12.caseload.p50).toBeGreaterThan(west.monthly[11].metrics.caseload.p50);

  const eastChart = 'figure[data-team="east"][data-team-metric="caseload"]';
  // each figure with its 95% Monte Carlo error from the same JSON
  const c = month12.caseload;
  const f = (k) => `${number(c[k], 1)} \u00b1${errorValue('caseload', c.halfWidth95[k])}`;
  await expect(page.locator(`${eastChart} circle`).nth(11).locator('title')).toHaveText(
    `baseline, month 12 (${results.monthly[11].date}): median ${f('p50')}; `
    + `50% band ${f('p25')} to ${f('p75')}; 90% band ${f('p5')} to ${f('p95')}`
    + ' (\u00b1: 95% Monte Carlo error)');
  const plotted = await plottedMedian(eastChart, 11);
  expect(Math.abs(plotted.value - month12.caseload.p50)).toBeLessThanOrEqual(plotted.perPixel);
  const unallocated = await plottedMedian('figure[data-team="west"][data-team-metric="unallocatedCases"]', 23);
  expect(Math.abs(unallocated.value - west.monthly[23].metrics.unallocatedCases.p50)).toBeLessThanOrEqual(unallocated.perPixel);

  // The table: at the last month by default, then at the month typed.
  const tableAt = page.locator('#teams-at-month');
  await expect(tableAt.locator('caption')).toHaveText(`By team at month 24 (${results.monthly[23].date}): median (90% band)`);
  await page.getByLabel('Table by team at month', { exact: true }).fill('12');
  await expect(tableAt.locator('caption')).toHaveText(`By team at month 12 (${results.monthly[11].date}): median (90% band)`);
  await expect(tableAt.locator('thead th')).toHaveText(['Team', 'Caseload', 'Unallocated', 'Mean wait (months)', 'Vacancy rate', 'Agency (FTE)']);
  await expect(tableAt.getByRole('row', { name: /^east \(long-term team\)/ }).locator('td')).toHaveText([
    withBand('caseload', month12.caseload), withBand('unallocatedCases', month12.unallocatedCases),
    withBand('meanWaitMonths', month12.meanWaitMonths), withBand('vacancyRate', month12.vacancyRate),
    withBand('agencyFte', month12.agencyFte)]);
  await page.getByLabel('Table by team at month', { exact: true }).fill('99');
  await expect(page.locator('#team-month-error')).toHaveText('a whole month from 1 to 24');
  await expect(page.getByLabel('Table by team at month', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Table by team at month', { exact: true }).fill('12');
  await expect(page.locator('#team-month-error')).toBeEmpty();
  await section.screenshot({ path: `${SHOTS}/teams-baseline.png` });

  // printed: the table by team at the month chosen, not its fans, on one A4 page
  await page.emulateMedia({ media: 'print' });
  await expect(tableAt).toBeVisible();
  await expect(tableAt.locator('caption')).toHaveText(`By team at month 12 (${results.monthly[11].date}): median (90% band)`);
  await expect(page.locator('#team-charts')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length).toBe(1);
  await page.emulateMedia({ media: 'screen' });
});

test('the wide CSV has each team\'s columns, equal to the API\'s figures', async () => {
  const created = await (await api.post('/api/v1/runs', { data: { preset: PRESET, ...SETTINGS } })).json();
  const results = await (await api.get(`${created.links.results}?wait=60`)).json();
  const [wide] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: /Download wide CSV/ }).click()]);
  const lines = readFileSync(await wide.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = lines[0].split(',');
  expect(lines).toHaveLength(1 + SETTINGS.months);
  for (const name of ['assessment', 'east', 'west']) {
    const team = results.teams.find((t) => t.name === name);
    for (const [metric, stat] of [['caseload', 'p50'], ['unallocatedCases', 'p95'], ['vacancyRate', 'mean']]) {
      const column = header.indexOf(`baseline_team_${name}_${metric}_${stat}`);
      expect(column, `${name} ${metric} ${stat}`).toBeGreaterThan(1);
      const month12 = lines[12].split(',');
      expect(Number(month12[column])).toBe(Number(team.monthly[11].metrics[metric][stat].toPrecision(6)));
    }
  }
});

test('a plan on one locality overlays baseline and plan in each team\'s panel and table', async () => {
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#lever-0-team').selectOption('east');
  await page.locator('#lever-0-fte').fill('20');
  await page.locator('#lever-0-startMonth').fill('1');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 30_000 });
  const section = page.getByRole('region', { name: 'By team' });
  await expect(section).toBeVisible();
  await expect(section.locator('figure.team')).toHaveCount(6);
  await expect(section.locator('figure[data-team="east"][data-team-metric="caseload"] svg [aria-label="area"]:not([fill="none"])')).toHaveCount(4);
  await expect(section.locator('figure[data-team="east"][data-team-metric="caseload"] .median-plan circle')).toHaveCount(24);
  const tableAt = page.locator('#teams-at-month');
  await expect(tableAt.locator('thead th').first()).toHaveText('Team and run');
  await expect(tableAt.locator('tbody th')).toHaveText(['assessment (assessment team), baseline', 'assessment (assessment team), plan',
    'east (long-term team), baseline', 'east (long-term team), plan', 'west (long-term team), baseline', 'west (long-term team), plan']);
  await section.screenshot({ path: `${SHOTS}/teams-comparison.png` });
  await page.getByRole('button', { name: 'Remove lever 1, Posts' }).click();
  await expect(page.locator('#levers fieldset')).toHaveCount(0);
});

test('a preset with one team per role shows no "By team" section', async () => {
  await page.getByLabel('Preset', { exact: true }).selectOption('medway-2019');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText('Baseline: medway-2019:');
  await runBaseline({ replications: 50, months: 6, seed: 1 });
  await expect(page.locator('figure.chart[data-metric="caseload"]')).toHaveCount(1);
  await expect(page.locator('#by-team')).toBeHidden();
  await expect(page.getByRole('region', { name: 'By team' })).toHaveCount(0);
  await expect(page.locator('figure.team')).toHaveCount(0);
  await expect(page.locator('#teams-at-month')).toHaveCount(0);
});
