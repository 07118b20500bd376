// The levers' defaults sized to the council (a fixed 8 posts and £1m had been half of Medway's
// assessment team and more than it costs; levers-fit.test.js has the arithmetic), the
// Calibrate button keeping the keyboard's focus while it works (disabled, it had dropped focus
// to the page), and Enter in the scenario's name saving it.
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed } from './session.js';

/** Adds a lever of {@code type} from the form. */
async function addLever(page, type) {
  await page.getByLabel('Add a lever', { exact: true }).selectOption(type);
  await page.getByRole('button', { name: 'Add lever' }).click();
}

test('on medway-2019 the posts, funding and cohort levers start at Medway\'s size; posts follow the team', async ({ browser }) => {
  const page = await open(browser);
  await addLever(page, 'posts');
  // 5% of the assessment team's 16.2 funded posts is 0.8: one post
  await expect(page.locator('#lever-0-team')).toHaveValue('assessment');
  await expect(page.locator('#lever-0-fte')).toHaveValue('1');
  await expect(page.locator('#lever-0-fte-hint')).toHaveText(
    "typical: 2-10% of the team's establishment; for assessment's 16.2 funded posts, 0.3 to 1.6");
  await expect(page.locator('#lever-0-fte-far')).toBeEmpty();
  // the long-term team's 187.4: nine posts, and back
  await page.locator('#lever-0-team').selectOption('longTerm');
  await expect(page.locator('#lever-0-fte')).toHaveValue('9');
  await page.locator('#lever-0-team').selectOption('assessment');
  await expect(page.locator('#lever-0-fte')).toHaveValue('1');
  // typed over, it stays
  await page.locator('#lever-0-fte').fill('3');
  await page.locator('#lever-0-team').selectOption('longTerm');
  await expect(page.locator('#lever-0-fte')).toHaveValue('3');

  await addLever(page, 'funding');
  // those 0.8 posts at £55,000 a year, £44,418: £40,000
  await expect(page.locator('#lever-1-poundsPerYear')).toHaveValue('40000');
  await expect(page.locator('#lever-1-poundsPerYear-hint')).toHaveText("typical: the cost of 2-10% of the team's"
    + " establishment; for assessment's 16.2 funded posts at £55k a year, £18k to £89k");
  await expect(page.locator('#lever-1-poundsPerYear-far')).toBeEmpty();
  await page.locator('#lever-1-poundsPerYear').fill('£1m');
  await expect(page.locator('#lever-1-poundsPerYear-far')).toHaveText('£1m is far above the typical range: check it.');

  await addLever(page, 'nqCohort');
  // 5% of 162 permanent staff in post, 8.1: eight a year
  await expect(page.locator('#lever-2-cohortPerYear')).toHaveValue('8');

  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/comparisons') && r.method() === 'POST');
  await page.getByLabel('Replications', { exact: true }).fill('20');
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  expect((await sent).postDataJSON().variants[0].interventions.map((i) => i.fte ?? i.poundsPerYear ?? i.cohortPerYear))
    .toEqual([3, 1_000_000, 8]);
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Calibrate keeps the focus while it works, and a second press asks for nothing more', async ({ browser }) => {
  const page = await open(browser);
  let asked = 0;
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  // the calibration held until the checks made while it works are done
  await page.route('**/api/v1/calibrations', async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)', { exact: true }).fill('Medway');
  await page.getByLabel('Year (30 September)', { exact: true }).fill('2019');
  const button = page.getByRole('button', { name: 'Calibrate' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#start-status')).toHaveText('Calibrating Medway 2019…');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await button.click({ force: true }); // a mouse's click too (Playwright waits for an aria-disabled button to be enabled)
  await expect(button).toBeFocused();
  expect(asked).toBe(1);
  answer();
  await expect(page.locator('#assumptions')).toContainText('Medway 2019 (calibrated)', { timeout: 30_000 });
  await expect(button).not.toHaveAttribute('aria-disabled');
  await expect(button).toBeFocused();
  expect(asked).toBe(1);
  // the calibrated council's own size: its posts default is 5% of its assessment team's, whole
  await addLever(page, 'posts');
  const hint = await page.locator('#lever-0-fte-hint').textContent();
  const establishment = Number(/for assessment's ([\d.,]+) funded posts/.exec(hint)[1].replace(/,/g, ''));
  await expect(page.locator('#lever-0-fte')).toHaveValue(String(Math.max(1, Math.round(0.05 * establishment))));
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Enter in the scenario\'s name saves it, once, and asks for nothing else', async ({ browser }) => {
  const api = await apiClient();
  const name = 'levers-fit: saved with Enter';
  try {
    const page = await open(browser);
    await addLever(page, 'posts');
    const posts = [];
    page.on('request', (r) => { if (r.method() !== 'GET') posts.push(new URL(r.url()).pathname); });
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(1);
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    expect(posts).toEqual(['/api/v1/scenarios']);
    await expect(page.locator('#progress-text')).toBeEmpty();
    const stored = (await (await api.get('/api/v1/scenarios?limit=100')).json()).items.filter((s) => s.name === name);
    expect(stored).toHaveLength(1);
    expect(page.errors).toEqual([]);
    await page.context().close();
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
  }
});
