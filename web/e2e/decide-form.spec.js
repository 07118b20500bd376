// Decide's levers as a form (step 4), against the real server: planners had typed goal-seek's
// own syntax ("posts:longTerm=0..60/6") into a text box. Rows added and removed; hostile typing
// refused at the row, naming the field, with nothing sent; a problem the API names beside its
// row; a real goal-seek from the form on the small preset; Decide saved with a scenario and
// reopened, an older scenario opened with the defaults, and a reload keeping the form.
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed } from './session.js';

const row = (page, i) => page.locator(`#decide-lever-${i}`);
const field = (page, i, name) => page.locator(`#decide-lever-${i}-${name}`);

/** The form's rows as the page holds them: [kind, team or '', from, to, step]. */
async function rows(page) {
  return page.locator('#decide-levers fieldset').evaluateAll((sets) => sets.map((fs) => {
    const v = (name) => fs.querySelector(`[id$="-${name}"]`)?.value ?? '';
    return [v('kind'), v('team'), v('from'), v('to'), v('step')];
  }));
}

/** The Decide requests the page sends, collected. */
function sent(page) {
  const bodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/v1\/(goal-seeks|sensitivities)$/.test(r.url())) bodies.push(r.postDataJSON());
  });
  return bodies;
}

test('levers to search are added and removed, each field labelled with its unit, by keyboard too', async ({ browser }) => {
  const page = await open(browser);
  // the defaults as before: posts sized to Medway's long-term team, a campaign
  expect(await rows(page)).toEqual([['posts', 'longTerm', '0', '60', '6'], ['campaign', '', '1', '3', '1']]);
  await expect(row(page, 0).getByLabel('From (FTE)', { exact: true })).toHaveValue('0');
  await expect(row(page, 1).getByLabel('Step (times the monthly fill probability)', { exact: true })).toHaveValue('1');
  await expect(row(page, 0).getByLabel('Team', { exact: true })).toHaveValue('longTerm');
  await expect(row(page, 1).getByLabel('Team', { exact: true })).toHaveCount(0); // a campaign takes none

  await page.getByRole('button', { name: 'Add a lever to search' }).click();
  await expect(field(page, 2, 'kind')).toBeFocused(); // the new row's first field, to choose its kind
  await expect(field(page, 2, 'kind')).toHaveValue('campaignMonths');
  // a kind chosen by keyboard gets its own range and unit
  await field(page, 2, 'kind').selectOption('retention');
  expect((await rows(page))[2]).toEqual(['retention', '', '1', '0.8', '0.05']);
  await expect(row(page, 2).getByLabel('To (times the leaving hazard)', { exact: true })).toHaveValue('0.8');
  await expect(field(page, 2, 'kind')).toBeFocused();
  // a team chosen: the posts range not typed over follows it (assessment's 16 funded posts)
  await field(page, 0, 'team').selectOption('assessment');
  expect((await rows(page))[0]).toEqual(['posts', 'assessment', '0', '5', '1']);
  await expect(field(page, 0, 'team')).toBeFocused();

  await page.getByRole('button', { name: 'Remove lever to search 3, Retention payment (£2,000 a head a year): turnover multiplier' }).click();
  expect(await rows(page)).toHaveLength(2);
  await expect(page.getByRole('button', { name: 'Add a lever to search' })).toBeFocused();
  // Enter on the focused Add adds one, as a click does
  await page.keyboard.press('Enter');
  expect(await rows(page)).toHaveLength(3);
  // Add gives only levers a goal-seek takes together: on Medway's two teams, nine, then none
  // (two clicks more had given agency cover beside agency cap, which goal-seek refuses)
  for (let i = 3; i < 9; i++) await page.getByRole('button', { name: 'Add a lever to search' }).click();
  expect(await rows(page)).toHaveLength(9);
  await expect(page.getByRole('button', { name: 'Add a lever to search' })).toBeDisabled();
  await expect(page.locator('#add-decide-lever-hint')).toHaveText('Every lever the form offers is searched once already:'
    + ' change a row\'s kind or team to search another.');
  await page.getByRole('button', { name: /^Remove lever to search 1,/ }).click();
  expect(await rows(page)).toHaveLength(8);
  await expect(page.getByRole('button', { name: /^Remove lever to search 1,/ })).toBeFocused(); // the next row's, now first
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a bad row is refused at the row, naming the field, and nothing is sent; the API\'s problem is shown at its row', async ({ browser }) => {
  const page = await open(browser);
  const bodies = sent(page);
  await page.getByLabel('Months', { exact: true }).fill('6');
  await page.locator('#target-month').fill('6');
  await page.getByRole('button', { name: 'Add target' }).click();
  const find = page.getByRole('button', { name: 'Find the cheapest plan' });
  const hostile = [
    ['from', '0..5/1', 'From must be a number, such as 6; was "0..5/1".'],
    ['to', '1e999', 'To is too large; was "1e999".'],
    ['from', 'NaN', 'From must be a number, such as 6; was "NaN".'],
    ['step', '-0', 'Step must be more than 0; was "-0".'],
    ['step', '', 'Step is required: a number.'],
    ['to', '9'.repeat(10_000), 'To must be a number, such as 6; was "99999999999999999999...".'],
  ];
  for (const [name, typed, said] of hostile) {
    await field(page, 0, name).fill(typed);
    await find.click();
    await expect(page.locator(`#decide-lever-0-${name}-error`)).toHaveText(said);
    await expect(field(page, 0, name)).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, 0, name)).toBeFocused();
    await field(page, 0, name).fill({ from: '0', to: '60', step: '6' }[name]);
    // the problem goes once the field is changed
    await expect(page.locator(`#decide-lever-0-${name}-error`)).toHaveText('');
  }
  // weakest first: "from > to" of posts, named at From
  await field(page, 0, 'from').fill('60');
  await field(page, 0, 'to').fill('0');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  await expect(page.locator('#decide-lever-0-from-error')).toContainText('From must be below To');
  // nor is a scenario saved with it
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.locator('#save-status')).toHaveText('Not saved: a lever to search in step 4 (Decide) has a problem, shown at its row.');
  expect(bodies).toEqual([]);

  // two levers that set one agency policy, which goal-seek refuses, are refused at the second row
  await field(page, 0, 'from').fill('0');
  await field(page, 0, 'to').fill('60');
  await field(page, 1, 'kind').selectOption('agencyCover');
  await page.getByRole('button', { name: 'Add a lever to search' }).click();
  await expect(field(page, 2, 'kind')).not.toHaveValue('agencyCap'); // Add never gives a repeat
  await field(page, 2, 'kind').selectOption('agencyCap');
  await find.click();
  await expect(page.locator('#decide-lever-2-kind-error')).toContainText('Lever: sets what row 2 sets (agencyCover)');
  await expect(field(page, 2, 'kind')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 2, 'kind')).toBeFocused();
  await expect(page.locator('#decide-lever-0-error')).toHaveText('');
  expect(bodies).toEqual([]);

  // what only the server says is shown at its row: a goal-seek's levers[i], a save's decide.levers[i]
  await field(page, 2, 'kind').selectOption('retention');
  const refuse = (field) => async (route) => route.fulfill({ status: 400, contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'a field is wrong',
      errors: [{ field, reason: 'is refused by the server (a test)' }] }) });
  await page.route('**/api/v1/goal-seeks', refuse('levers[1]'));
  await find.click();
  await expect(page.locator('#decide-lever-1-error')).toContainText('is refused by the server (a test)');
  await expect(field(page, 1, 'kind')).toHaveAttribute('aria-invalid', 'true');
  await page.route('**/api/v1/scenarios', (route) => (route.request().method() === 'POST'
    ? refuse('decide.levers[2]')(route) : route.continue()));
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.locator('#save-status')).toHaveText('Not saved: step 4 (Decide), lever 3 to search: is refused by the server (a test)');
  await expect(field(page, 2, 'kind')).toHaveAttribute('aria-invalid', 'true');
  expect(bodies).toHaveLength(1);
  expect(bodies[0].levers).toEqual(['posts:longTerm=0..60/6', 'agencyCover=0.5..1/0.1', 'retention=1..0.8/0.05']);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a goal-seek of the small preset runs from the form; its answer goes stale as a row changes, and becomes the plan', async ({ browser }) => {
  const page = await open(browser);
  const bodies = sent(page);
  await page.getByLabel('Preset', { exact: true }).selectOption('synthetic-small');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText('Baseline: synthetic-small');
  // the defaults follow the baseline's teams: its long-term team is "children", of 20 posts
  expect(await rows(page)).toEqual([['posts', 'children', '0', '6', '1'], ['campaign', '', '1', '3', '1']]);
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.locator('#target-value').fill('20');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 120_000 });
  expect(bodies.map((b) => b.levers)).toEqual([['posts:children=0..6/1', 'campaign=1..3/1']]);
  await expect(page.locator('#goal-seek-answer')).toContainText(/Cheapest plan: children posts \+\d/);
  await expect(page.locator('#frontier-stale')).toBeHidden();
  // the answer is of the levers it was asked with
  await field(page, 0, 'to').fill('5');
  await expect(page.locator('#frontier-stale')).toBeVisible();
  await expect(page.locator('#frontier-stale')).toContainText("Decide's levers as they were");
  await page.getByRole('button', { name: 'Make this plan the levers' }).click();
  await expect(page.locator('#use-plan-status')).toContainText('find the cheapest plan again first');
  await field(page, 0, 'to').fill('6');
  await expect(page.locator('#frontier-stale')).toBeHidden();
  await page.getByRole('button', { name: 'Make this plan the levers' }).click();
  await expect(page.locator('#use-plan-status')).toContainText("The levers are now the goal-seek's plan");
  await expect(page.locator('#levers fieldset.lever')).not.toHaveCount(0);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Decide is saved with a scenario and reopened with it; an older scenario opens with the defaults; a reload keeps the form', async ({ browser }) => {
  const api = await apiClient();
  const name = 'Decide form kept';
  const older = 'Decide form older';
  try {
    const page = await open(browser);
    page.on('dialog', (d) => d.accept());
    await field(page, 0, 'to').fill('30');
    await field(page, 0, 'step').fill('5');
    await field(page, 1, 'kind').selectOption('retention');
    await page.getByLabel('Probability of meeting every target').fill('70%');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    const items = (await (await api.get('/api/v1/scenarios?limit=100')).json()).items.filter((s) => s.name === name);
    const stored = await (await api.get(items[0].href)).json();
    expect(stored.decide).toEqual({ levers: ['posts:longTerm=0..30/5', 'retention=1..0.8/0.05'], probability: 0.7 });

    // a reload keeps the form as typed, a row at fault too
    await field(page, 1, 'step').fill('abc');
    await page.reload();
    await expect(page.locator('#assumptions')).toContainText('Baseline:');
    expect(await rows(page)).toEqual([['posts', 'longTerm', '0', '30', '5'], ['retention', '', '1', '0.8', 'abc']]);
    await expect(page.getByLabel('Probability of meeting every target')).toHaveValue('70%');

    // a scenario saved without Decide (before it was kept), for another tab to open below
    const medway = await (await api.get('/api/v1/presets/medway-2019')).json();
    expect((await api.post('/api/v1/scenarios', { data: { scenario: { ...medway, name: older } } })).status()).toBe(201);

    // another tab opens it with its Decide
    const other = await open(browser);
    other.on('dialog', (d) => d.accept());
    expect(await rows(other)).toEqual([['posts', 'longTerm', '0', '60', '6'], ['campaign', '', '1', '3', '1']]);
    await other.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    await expect(other.locator('#save-status')).toHaveText(`Opened "${name}", version 1.`);
    expect(await rows(other)).toEqual([['posts', 'longTerm', '0', '30', '5'], ['retention', '', '1', '0.8', '0.05']]);
    await expect(other.getByLabel('Probability of meeting every target')).toHaveValue('0.7');

    // the one saved without Decide opens with the defaults
    await other.getByRole('button', { name: `Open ${older}`, exact: true }).click();
    await expect(other.locator('#save-status')).toHaveText(`Opened "${older}", version 1.`);
    expect(await rows(other)).toEqual([['posts', 'longTerm', '0', '60', '6'], ['campaign', '', '1', '3', '1']]);
    await expect(other.getByLabel('Probability of meeting every target')).toHaveValue('0.8');
    expect(page.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await page.context().close();
    await other.context().close();
  } finally {
    await deleteScenariosNamed(api, name);
    await deleteScenariosNamed(api, older);
    await api.dispose();
  }
});
