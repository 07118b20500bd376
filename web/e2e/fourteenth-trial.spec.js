// Defects found in the fourteenth round of trials, each reproduced in the browser: a caseload cap
// whose hard limit was filled in at 35, so that a cap of 18 changed nothing; a calibration from a
// doubtful return (Cumbria 2018) and futures recruiting nobody, both unsaid; a front-door
// threshold starting at 0.1 whatever the council's share.
import { test, expect } from '@playwright/test';
import { open } from './session.js';

async function addLever(page, type) {
  await page.getByLabel('Add a lever', { exact: true }).selectOption(type);
  await page.getByRole('button', { name: 'Add lever' }).click();
}

/** The cells of a results table's row, by its header. */
function cells(page, table, name) {
  return page.locator(`#${table}`).getByRole('row', { name, exact: false }).locator('td');
}

test('a caseload cap holds caseloads to it: its hard limit is the cap unless one is typed', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await open(browser);
  await page.getByLabel('Replications', { exact: true }).fill('100');
  await page.getByLabel('Months', { exact: true }).fill('12');
  await addLever(page, 'caseloadCap');
  await page.locator('#lever-0-team').selectOption('longTerm');
  // the cap starts at the team's own (medway-2019's long-term team: 23), the hard limit blank
  await expect(page.locator('#lever-0-cap')).toHaveValue('23');
  await expect(page.locator('#lever-0-hardLimit')).toHaveValue('');
  await page.locator('#lever-0-cap').fill('18');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/comparisons') && r.method() === 'POST');
  const results = page.waitForResponse((r) => /\/results/.test(r.url()) && r.status() === 200, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  const lever = (await sent).postDataJSON().variants[0].interventions[0];
  expect(lever).toEqual({ type: 'caseloadCap', startMonth: 1, team: 'longTerm', cap: 18 });
  const doc = await (await results).json();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 90_000 });
  // the long-term caseload held to 18: it had read the baseline's to the digit (19.7 and 19.7)
  const plan = doc.variants[0].result.monthly[11].metrics.caseloadLongTerm;
  expect(plan.p95).toBeLessThanOrEqual(18);
  expect(doc.variants[0].differences[11].metrics.caseload.probabilityBetter).toBeGreaterThan(0.8);
  await expect(cells(page, 'differences', 'Caseload, month 12').nth(3)).not.toHaveText('0%'); // P(better)
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a doubtful return is warned of above the baseline, in the note\'s words', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)', { exact: true }).fill('Cumbria');
  await page.getByLabel('Year (30 September)', { exact: true }).fill('2018');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/calibrations') && r.status() === 200);
  await page.getByRole('button', { name: 'Calibrate' }).click();
  const calibration = await (await answered).json();
  const note = calibration.notes.find((n) => n.startsWith('doubtful return: '));
  expect(note).toContain('the 417 cases held are 13% of the 3,305 children the census counts');
  const warnings = page.locator('#assumptions p.warning');
  await expect(warnings.first()).toHaveText(`Doubtful return: ${note.slice('doubtful return: '.length)}.`);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('futures that recruit nobody are warned of; the front-door threshold starts at the council\'s share', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)', { exact: true }).fill('Birmingham');
  await page.getByLabel('Year (30 September)', { exact: true }).fill('2022');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/calibrations') && r.status() === 200);
  await page.getByRole('button', { name: 'Calibrate' }).click();
  const calibration = await (await answered).json();
  const note = calibration.notes.find((n) => n.startsWith('no recruitment: '));
  expect(note).toMatch(/is drawn as 0 in \d+% of replications/);
  await expect(page.locator('#assumptions p.warning', { hasText: 'Some futures recruit nobody' }))
    .toHaveText(`Some futures recruit nobody: ${note.slice('no recruitment: '.length)}.`);
  await addLever(page, 'frontDoor');
  const share = calibration.scenario.parameters.demand.nfaShare;
  await expect(page.locator('#lever-0-nfaShare')).toHaveValue(String(Math.round(share * 1000) / 1000));
  expect(page.errors).toEqual([]);
  await page.context().close();
});
