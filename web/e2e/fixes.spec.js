// Defects found by a planner's trial of the page, each reproduced in the browser: results
// drawn under the start they were run from, no baseline said in words, the right field
// marked, decisions not submitted twice and cancellable, a saved scenario's council kept, a
// reload reattaching to its run, the token asked again, a blank year, focus, a scenario
// deleted or saved in another tab, and the printed summary on one page.
import { test, expect, request } from '@playwright/test';

const TOKEN = () => process.env.CASELOAD_PAGE_TOKEN;
const URL_ = () => process.env.CASELOAD_PAGE_URL;

let api;

test.beforeAll(async () => {
  api = await request.newContext({ baseURL: URL_(), extraHTTPHeaders: { Authorization: `Bearer ${TOKEN()}` } });
});

test.afterAll(async () => {
  await api?.dispose();
});

/** A page of its own (its own sessionStorage), errors collected; with the token given unless `token` is false. */
async function open(browser, { token = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(URL_() + '/');
  if (token) {
    await page.getByLabel('API token', { exact: true }).fill(TOKEN());
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
  }
  return page;
}

async function settings(page, replications, months) {
  await page.getByLabel('Replications', { exact: true }).fill(String(replications));
  await page.getByLabel('Months', { exact: true }).fill(String(months));
}

/** Holds the responses of requests matching `pattern` until `release()` is called. */
async function hold(page, pattern) {
  let release;
  const released = new Promise((r) => { release = r; });
  let seen;
  const reached = new Promise((r) => { seen = r; });
  await page.route(pattern, async (route) => {
    seen();
    await released;
    await route.continue();
  });
  return { release, reached };
}

test('a bad target marks no other field invalid', async ({ browser }) => {
  const page = await open(browser);
  await page.locator('#target-value').fill('abc');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('.error[data-field="targets"]')).not.toBeEmpty();
  await expect(page.getByLabel('Replications', { exact: true })).not.toHaveAttribute('aria-invalid', /./);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.context().close();
});

test('a blank year is "required"; what was typed is sent and kept', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year').check();
  const year = page.getByLabel('Year (30 September)', { exact: true });
  await year.fill('');
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#year-error')).toContainText('required');
  await expect(page.locator('#year-error')).not.toContainText('2000');
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await year.fill('twenty');
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#year-error')).toContainText('twenty');
  await expect(year).toHaveValue('twenty');
  await page.context().close();
});

test('focus: removing a chip or lever keeps it in the section; Enter adds a target', async ({ browser }) => {
  const page = await open(browser);
  await page.locator('#target-value').fill('20');
  await page.locator('#target-value').press('Enter');
  await expect(page.locator('#targets li')).toHaveCount(1);
  await page.locator('#target-value').fill('19');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Remove target caseload <= 20 at month 24' }).click();
  await expect(page.getByRole('button', { name: 'Remove target caseload <= 19 at month 24' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove target caseload <= 19 at month 24' }).click();
  await expect(page.getByRole('button', { name: 'Add target' })).toBeFocused();
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.getByRole('button', { name: /^Remove lever 1/ }).click();
  await expect(page.getByRole('button', { name: 'Add lever' })).toBeFocused();
  await page.context().close();
});

test('the printed summary of a 24-month comparison is one A4 landscape page', async ({ browser }) => {
  const page = await open(browser);
  await settings(page, 50, 24);
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#differences')).toBeVisible({ timeout: 30_000 });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
  expect(pages).toBe(1);
  await page.context().close();
});
