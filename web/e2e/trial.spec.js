// Defects found by a second planner's trial of the page (2026-11-30), each reproduced in the
// browser: a saved scenario reopening with its months, delete asked first, the first field of
// a new lever selected, a target not added twice, Decide's errors beside their fields, charts
// named by their captions alone, the baseline's version after "Save changes", and results
// of an earlier baseline said to be so.
import { test, expect } from '@playwright/test';
import { apiClient, open } from './session.js';

let api;

test.beforeAll(async () => {
  api = await apiClient();
});

test.afterAll(async () => {
  await api?.dispose();
});

async function removeSaved(name) {
  const listed = await (await api.get('/api/v1/scenarios?limit=100')).json();
  for (const stored of listed.items.filter((s) => s.name === name)) {
    await api.delete(`/api/v1/scenarios/${stored.id}`);
  }
}

test('a saved scenario reopens with the months it was saved with; its baseline names the version saved', async ({ browser }) => {
  const name = 'Trial plan with 24 months';
  const page = await open(browser);
  try {
    await page.getByLabel('Months', { exact: true }).fill('24');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    const listed = await (await api.get('/api/v1/scenarios?limit=100')).json();
    const id = listed.items.find((s) => s.name === name).id;
    expect((await (await api.get(`/api/v1/scenarios/${id}`)).json()).scenario.horizonMonths).toBe(24);

    await page.getByLabel('Months', { exact: true }).fill('36');
    await page.getByRole('button', { name: `Open ${name}` }).click();
    await expect(page.getByLabel('Months', { exact: true })).toHaveValue('24');
    await expect(page.locator('#assumptions h3')).toHaveText(`Baseline: ${name} (saved, version 1)`);
    await page.getByLabel('Months', { exact: true }).fill('12');
    await page.getByRole('button', { name: /Save changes/ }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 2.`);
    await expect(page.locator('#assumptions h3')).toHaveText(`Baseline: ${name} (saved, version 2)`);
    await expect(page.locator('#baseline-facts')).toContainText('12 months');
    expect(page.errors).toEqual([]);
  } finally {
    await removeSaved(name);
    await page.context().close();
  }
});

test('delete asks first: dismissed, the scenario is kept; accepted, it is gone', async ({ browser }) => {
  const name = 'Trial plan to delete';
  const page = await open(browser);
  try {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    const asked = [];
    page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(page.locator('#save-status')).toHaveText(`"${name}" kept.`);
    expect(asked).toEqual([`Delete "${name}" (version 1) for everyone? This cannot be undone.`]);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(1);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(page.locator('#save-status')).toHaveText(`Deleted "${name}".`);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(0);
  } finally {
    await removeSaved(name);
    await page.context().close();
  }
});

test('keyboard: a new lever\'s first field is selected, so 8 typed is 8 (not 88); a target is added once', async ({ browser }) => {
  const page = await open(browser);
  await page.locator('#lever-type').selectOption({ label: 'Posts' });
  await page.getByRole('button', { name: 'Add lever' }).focus();
  await page.keyboard.press('Enter');
  const first = page.locator('#levers fieldset').last().locator('input').first();
  await expect(first).toBeFocused();
  const before = await first.inputValue();
  await page.keyboard.type('8');
  await expect(first).toHaveValue('8');
  expect(before).not.toBe('');

  await page.getByRole('button', { name: 'Add target' }).dblclick();
  await expect(page.locator('#targets li')).toHaveCount(1);
  await expect(page.locator('[data-field=targets]')).toHaveText('"Caseload at most 18 at month 24" is already a target.');
  await page.context().close();
});

test('Decide: a refused probability or lever is marked beside its field, which takes focus', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByLabel('Probability of meeting every target').fill('120');
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  const probability = page.getByLabel('Probability of meeting every target');
  await expect(probability).toHaveAttribute('aria-invalid', 'true');
  await expect(probability).toBeFocused();
  await expect(page.locator('#decide-probability-error')).toContainText('must be strictly between 0 and 1');
  await expect(page.locator('#decide-error')).toHaveText('');

  await probability.fill('0.8');
  // a lever's field at fault (8 more posts typed as words) is marked beside it and focused
  await page.locator('#decide-lever-1-to').fill('8 more posts');
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  const to = page.locator('#decide-lever-1-to');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toBeFocused();
  await expect(page.locator('#decide-lever-1-to-error')).toContainText('To must be a number');
  await expect(probability).not.toHaveAttribute('aria-invalid', 'true');
  await page.context().close();
});

test('a chart is named by its caption alone: its download buttons are beside it, not in it', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  const figure = page.locator('figure[data-metric="vacancyRate"]');
  await expect(figure).toHaveCount(1);
  await expect(page.getByRole('figure', { name: 'Vacancy rate', exact: true })).toHaveCount(1);
  await expect(figure.locator('svg').first()).toHaveAttribute('aria-label', 'Chart: Vacancy rate');
  await expect(page.getByRole('button', { name: 'Download Vacancy rate as PNG' })).toBeVisible();
  await page.context().close();
});

test('results of an earlier baseline are said to be so once another is chosen; running again clears it', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('figure.chart')).toHaveCount(9);
  await expect(page.locator('#results-earlier')).toBeHidden();
  await page.getByLabel('Preset', { exact: true }).selectOption('worcestershire-2017');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#results-earlier')).toBeVisible();
  await expect(page.locator('#results-earlier')).toHaveText(/^These results are of the earlier baseline medway-2019.*; run again for worcestershire-2017/);
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#summary dd').first()).toContainText('worcestershire-2017');
  await expect(page.locator('#results-earlier')).toBeHidden();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
