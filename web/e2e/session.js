// What the browser specs share: the server's address and token (e2e/server.js sets them), an
// API client with the token, and a page of its own with its errors collected.
import { expect, request } from '@playwright/test';

export const TOKEN = () => process.env.CASELOAD_PAGE_TOKEN;
export const URL_ = () => process.env.CASELOAD_PAGE_URL;

/** An API client with the token; dispose of it in afterAll. */
export function apiClient() {
  return request.newContext({ baseURL: URL_(), extraHTTPHeaders: { Authorization: `Bearer ${TOKEN()}` } });
}

/** A page of its own (its own sessionStorage), errors collected; with the token given unless `token` is false. */
export async function open(browser, { token = true } = {}) {
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

/** Deletes every stored scenario named `name`: a spec's own, at its end (every page of them). */
export async function deleteScenariosNamed(api, name) {
  const named = [];
  for (let offset = 0; ;) {
    const listed = await (await api.get(`/api/v1/scenarios?limit=100&offset=${offset}`)).json();
    named.push(...listed.items.filter((s) => s.name === name));
    if (!listed.next || listed.items.length === 0) break;
    offset += listed.items.length;
  }
  for (const stored of named) {
    await api.delete(`/api/v1/scenarios/${stored.id}`);
  }
}

/**
 * A page that a serial spec's tests share (accessibility.spec, zoom-spacing.spec), its errors
 * thrown, at 1280 x 900 unless `contextOptions` say otherwise, with an API client; close both
 * with closeShared. The token is not given: giveToken.
 */
export async function sharedPage(browser, contextOptions = {}) {
  const api = await apiClient();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  return { api, page };
}

/** Closes a shared page and its API client, deleting the scenarios the spec saved as `name`. */
export async function closeShared({ api, page }, name) {
  await page?.context().close();
  if (api) await deleteScenariosNamed(api, name);
  await api?.dispose();
}

/** The token typed into the dialog that asks for it, and the first preset in. */
export async function giveToken(page) {
  await page.getByLabel('API token', { exact: true }).fill(TOKEN());
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('#assumptions')).toContainText('Baseline: medway-2019');
}

/** Medway 2019 calibrated as the baseline (a council and year, as a planner types them). */
export async function calibrateMedway(page) {
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)', { exact: true }).fill('Medway');
  await page.getByLabel('Year (30 September)', { exact: true }).fill('2019');
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#assumptions')).toContainText('Medway 2019 (calibrated)', { timeout: 30_000 });
}

/**
 * Sets Decide's levers to search through its form (step 4), as a planner would: every row
 * removed, then a row a line, its kind, team, from, to and step chosen and typed; each line as
 * goal-seek writes it ("posts:longTerm=0..60/6"; the step left out is 1).
 */
export async function setDecideLevers(page, lines) {
  const remove = page.locator('#decide-levers button.remove');
  while (await remove.count()) await remove.first().click();
  for (const [i, line] of lines.entries()) {
    const [, kind, team, from, to, step = '1'] = /^(\w+)(?::(\w+))?=(.+?)\.\.([^/]+)(?:\/(.+))?$/.exec(line);
    await page.getByRole('button', { name: 'Add a lever to search' }).click();
    await page.locator(`#decide-lever-${i}-kind`).selectOption(kind);
    if (team) await page.locator(`#decide-lever-${i}-team`).selectOption(team);
    await page.locator(`#decide-lever-${i}-from`).fill(from);
    await page.locator(`#decide-lever-${i}-to`).fill(to);
    await page.locator(`#decide-lever-${i}-step`).fill(step);
  }
}

/** Decide's levers to search as the form shows them, a line a row as goal-seek writes it. */
export async function decideLevers(page) {
  return page.locator('#decide-levers fieldset').evaluateAll((sets) => sets.map((fs) => {
    const v = (name) => fs.querySelector(`[id$="-${name}"]`)?.value;
    const team = v('team');
    return `${v('kind')}${team === undefined ? '' : `:${team}`}=${v('from')}..${v('to')}/${v('step')}`;
  }));
}
