// Defects found in the fifteenth round of trials, each reproduced in the browser: a preset made
// by calibration (medway-2019, the page's first baseline) showed nothing of what its calibration
// assumed, where the same council calibrated on the spot showed its notes and warnings.

import { test, expect } from '@playwright/test';
import { open, apiClient } from './session.js';

test('a calibrated preset says what its calibration assumed; a hand-made example says nothing', async ({ browser }) => {
  const page = await open(browser);
  // the first baseline, medway-2019: its notes are those of calibrating Medway 2019 over 36
  // months, which gives the preset itself
  const notes = page.locator('#assumptions ul.notes li');
  await expect(notes.first()).toContainText('Medway at 30 September 2019', { timeout: 30_000 });
  await expect(page.locator('#assumptions')).toContainText('What the calibration assumed:');
  await expect(page.locator('#assumptions')).toContainText('Some futures recruit nobody');
  const api = await apiClient();
  const list = await (await api.get('/api/v1/presets')).json();
  const medway = list.items.find((p) => p.name === 'medway-2019');
  expect(medway.calibratedFrom).toEqual({ la: 'Medway', year: 2019, months: 36 });
  const calibration = await (await api.post('/api/v1/calibrations', { data: medway.calibratedFrom })).json();
  await api.dispose();
  await expect(notes).toHaveCount(calibration.notes.length);
  // a hand-made example has no calibration, so no notes
  await page.locator('#preset').selectOption('synthetic-small');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions h3')).toContainText('synthetic-small');
  await expect(page.locator('#assumptions')).not.toContainText('What the calibration assumed:');
  expect(list.items.find((p) => p.name === 'synthetic-small').calibratedFrom).toBeUndefined();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
