// Defects found in the eleventh round of trials, each reproduced in the browser: a scenario
// saved from a calibrated council reopened without what the calibration assumed (its notes,
// and with them the warning of figures the council's own data leave very uncertain).
import { test, expect } from '@playwright/test';
import { apiClient, open, deleteScenariosNamed } from './session.js';

test('a scenario saved from a calibration reopens, on another page, with what the calibration assumed', async ({ browser }) => {
  const api = await apiClient();
  const name = 'Rutland notes kept';
  try {
    const page = await open(browser);
    await page.getByLabel('A council and year (calibrated from DfE data)').check();
    await page.getByLabel('Council (name or code)', { exact: true }).fill('Rutland');
    await page.getByLabel('Year (30 September)', { exact: true }).fill('2022');
    await page.getByRole('button', { name: 'Calibrate' }).click();
    await expect(page.locator('#assumptions')).toContainText('Rutland 2022 (calibrated)', { timeout: 30_000 });
    const notes = await page.locator('#assumptions ul.notes li').allTextContents();
    expect(notes.length).toBeGreaterThan(3);
    const warning = await page.locator('#baseline-warning').count();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(page.locator('#save-status')).toContainText('version 1');
    await page.context().close();

    const other = await open(browser);
    await other.getByRole('button', { name: `Open ${name}` }).click();
    await expect(other.locator('#assumptions')).toContainText(`Baseline: ${name} (saved, version 1)`);
    await expect(other.locator('#assumptions')).toContainText('What the calibration assumed:');
    // the notes as the calibration gave them, in order; they had come back as none
    await expect(other.locator('#assumptions ul.notes li')).toHaveText(notes);
    await expect(other.locator('#baseline-warning')).toHaveCount(warning);
    expect(other.errors).toEqual([]);
    await other.context().close();
  } finally {
    await deleteScenariosNamed(api, name);
    await api.dispose();
  }
});
