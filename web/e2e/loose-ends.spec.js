// Loose ends the second planner's trial left (2026-11-30), fixed the day after: the API
// documentation opens beside the page, without asking for the token again (it had replaced
// the page, and with it the levers and results not saved); "Save as new" asks before a
// second scenario of the same name; results left on screen after a refused run are said
// to be the last run's.
import { test, expect } from '@playwright/test';
import { apiClient, open } from './session.js';

let api;

test.beforeAll(async () => {
  api = await apiClient();
});

test.afterAll(async () => {
  await api?.dispose();
});

test('the API documentation opens in a new tab and the page keeps its levers', async ({ browser }) => {
  const page = await open(browser);
  await page.locator('#lever-type').selectOption({ label: 'Posts' });
  await page.getByRole('button', { name: 'Add lever' }).click();
  await expect(page.locator('#levers fieldset')).toHaveCount(1);
  const link = page.getByRole('link', { name: 'API documentation (opens in a new tab)' });
  const [docs] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await docs.waitForLoadState();
  expect(new URL(docs.url()).pathname).toBe('/api/v1/docs');
  // the tab shares the page's session (rel=opener: a same-origin page of ours), so the
  // contract is shown without asking for the token a second time
  await expect(docs.locator('#token-form')).toBeHidden();
  await expect(docs.locator('#ui')).toContainText('/api/v1/runs');
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.locator('#levers fieldset')).toHaveCount(1);
  await page.context().close();
});

test('"Save as new" asks before a second scenario of a name already saved', async ({ browser }) => {
  const name = 'Loose ends: one name';
  const count = async () => (await (await api.get('/api/v1/scenarios?limit=100')).json())
    .items.filter((s) => s.name === name).length;
  const page = await open(browser);
  try {
    await page.getByLabel('Name', { exact: true }).fill(name);
    const asked = [];
    page.on('dialog', (d) => asked.push(d.message()));
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    expect(asked).toEqual([]);

    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Not saved: "${name}" is saved already; choose another name, or save changes to the one open.`);
    expect(asked).toEqual([`A scenario named "${name}" is saved already. Save another with the same name?`]);
    expect(await count()).toBe(1);

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    expect(asked).toHaveLength(2);
    expect(await count()).toBe(2);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(2);
    expect(page.errors).toEqual([]);
  } finally {
    const listed = await (await api.get('/api/v1/scenarios?limit=100')).json();
    for (const stored of listed.items.filter((s) => s.name === name)) {
      await api.delete(`/api/v1/scenarios/${stored.id}`);
    }
    await page.context().close();
  }
});

test('results left on screen by a refused run are said to be the last run\'s; the next accepted run clears it', async ({ browser }) => {
  const page = await open(browser);
  const earlier = page.locator('#results-earlier');
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('figure.chart')).toHaveCount(9);
  await expect(earlier).toBeHidden();

  await page.getByLabel('Months', { exact: true }).fill('100000');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.getByLabel('Months', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(earlier).toBeVisible();
  await expect(earlier).toHaveText(/^These results are of the last run: the one just asked for was refused/);
  await expect(page.locator('figure.chart')).toHaveCount(9);

  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done');
  await expect(earlier).toBeHidden();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
