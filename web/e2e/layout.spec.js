// The page at 1280 and 420 pixels wide: nothing off-screen, the preset in its box, the
// disabled compare button visibly disabled with its reason; the API documentation opened
// in a tab of its own asks for the token in its own form.
import { test, expect, request } from '@playwright/test';

const SHOTS = '../target/page-e2e';
const TOKEN = () => process.env.CASELOAD_PAGE_TOKEN;
const URL_ = () => process.env.CASELOAD_PAGE_URL;

test.describe.configure({ mode: 'serial' });

let api;
let scenarioId;

test.beforeAll(async () => {
  api = await request.newContext({ baseURL: URL_(), extraHTTPHeaders: { Authorization: `Bearer ${TOKEN()}` } });
  const scenario = await (await api.get('/api/v1/presets/medway-2019')).json();
  const stored = await (await api.post('/api/v1/scenarios', { data: { scenario: { ...scenario,
    name: 'Medway with a rather long name for a narrow screen' } } })).json();
  scenarioId = stored.id;
});

test.afterAll(async () => {
  if (scenarioId) await api.delete(`/api/v1/scenarios/${scenarioId}`);
  await api?.dispose();
});

async function open(browser, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(URL_() + '/');
  await page.getByLabel('API token', { exact: true }).fill(TOKEN());
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
  await expect(page.locator('#scenario-list tbody tr')).toHaveCount(1);
  return page;
}

/** How far the page scrolls sideways (0 when it fits its window). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether an element lies inside the window, left to right. */
async function onScreen(page, locator, width) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

test('at 1280 px the preset stays in its box and a disabled button looks disabled, with its reason', async ({ browser }) => {
  const page = await open(browser, 1280);
  const fits = await page.evaluate(() => {
    const select = document.getElementById('preset').getBoundingClientRect();
    const section = document.getElementById('start');
    const inner = section.getBoundingClientRect().right - parseFloat(getComputedStyle(section).paddingRight);
    return { right: select.right, inner };
  });
  expect(fits.right).toBeLessThanOrEqual(fits.inner + 0.5);
  expect(await sideways(page)).toBe(0);

  const compare = page.getByRole('button', { name: 'Compare baseline and plan' });
  await expect(compare).toBeDisabled();
  await expect(compare).toHaveAttribute('title', /Add a lever of the plan first/);
  await expect(compare).toHaveAccessibleDescription('Add a lever of the plan to compare it with the baseline (a lever marked an assumption is in both).');
  await expect(page.locator('#compare-hint')).toBeVisible();
  const looks = (locator) => locator.evaluate((b) => ({ opacity: Number(getComputedStyle(b).opacity), cursor: getComputedStyle(b).cursor }));
  const disabled = await looks(compare);
  expect(disabled.opacity).toBeLessThan(0.6);
  expect(disabled.cursor).toBe('not-allowed');
  const enabled = await looks(page.getByRole('button', { name: 'Run baseline' }));
  expect(enabled).toEqual({ opacity: 1, cursor: 'pointer' });
  await page.screenshot({ path: `${SHOTS}/layout-1280.png`, fullPage: true });

  await page.getByRole('button', { name: 'Add lever' }).click();
  await expect(compare).toBeEnabled();
  expect(await looks(compare)).toEqual({ opacity: 1, cursor: 'pointer' });
  await expect(page.locator('#compare-hint')).toBeHidden();
  await expect(compare).not.toHaveAttribute('aria-describedby', /./);
  await page.close();
});

test('at 420 px nothing is off-screen: saved scenarios\' buttons, levers, charts and tables', async ({ browser }) => {
  const width = 420;
  const page = await open(browser, width);
  expect(await sideways(page)).toBe(0);
  for (const name of ['Open', 'Delete']) {
    await onScreen(page, page.getByRole('button', { name: `${name} Medway with a rather long name for a narrow screen` }), width);
  }
  await onScreen(page, page.getByLabel('Preset', { exact: true }), width);
  for (const id of ['decide-lever-0-kind', 'decide-lever-0-step', 'decide-lever-1-step', 'add-decide-lever']) {
    await onScreen(page, page.locator(`#${id}`), width);
  }
  await onScreen(page, page.getByRole('button', { name: /^Remove lever to search 1,/ }), width);
  await page.getByLabel('Add a lever', { exact: true }).selectOption('agencyPolicy');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 30_000 });
  await expect(page.locator('figure.chart')).toHaveCount(9);
  expect(await sideways(page)).toBe(0);
  await onScreen(page, page.locator('figure[data-metric="cost"] svg'), width);
  await onScreen(page, page.getByRole('button', { name: 'Download Vacancy rate as PNG' }), width);
  // A wide table scrolls in its own box, which stays on screen.
  await onScreen(page, page.locator('#tables'), width);
  await page.screenshot({ path: `${SHOTS}/layout-420.png`, fullPage: true });
  await page.close();
});

test('at 390 px with three saved scenarios of long names the page does not scroll sideways, and their buttons are on screen', async ({ browser }) => {
  const scenario = await (await api.get('/api/v1/presets/medway-2019')).json();
  const ids = [];
  for (const name of ['Medway_longterm_teams_plus_twelve_posts_April', 'Medway agency cover capped at forty FTE over three years']) {
    ids.push((await (await api.post('/api/v1/scenarios', { data: { scenario: { ...scenario, name } } })).json()).id);
  }
  try {
    const width = 390;
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (e) => { throw e; });
    await page.goto(URL_() + '/');
    await page.getByLabel('API token', { exact: true }).fill(TOKEN());
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect(page.locator('#scenario-list tbody tr')).toHaveCount(3);
    expect(await sideways(page)).toBe(0);
    await onScreen(page, page.locator('#scenario-list').locator('..'), width);
    // every row's buttons on screen without scrolling the list's box (Delete had been beyond its edge)
    const box = page.locator('#scenario-list').locator('..');
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    for (const name of ['Medway_longterm_teams_plus_twelve_posts_April', 'Medway agency cover capped at forty FTE over three years']) {
      await onScreen(page, page.getByRole('button', { name: `Delete ${name}` }), width);
      await onScreen(page, page.getByRole('button', { name: `Open ${name}` }), width);
    }
    await page.locator('#scenario-list').screenshot({ path: `${SHOTS}/layout-390-saved.png` });
    await page.close();
  } finally {
    for (const id of ids) await api.delete(`/api/v1/scenarios/${id}`);
  }
});

test('at 390 and 320 px the chosen preset and its description are read whole, the select keeping its name', async ({ browser }) => {
  // the option's text had been the name and the description on one line, ~438 px for
  // medway-2019 in a box of 400 at 640 px wide and less below: the description cut off
  const presets = (await (await api.get('/api/v1/presets')).json()).items;
  expect(presets.length).toBeGreaterThan(1);
  for (const width of [390, 320]) {
    const page = await open(browser, width);
    const select = page.getByLabel('Preset', { exact: true });
    for (const preset of presets) {
      await select.selectOption(preset.name);
      await expect(select).toHaveAccessibleName('Preset');
      // the description whole, as the select's description too, in a line that wraps on screen
      await expect(select).toHaveAccessibleDescription(preset.description);
      const line = page.locator('#source-preset').getByText(preset.description, { exact: true });
      await expect(line).toBeVisible();
      await onScreen(page, line, width);
      expect(await line.evaluate((e) => e.scrollWidth - e.clientWidth), `${preset.name} at ${width} px`).toBeLessThanOrEqual(0);
      // the select's own text in its box: as wide as the select would be for that text alone
      const { needed, has } = await select.evaluate((s) => {
        const probe = s.cloneNode(false);
        probe.removeAttribute('id');
        probe.removeAttribute('aria-describedby');
        probe.append(new Option(s.selectedOptions[0].textContent));
        probe.style.cssText = 'position: absolute; visibility: hidden; width: auto; max-width: none; min-width: 0; flex: none';
        s.parentElement.append(probe);
        const w = probe.getBoundingClientRect().width;
        probe.remove();
        return { needed: w, has: s.getBoundingClientRect().width };
      });
      // every preset's name fits at 390 px; at 320 the 36 characters of an example's
      // (northamptonshire-2017-first-response) cannot, but the presets' own do
      if (width === 390 || !preset.name.includes('first-response')) {
        expect(needed, `${preset.name}'s text in its select at ${width} px`).toBeLessThanOrEqual(has + 0.5);
      }
      await onScreen(page, select, width);
      expect(await sideways(page)).toBe(0);
    }
    await select.selectOption('medway-2019');
    await page.locator('#start').screenshot({ path: `${SHOTS}/layout-${width}-preset.png` });
    await page.close();
  }
});

test('the API documentation in a tab of its own asks for the token, and the contract still needs it', async ({ browser }) => {
  expect((await (await request.newContext({ baseURL: URL_() })).get('/api/v1/openapi.yaml')).status()).toBe(401);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(URL_() + '/api/v1/docs');
  const token = page.getByLabel('API token', { exact: true });
  await expect(token).toBeVisible();
  await expect(token).toBeFocused();
  await expect(page.getByText('Failed to load API definition')).toHaveCount(0);
  await token.fill('not-the-token');
  await page.getByRole('button', { name: 'Show the API documentation' }).click();
  await expect(page.locator('#token-error')).toHaveText('The server refused this token: check it and try again.');
  await token.fill(TOKEN());
  await page.getByRole('button', { name: 'Show the API documentation' }).click();
  await expect(page.locator('.swagger-ui .title')).toContainText('Caseload API', { timeout: 20_000 });
  await expect(token).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/api-docs-token.png` });
  // The same tab reloaded keeps its token: no second asking.
  await page.reload();
  await expect(page.locator('.swagger-ui .title')).toContainText('Caseload API', { timeout: 20_000 });
  await expect(token).toBeHidden();
  await context.close();
});
