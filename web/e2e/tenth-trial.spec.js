// Defects found in the tenth round of trials, each reproduced in the browser: the name box
// counted an emoji as two of its 200 (UTF-16 units) where the server counts characters, so a
// name the server takes could not be typed.
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed } from './session.js';

test('a name of 150 emoji is saved whole; one of 201 letters is refused naming the field', async ({ browser }) => {
  const api = await apiClient();
  const emoji = '\u{1F600}'.repeat(150);
  try {
    const page = await open(browser);
    await page.getByLabel('Name', { exact: true }).fill(emoji);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(emoji);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toContainText('version 1');
    await expect(page.getByRole('button', { name: `Open ${emoji}` })).toHaveCount(1);
    await page.getByLabel('Name', { exact: true }).fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('[data-field="scenario.name"]'))
      .toHaveText('must be at most 200 characters, was 201');
    expect(page.errors).toEqual([]);
    await page.context().close();
  } finally {
    await deleteScenariosNamed(api, emoji);
    await api.dispose();
  }
});
