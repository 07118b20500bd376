// Defects an eighth planner's trial of the page found, each reproduced in the browser: with
// more than 100 scenarios saved the list showed the first 100 alone, so a scenario saved then
// was said saved and never shown (nor could it be opened or deleted); a lever on a team the
// next baseline has not was moved to another team unsaid; opening a saved scenario replaced
// the levers and targets on the page without asking; a preset chosen but not used read as if it
// were the baseline. The trial's other
// findings are checked below the page: a withheld DfE rate drawn as "published 0%"
// (ServiceApiTest), the smallest councils' assessment teams without a worker (CalibratorTest),
// and a plan short of the goal shown at it (decide.test, format.test).
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed } from './session.js';

test('a scenario saved after the first 100 is listed, and a name used beyond them is found', async ({ browser }) => {
  const api = await apiClient();
  const scenario = await (await api.get('/api/v1/presets/medway-2019')).json();
  try {
    for (let i = 0; i < 101; i++) {
      const stored = await api.post('/api/v1/scenarios', { data: { scenario: { ...scenario, name: 'eighth-many' } } });
      expect(stored.status()).toBe(201);
    }
    const page = await open(browser);
    await expect(page.locator('#scenario-list tbody tr')).toHaveCount(101);
    await page.getByLabel('Name', { exact: true }).fill('eighth-newest');
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toContainText('version 1');
    await expect(page.locator('#scenario-list tbody tr')).toHaveCount(102);
    await expect(page.getByRole('button', { name: 'Open eighth-newest' })).toHaveCount(1);
    // a name already used is found beyond the first 100 too: asked about (declined here)
    const asked = [];
    page.once('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toHaveText('Not saved: "eighth-newest" is saved already; choose another name, or save changes to the one open.');
    expect(asked).toEqual(['A scenario named "eighth-newest" is saved already. Save another with the same name?']);
    await expect(page.locator('#scenario-list tbody tr')).toHaveCount(102);
    expect(page.errors).toEqual([]);
    await page.context().close();
  } finally {
    await deleteScenariosNamed(api, 'eighth-many');
    await deleteScenariosNamed(api, 'eighth-newest');
    await api.dispose();
  }
});

test('a baseline without a lever\'s team leaves the lever for the planner to choose, and nothing runs until then', async ({ browser }) => {
  // it had been moved to the first team: a trial's 9 long-term posts were compared as 9
  // assessment posts, said only under the baseline
  const page = await open(browser);
  await page.getByLabel('Preset', { exact: true }).selectOption('medway-2019-localities');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText('Baseline: medway-2019-localities');
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.locator('#lever-0-team').selectOption('west');
  await page.getByLabel('Preset', { exact: true }).selectOption('medway-2019');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#start-status')).toHaveText(
    'medway-2019 has no team west: choose a team for Posts (the levers below).');
  const team = page.locator('#lever-0-team');
  await expect(team).toHaveAttribute('aria-invalid', 'true');
  await expect(team.locator('option:checked')).toHaveText('west: not a team of this baseline; choose one');
  await expect(page.locator('.error[data-lever="0"][data-field="team"]'))
    .toHaveText('The baseline has no team west: choose the team this lever is for.');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('#run-error')).toHaveText('Choose a team for lever 1 (Posts): the baseline has no team west.');
  await expect(page.locator('#progress-text')).toHaveText('');
  // nor is it saved on another team, and a reload keeps it to choose (it had gone to the first)
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.locator('#save-status')).toHaveText('Not saved: Choose a team for lever 1 (Posts): the baseline has no team west.');
  await page.reload();
  await expect(page.locator('#assumptions h3')).toContainText('Baseline: medway-2019');
  await expect(team.locator('option:checked')).toHaveText('west: not a team of this baseline; choose one');
  await expect(team).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('#run-error')).toHaveText('Choose a team for lever 1 (Posts): the baseline has no team west.');
  await team.selectOption('longTerm');
  await expect(team).not.toHaveAttribute('aria-invalid', 'true');
  await expect(team.locator('option')).toHaveText(['assessment', 'longTerm']);
  // back on the localities, a lever still on west would be west's again
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('opening a saved scenario asks before replacing levers and targets not saved', async ({ browser }) => {
  const api = await apiClient();
  const scenario = await (await api.get('/api/v1/presets/medway-2019')).json();
  await api.post('/api/v1/scenarios', { data: { scenario: { ...scenario, name: 'eighth-open' } } });
  const page = await open(browser);
  try {
    // nothing on the page yet: opened without a question
    const asked = [];
    page.on('dialog', (dialog) => { asked.push(dialog.message()); dialog.dismiss(); });
    await page.getByRole('button', { name: 'Open eighth-open' }).click();
    await expect(page.locator('#save-status')).toHaveText('Opened "eighth-open", version 1.');
    await page.getByRole('button', { name: 'Add target' }).click();
    await expect(page.locator('#targets li')).toHaveCount(1);
    await page.getByRole('button', { name: 'Open eighth-open' }).click();
    await expect(page.locator('#save-status')).toHaveText('Not opened: save the levers, targets and Decide\'s levers first (Save as new),'
      + ' or open "eighth-open" again and confirm to replace them.');
    expect(asked).toEqual(['Open "eighth-open"? The levers, targets and Decide\'s levers on the page, not saved, will be replaced.']);
    await expect(page.locator('#targets li')).toHaveCount(1);
    // Decide's probability alone changed is work too (it had been replaced without a word)
    await page.getByRole('button', { name: /^Remove target/ }).first().click();
    await expect(page.locator('#targets li')).toHaveCount(0);
    await page.getByRole('button', { name: 'Open eighth-open' }).click();
    await expect(page.locator('#save-status')).toHaveText('Opened "eighth-open", version 1.');
    await page.getByLabel('Probability of meeting every target').fill('0.9');
    await page.getByRole('button', { name: 'Open eighth-open' }).click();
    await expect(page.locator('#save-status')).toContainText('Not opened');
    expect(asked).toHaveLength(2);
    await expect(page.getByLabel('Probability of meeting every target')).toHaveValue('0.9');
    expect(page.errors).toEqual([]);
  } finally {
    await page.context().close();
    await deleteScenariosNamed(api, 'eighth-open');
    await api.dispose();
  }
});

test('a preset chosen but not used says it is not the baseline yet', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('Preset', { exact: true }).selectOption('synthetic-small');
  await expect(page.locator('#preset-pending')).toHaveText(
    'Not the baseline until you press Use this preset (the baseline is medway-2019).');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText('Baseline: synthetic-small');
  await expect(page.locator('#preset-pending')).toBeEmpty();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
