// Defects a sixth planner's trial of the page found (Leeds 2021, Norfolk 2022, Medway 2019),
// each reproduced in the browser: the tornado of a team's caseload headed in words but its
// axis and note in the API's name ("caseloadLongTerm at month 24").
import { test, expect } from '@playwright/test';
import { open } from './session.js';

test('a tornado of the long-term team\'s caseload names it in words on its axis and in its note', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.getByLabel('Tornado of metric', { exact: true }).selectOption('caseloadLongTerm');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  await expect(page.locator('#decide-status')).toHaveText('sensitivity done', { timeout: 60_000 });
  await expect(page.locator('#tornado-title')).toHaveText('Tornado of caseload (long-term team) at month 6');
  await expect(page.locator('#tornado-chart svg')).toContainText('caseload (long-term team) at month 6');
  await expect(page.locator('#tornado-note')).toContainText('Each bar spans caseload (long-term team) at month 6 as one input');
  await expect(page.locator('#tornado-chart')).not.toContainText('caseloadLongTerm');
  expect(page.errors).toEqual([]);
  await page.context().close();
});
