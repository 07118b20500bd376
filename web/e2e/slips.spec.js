// Slips a planner can make, said on the page before they cost a run: a value far outside a
// lever's typical range (a growth of 8 meant as 8% a year is 800%; 80 posts for 8) is warned
// of under its field, in the council's own figures where the range is relative to them, and
// the warning goes when the value is put right. It never stops a run: a planner may mean it.
import { test, expect } from '@playwright/test';
import { open } from './session.js';

test('a value far outside a lever\'s typical range is warned of, and the warning goes when put right', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Add a lever', { exact: true }).selectOption('referralGrowth');
  await page.getByRole('button', { name: 'Add lever' }).click();
  const growth = page.locator('#lever-0-annualGrowth');
  const growthWarning = page.locator('#lever-0-annualGrowth-far');
  await expect(growthWarning).toBeHidden(); // the default, 0.03, is typical
  await growth.fill('8');
  await expect(growthWarning).toHaveText('8 is far above the typical range: check it. A fraction: 8% is 0.08.');
  await expect(growth).toHaveAccessibleDescription(/typical: -0\.05 to 0\.10 8 is far above/);
  await growth.fill('0.08');
  await expect(growthWarning).toBeHidden();

  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#lever-1-team').selectOption('assessment');
  const posts = page.locator('#lever-1-fte');
  const postsWarning = page.locator('#lever-1-fte-far');
  await posts.fill('80');
  await expect(postsWarning).toHaveText('80 is far above the typical range: check it.');
  // the bound follows the team (half its funded posts): 80 is within long-term's
  await page.locator('#lever-1-team').selectOption('longTerm');
  await expect(postsWarning).toBeHidden();
  await page.locator('#lever-1-team').selectOption('assessment');
  await expect(postsWarning).toBeVisible();
  await growth.fill('8');
  await page.locator('#levers').screenshot({ path: '../target/page-e2e/slips-far-values.png' });
  await growth.fill('0.08');

  // a run goes ahead with the warning (the planner may mean it), and the warning stays
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 90_000 });
  await expect(postsWarning).toBeVisible();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
