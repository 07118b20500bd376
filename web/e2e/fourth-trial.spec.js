// Defects a fourth planner's trial of the page found (Cornwall 2020, Birmingham 2022), each
// reproduced in the browser: an agency policy meant to change nothing fixed the cover share
// and moved the results; Back then Forward left the form out of step with the page's state;
// nothing said how many cases waited at the base date; rate targets of "12" were 1200%; Enter in
// the council's fields did nothing; a saved scenario reopened at the default replications and seed.
import { test, expect } from '@playwright/test';
import { apiClient, open, URL_, deleteScenariosNamed } from './session.js';

test('an agency policy leaves the cover share out unless one is typed (the council\'s own, drawn with its uncertainty)', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Add a lever', { exact: true }).selectOption('agencyPolicy');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await expect(page.locator('#lever-0-coverShare')).toHaveValue('');
  await page.getByLabel('Replications', { exact: true }).fill('20');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/comparisons') && r.method() === 'POST');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  const body = (await sent).postDataJSON();
  const policy = body.variants[0].interventions[0];
  expect(policy.type).toBe('agencyPolicy');
  expect(policy.coverShare).toBeNull();
  await expect(page.locator('#summary')).toContainText("cover share the council's own");
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Back after leaving the page, then Forward, gives a page in step with itself: no values left in the wrong fields', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#levers fieldset input').first().fill('15');
  await page.locator('#target-value').fill('17');
  await page.goto(URL_() + '/api/v1/docs');
  await page.goBack();
  await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
  // the form as the page's state has it: the lever kept for the tab with its value in its own
  // field (draft.js), the target builder's defaults (a value typed and not added is not kept)
  await expect(page.locator('#levers fieldset')).toHaveCount(1);
  await expect(page.locator('#levers fieldset input').first()).toHaveValue('15');
  await expect(page.locator('#target-value')).toHaveValue('18');
  await expect(page.locator('#target-month')).toHaveValue('24');
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('medway-2019');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('the baseline says how many cases wait for a worker at the base date; a rate target of "12" or a negative one is refused when added', async ({ browser }) => {
  const page = await open(browser);
  // Medway 2019's calibration: 62 children awaiting assessment
  await expect(page.locator('#baseline-facts')).toContainText('62 cases waiting for a worker at the base date');
  const error = page.locator('[data-field=targets]');
  await page.getByLabel('Metric', { exact: true }).selectOption('vacancyRate');
  await page.getByLabel('value', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(error).toHaveText('A rate is a fraction or a percentage: 0.12 or 12%; was "12".');
  await page.getByLabel('Metric', { exact: true }).selectOption('unallocatedCases');
  await page.getByLabel('value', { exact: true }).fill('-5');
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(error).toHaveText('The value must be 0 or more; was "-5".');
  await expect(page.locator('#targets li')).toHaveCount(0);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Enter in the council or year calibrates; the name box takes at most 400 UTF-16 units (200 emoji)', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)').fill('Cornwall');
  await page.getByLabel('Year (30 September)').fill('2020');
  await page.getByLabel('Year (30 September)').press('Enter');
  await expect(page.locator('#assumptions h3')).toHaveText('Baseline: Cornwall 2020 (calibrated)');
  await expect(page.locator('#baseline-facts')).toContainText('329 cases waiting for a worker at the base date');
  await page.getByLabel('Name', { exact: true }).fill('x'.repeat(500));
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('x'.repeat(400));
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a saved scenario reopens with the replications and seed it was saved with', async ({ browser }) => {
  const name = 'Fourth trial plan, 500 replications, seed 42';
  const page = await open(browser);
  const api = await apiClient();
  try {
    await page.getByLabel('Replications', { exact: true }).fill('500');
    await page.getByLabel('Seed', { exact: true }).fill('42');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    await page.getByLabel('Replications', { exact: true }).fill('1000');
    await page.getByLabel('Seed', { exact: true }).fill('1');
    await page.getByRole('button', { name: `Open ${name}` }).click();
    await expect(page.getByLabel('Replications', { exact: true })).toHaveValue('500');
    await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('42');
    expect(page.errors).toEqual([]);
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
    await page.context().close();
  }
});
