// Defects found in the twelfth round of trials, each reproduced in the browser: two saved
// scenarios of one name were listed, and their buttons read, as one scenario's two versions;
// a goal-seek the baseline already meets answered "Cheapest plan: longTerm posts +0 ... extra
// cost £0 a year" rather than saying that no change is needed.
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed, setDecideLevers } from './session.js';
import { savedRows } from '../src/wording.js';
import { goalSeekAnswer } from '../src/decide.js';

test('two saved scenarios of one name are told apart by when each was saved, in the list and their buttons', async ({ browser }) => {
  const api = await apiClient();
  const name = 'Rutland retention test';
  try {
    const page = await open(browser);
    const asked = [];
    page.on('dialog', (dialog) => { asked.push(dialog.message()); dialog.accept(); });
    const rows = page.locator('#scenario-list tbody tr', { hasText: name });
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 1.`);
    // a name of its own keeps its buttons' names as they were
    await expect(page.getByRole('button', { name: `Open ${name}`, exact: true })).toHaveCount(1);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(rows).toHaveCount(2);
    expect(asked).toEqual([`A scenario named "${name}" is saved already. Save another with the same name?`]);
    // a lever edited and saved: the second is now version 2, as the trial had it
    await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
    await page.getByRole('button', { name: 'Add lever' }).click();
    await page.getByRole('button', { name: /^Save changes/ }).click();
    await expect(page.locator('#save-status')).toHaveText(`Saved "${name}", version 2.`);
    await expect(rows.locator('td:nth-child(2)')).toHaveText(['1', '2']);

    // each row says when it was last saved, and its buttons are named by it: the two had both
    // read "Open Rutland retention test"
    const items = (await (await api.get('/api/v1/scenarios?limit=100')).json()).items.filter((s) => s.name === name);
    const expected = savedRows(items);
    expect(expected.map((r) => r.label)).toEqual(items.map(() => expect.stringMatching(
      /^Rutland retention test \(saved \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})?(, row \d+)?\)$/)));
    expect(new Set(expected.map((r) => r.label)).size).toBe(2);
    await expect(rows.locator('td:nth-child(3)')).toHaveText(expected.map((r) => r.when));
    for (const { label } of expected) {
      await expect(page.getByRole('button', { name: `Open ${label}`, exact: true })).toHaveCount(1);
      await expect(page.getByRole('button', { name: `Delete ${label}`, exact: true })).toHaveCount(1);
    }
    await expect(page.getByRole('button', { name: `Open ${name}`, exact: true })).toHaveCount(0);

    // deleting one asks about that one by when it was saved; the other's name is then its own
    await page.getByRole('button', { name: `Delete ${expected[0].label}`, exact: true }).click();
    await expect(page.locator('#save-status')).toHaveText(`Deleted "${name}".`);
    expect(asked[1]).toBe(`Delete "${name}" (version 1, saved ${expected[0].when}) for everyone? This cannot be undone.`);
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('button', { name: `Open ${name}`, exact: true })).toHaveCount(1);
    expect(page.errors).toEqual([]);
    await page.context().close();
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
  }
});

test('a goal-seek the baseline already meets says so plainly, the frontier drawn as before', async ({ browser }) => {
  const page = await open(browser);
  await page.locator('#target-value').fill('40');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await setDecideLevers(page, ['posts:longTerm=0..2/1']);
  await page.getByLabel('Probability of meeting every target', { exact: true }).fill('0.8');
  const results = page.waitForResponse((r) => /\/goal-seeks\/[^/]+\/results/.test(r.url()) && r.ok());
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 60_000 });
  await expect(page.locator('#decide-error')).toHaveText('');
  const doc = await (await results).json();
  // the API's answer is the baseline: no intervention added, nothing extra spent
  expect(doc.targets).toEqual(['caseload <= 40 at month 12']);
  expect(doc.answer.plan.interventions).toEqual([]);
  expect(doc.answer.extraCostPerYear).toBe(0);
  const answer = page.locator('#goal-seek-answer');
  await expect(answer).toHaveText(goalSeekAnswer(doc));
  await expect(answer).toHaveText(/^The baseline already meets the goal \(P [^,]+, at least 80% asked\): no extra posts or spend are needed \(P from [\d,]+ replications, 95% interval \S+ to \S+\)$/);
  await expect(answer).not.toContainText('Cheapest plan');
  await expect(page.locator('#frontier-chart svg .frontier-answer circle')).toHaveCount(1);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a blank name is the baseline\'s, written in the box before anything is asked or said', async ({ browser }) => {
  const api = await apiClient();
  const page = await open(browser);
  const name = page.getByLabel('Name', { exact: true });
  let saved = null;
  try {
    page.on('dialog', (dialog) => dialog.accept()); // another spec's scenario may share the name
    await name.fill('  ');
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toContainText('version 1');
    saved = await name.inputValue();
    // two spaces had been saved (or refused) under a name the planner never saw
    expect(saved).toMatch(/^medway-2019/);
    expect(page.errors).toEqual([]);
    await page.context().close();
  } finally {
    if (saved) await deleteScenariosNamed(api, saved);
    await api.dispose();
  }
});

test('the goal-seek\'s plan can be made the levers, the plan on the page replaced after asking, and compared', async ({ browser }) => {
  // a planner had retyped the answer lever by lever to compare it
  const page = await open(browser);
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.locator('#target-value').fill('19.5');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await setDecideLevers(page, ['posts:longTerm=0..40/10']);
  await page.getByLabel('Probability of meeting every target', { exact: true }).fill('0.8');
  const results = page.waitForResponse((r) => /\/goal-seeks\/[^/]+\/results/.test(r.url()) && r.ok());
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 90_000 });
  const doc = await (await results).json();
  expect(doc.answer.status).toBe('found');
  const [posts] = doc.answer.plan.interventions;
  expect(posts.type).toBe('posts');
  // an answer to other targets is not made the plan until it is found again
  await page.getByLabel('Probability of meeting every target', { exact: true }).fill('0.9');
  await page.getByRole('button', { name: 'Make this plan the levers' }).click();
  await expect(page.locator('#use-plan-status')).toHaveText(/^This answer is of the targets, probability, .* as they were when it was asked: find the cheapest plan again first\.$/);
  await expect(page.locator('#lever-0-team')).toHaveValue('assessment');
  await page.getByLabel('Probability of meeting every target', { exact: true }).fill('0.8');
  const asked = [];
  page.on('dialog', (dialog) => { asked.push(dialog.message()); dialog.accept(); });
  await page.getByRole('button', { name: 'Make this plan the levers' }).click();
  expect(asked).toEqual([`Replace the plan's 1 lever on the page with the goal-seek's plan (${doc.answer.plan.plan})?`]);
  await expect(page.locator('#use-plan-status')).toHaveText(`The levers are now the goal-seek's plan (${doc.answer.plan.plan}),`
    + ' with the assumptions kept: Compare runs it against the baseline.');
  await expect(page.locator('#levers fieldset.lever')).toHaveCount(1);
  await expect(page.locator('#lever-0-team')).toHaveValue('longTerm');
  await expect(page.locator('#lever-0-fte')).toHaveValue(String(posts.fte));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 90_000 });
  expect(page.errors).toEqual([]);
  await page.context().close();
});
