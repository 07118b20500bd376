// Defects a fifth planner's trial of the page found (Leeds 2021, Norfolk 2022), each reproduced
// in the browser: a double click on "Save as new" saved two scenarios of one name; the tornado
// gave no accuracy (bars of 16 to 16 whose swing was within its error looked like findings);
// referral growth could only be part of the plan, so "given 5% growth, what do 20 posts do"
// could not be asked (the posts looked harmful: the plan had the growth, the baseline not);
// Leeds 2021's bands (vacancy 0% to 40%) came with nothing said of why; a reload mid-run set
// the start back to the first preset and cleared levers, targets and settings.
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed, setDecideLevers } from './session.js';
import { errorValue, metricValue } from '../src/format.js';

test('a double click on "Save as new" saves one scenario', async ({ browser }) => {
  const name = 'Fifth trial, double click';
  const page = await open(browser);
  const api = await apiClient();
  try {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).dblclick();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(1);
    const listed = await (await api.get('/api/v1/scenarios?limit=100')).json();
    expect(listed.items.filter((s) => s.name === name)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
    await page.context().close();
  }
});

test('the tornado gives each end its 95% Monte Carlo error, as the API\'s standard errors', async ({ browser }) => {
  const page = await open(browser);
  const done = page.waitForResponse((r) => /\/api\/v1\/sensitivities\/[^/]+\/results/.test(r.url()) && r.status() === 200,
    { timeout: 90_000 });
  await page.getByLabel('Tornado of metric', { exact: true }).selectOption('caseload');
  await page.getByLabel('Tornado at month', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  const doc = await (await done).json();
  await expect(page.locator('#decide-status')).toHaveText('tornado drawn', { timeout: 60_000 });
  const ends = await page.locator('#tornado-chart svg .tornado-end text').allTextContents();
  expect(ends.length).toBe(2 * doc.tornado.bars.length);
  expect(ends.every((t) => /\u00b1/.test(t))).toBe(true);
  // the referral level's bar: its lower end and its 1.96 standard errors, as the chart writes them
  const bar = doc.tornado.bars.find((b) => b.input === 'referralLevel');
  const title = await page.locator('#tornado-chart svg .tornado-bar title', { hasText: 'Referral level (referralLevel): ' }).textContent();
  expect(title).toContain(`${metricValue('caseload', bar.low)} \u00b1${errorValue('caseload', 1.959963984540054 * bar.lowSe)} (`);
  await expect(page.locator('#tornado-note')).toContainText('each end\'s 95% Monte Carlo error');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a lever marked an assumption is in the baseline too: compared, summarised, saved and reopened as one', async ({ browser }) => {
  const name = 'Fifth trial, growth assumed';
  const page = await open(browser);
  const api = await apiClient();
  try {
    await page.getByLabel('Add a lever', { exact: true }).selectOption('referralGrowth');
    await page.getByRole('button', { name: 'Add lever' }).click();
    await page.locator('#lever-0-annualGrowth').fill('0.08');
    await page.getByLabel('An assumption: in the baseline too (not part of the plan)').check();
    // an assumption alone is no plan
    await expect(page.getByRole('button', { name: 'Compare baseline and plan' })).toBeDisabled();
    await page.locator('#levers').screenshot({ path: '../target/page-e2e/fifth-trial-assumption.png' });
    await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
    await page.getByRole('button', { name: 'Add lever' }).click();
    // the typical range in this council's own figures, following the team chosen
    await expect(page.locator('#lever-1-fte-hint')).toContainText(/; for assessment's [\d.,]+ funded posts, [\d.,]+ to [\d.,]+$/);
    await page.locator('#lever-1-team').selectOption('longTerm');
    await expect(page.locator('#lever-1-fte-hint')).toContainText(/; for longTerm's [\d.]+ funded posts/);
    await page.getByLabel('Replications', { exact: true }).fill('20');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/comparisons') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
    const body = (await sent).postDataJSON();
    expect(body.baseline.interventions.map((i) => i.type)).toEqual(['referralGrowth']);
    expect(body.baseline.interventions[0].annualGrowth).toBe(0.08);
    expect(body.variants[0].interventions.map((i) => i.type)).toEqual(['posts']);
    await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
    await expect(page.locator('#summary')).toContainText('Assumed in the baseline');
    await expect(page.locator('#summary')).toContainText('Referral growth: annual growth 8%');

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    const listed = await (await api.get('/api/v1/scenarios?limit=100')).json();
    const stored = await (await api.get(`/api/v1/scenarios/${listed.items.find((x) => x.name === name).id}`)).json();
    const growthAt = stored.scenario.interventions.findIndex((i) => i.type === 'referralGrowth');
    expect(stored.assumptions).toEqual([growthAt]);

    await page.getByLabel('An assumption: in the baseline too (not part of the plan)').first().uncheck();
    // the change not saved is asked about before it is replaced (eighth-trial.spec): accepted
    const asked = [];
    page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.accept(); });
    await page.getByRole('button', { name: `Open ${name}` }).click();
    await expect.poll(() => asked.length).toBe(1);
    await expect(page.locator('#save-status')).toHaveText(`Opened "${name}", version 1.`);
    const growth = page.locator('fieldset.lever[data-type="referralGrowth"] input[type="checkbox"]');
    await expect(growth).toBeChecked();
    await expect(page.locator('fieldset.lever[data-type="posts"] input[type="checkbox"]')).not.toBeChecked();
    expect(page.errors).toEqual([]);
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
    await page.context().close();
  }
});

test('a council whose own figures disagree far more than the typical council\'s is warned of before its bands are read', async ({ browser }) => {
  const page = await open(browser);
  // the first preset's baseline (Medway 2019) has none
  await expect(page.locator('#baseline-facts')).toBeVisible();
  await expect(page.locator('#baseline-warning')).toHaveCount(0);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)').fill('Leeds');
  await page.getByLabel('Year (30 September)').fill('2021');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/calibrations') && r.status() === 200);
  await page.getByRole('button', { name: 'Calibrate' }).click();
  const calibration = await (await answered).json();
  expect(calibration.notes.filter((n) => n.startsWith('very uncertain: ')).length).toBe(1);
  await expect(page.locator('#baseline-warning')).toBeVisible();
  await page.locator('#assumptions').screenshot({ path: '../target/page-e2e/fifth-trial-warning.png' });
  await expect(page.locator('#baseline-warning')).toHaveText(/^Wide bands ahead: this council's own figures disagree from year to year on how fast vacancies are filled, far more/);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a reload brings back the baseline, levers, targets and settings as the planner left them', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)').fill('Leeds');
  await page.getByLabel('Year (30 September)').fill('2021');
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#assumptions h3')).toHaveText('Baseline: Leeds 2021 (calibrated)');
  await page.getByLabel('Months', { exact: true }).fill('60');
  await page.getByLabel('Replications', { exact: true }).fill('20000');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByLabel('Add a lever', { exact: true }).selectOption('referralGrowth');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#lever-0-annualGrowth').fill('0.05');
  await page.getByLabel('An assumption: in the baseline too (not part of the plan)').check();
  await page.getByLabel('Metric', { exact: true }).selectOption('caseload');
  await page.getByLabel('value', { exact: true }).fill('18');
  await page.getByLabel('at month', { exact: true }).fill('24');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.reload();
  await expect(page.locator('#assumptions h3')).toHaveText('Baseline: Leeds 2021 (calibrated)');
  // the council and year as typed, under the source chosen
  await expect(page.getByLabel('A council and year (calibrated from DfE data)')).toBeChecked();
  await expect(page.getByLabel('Council (name or code)')).toHaveValue('Leeds');
  await expect(page.getByLabel('Year (30 September)')).toHaveValue('2021');
  await expect(page.locator('#baseline-warning')).toBeVisible();
  await expect(page.getByLabel('Months', { exact: true })).toHaveValue('60');
  await expect(page.getByLabel('Replications', { exact: true })).toHaveValue('20000');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(page.locator('#lever-0-annualGrowth')).toHaveValue('0.05');
  await expect(page.getByLabel('An assumption: in the baseline too (not part of the plan)')).toBeChecked();
  await expect(page.locator('#targets li')).toHaveCount(1);
  // what runs is the baseline brought back, with its assumption
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/runs') && r.method() === 'POST');
  await page.getByLabel('Replications', { exact: true }).fill('20');
  await page.getByLabel('Months', { exact: true }).fill('24');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  const body = (await sent).postDataJSON();
  expect(body.scenario.area).toBe('Leeds');
  expect(body.interventions.map((i) => i.type)).toEqual(['referralGrowth']);
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('the printed summary carries the last goal-seek\'s answer for the baseline it shows', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.locator('#target-month').fill('6');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(page.locator('#summary')).not.toContainText('Decide');
  await setDecideLevers(page, ['posts:longTerm=0..60/30']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 90_000 });
  const answer = await page.locator('#goal-seek-answer').textContent();
  await expect(page.locator('#summary dd[data-decision]')).toHaveText(answer);
  await expect(page.locator('#summary dt[data-decision]')).toHaveText('Decide (goal-seek of this baseline)');
  expect(page.errors).toEqual([]);
  await page.context().close();
});
