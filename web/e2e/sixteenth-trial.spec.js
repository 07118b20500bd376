// Defects found after the fifteenth round of trials, each reproduced in the browser: Compare gave
// each target's probability but not that of meeting them all in the same future, the one Decide's
// goal-seek plans against, so a paper could quote a plan's chance as a target's or as their
// product (targets met in the same futures move together).

import { test, expect } from '@playwright/test';
import { open } from './session.js';

async function addTarget(page, metric, value, month) {
  await page.getByLabel('Metric', { exact: true }).selectOption(metric);
  await page.locator('#target-value').fill(String(value));
  await page.locator('#target-month').fill(String(month));
  await page.getByRole('button', { name: 'Add target' }).click();
}

test('two targets: the table adds all of them in the same future, as the API counts it', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Replications', { exact: true }).fill('200');
  await page.getByLabel('Months', { exact: true }).fill('24');
  await addTarget(page, 'caseload', 20, 12);
  await addTarget(page, 'caseload', 21, 24);
  await page.getByRole('button', { name: 'Add lever' }).click(); // posts, on the first team
  const results = page.waitForResponse((r) => /\/results/.test(r.url()) && r.status() === 200, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  const doc = await (await results).json();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  const every = doc.baseline.targets[2];
  expect(every.target).toBe('every target together');
  expect(every.probability).toBeLessThanOrEqual(Math.min(doc.baseline.targets[0].probability, doc.baseline.targets[1].probability));
  expect(doc.variants[0].targetDifferences[2].target).toBe('every target together');
  const table = page.locator('#target-table');
  await expect(table.locator('caption')).toContainText('all of them in the same future (what Decide plans against)');
  const row = table.locator('tbody tr').nth(2);
  await expect(row.locator('th')).toHaveText('All of these targets in the same future');
  // two targets each met in some futures and not others: a share between 1% and 99%, shown whole
  expect(every.probability).toBeGreaterThan(0.01);
  expect(every.probability).toBeLessThan(0.99);
  await expect(row.locator('td').first()).toHaveText(`${Math.round(every.probability * 100)}%`);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
