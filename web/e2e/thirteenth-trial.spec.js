// Defects found in the thirteenth round of trials, each reproduced in the browser: a comparison's
// mean extra cost pointing the other way to most futures with nothing said; differences whose
// means and difference were written to different digits; a rate's target of "150%" answered
// "0.015 or 150%%"; the Year box at 2019 with returns to 2022 shipped; the baseline's line saying
// 36 months while Months said 24; the DfE indicators not said to be simulated; large counts'
// percentiles written to the unit; a refused field's hint dropped from its description; boxes
// stretched to their hint's or error's width.
import { test, expect } from '@playwright/test';
import { open } from './session.js';
import { extraCostCells, percentileValue } from '../src/format.js';

const M = '\u2212\u2060'; // a minus joined to its pound sign
const SHOTS = '../target/page-e2e';

/** A council and year calibrated as the baseline. */
async function calibrate(page, council, year) {
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  await page.getByLabel('Council (name or code)', { exact: true }).fill(council);
  await page.getByLabel('Year (30 September)', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#assumptions')).toContainText(`${council} ${year} (calibrated)`, { timeout: 30_000 });
}

async function addLever(page, type) {
  await page.getByLabel('Add a lever', { exact: true }).selectOption(type);
  await page.getByRole('button', { name: 'Add lever' }).click();
}

/** The cells of a results table's row, by its header. */
function cells(page, table, name) {
  return page.locator(`#${table}`).getByRole('row', { name, exact: false }).locator('td');
}

test('the extra cost gives the median beside the mean and says where the mean points the other way; a row\'s means and difference to one digit', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await open(browser);
  await calibrate(page, 'Medway', '2022');
  // the baseline's line says the months runs use, as Months does
  await page.getByLabel('Months', { exact: true }).fill('24');
  await expect(page.locator('#baseline-facts')).toContainText('Base date 2022-09-30, run for 24 months (Months, step 2);');
  await expect(page.locator('#baseline-facts')).not.toContainText('36 months');
  await page.getByLabel('Months', { exact: true }).fill('36');
  await expect(page.locator('#baseline-facts')).toContainText('run for 36 months');
  await page.getByLabel('Replications', { exact: true }).fill('500');
  await page.getByLabel('Seed', { exact: true }).fill('1');
  // the trial's plan: 8 long-term posts, a campaign (every team, x2, £10,000 a month, months
  // 1-12), a retention payment at its defaults, an agency cap of 50
  await addLever(page, 'posts');
  await page.locator('#lever-0-team').selectOption('longTerm');
  await page.locator('#lever-0-fte').fill('8');
  await addLever(page, 'recruitmentCampaign');
  await page.locator('#lever-1-team').selectOption('');
  await page.locator('#lever-1-fillMultiplier').fill('2');
  await page.locator('#lever-1-monthlyCost').fill('10000');
  await page.locator('#lever-1-startMonth').fill('1');
  await page.locator('#lever-1-endMonth').fill('12');
  await addLever(page, 'retentionPayment');
  await addLever(page, 'agencyPolicy');
  await page.locator('#lever-3-capFte').fill('50');
  const results = page.waitForResponse((r) => /\/results/.test(r.url()) && r.status() === 200, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  const doc = await (await results).json();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 90_000 });

  // the headline: a mean saving while most futures cost more, said beside the table
  const h = doc.variants[0].extraCost.horizon;
  expect(h.mean).toBeLessThan(0);
  expect(h.shareAboveZero).toBeGreaterThan(0.5);
  await expect(page.locator('#extra-cost thead th')).toHaveText(['Period', 'Mean', '95% interval of the mean', 'Median',
    '90% band across replications (5th to 95th percentile)', 'P(plan costs more)']);
  const perYear = (x) => (x * 12) / h.months;
  await expect(cells(page, 'extra-cost', 'A year on average')).toHaveText(extraCostCells(h, perYear));
  await expect(cells(page, 'extra-cost', 'A year on average')).toHaveText([`${M}£905k`, `${M}£1.1m to ${M}£712k`,
    '+\u2060£143k', `${M}£5.8m to £882k`, '53%']);
  await expect(cells(page, 'extra-cost', 'Year 2')).toHaveText([`${M}£815k`, `${M}£1m to ${M}£619k`, '+\u2060£376k',
    `${M}£5.8m to £856k`, '59%']);
  const note = page.locator('#extra-cost-note');
  await expect(note).toHaveText(new RegExp('^A year on average: in most futures \\(53%\\) the plan costs more \\(median \\+\u2060£143k\\);'
    + ' the average saving of £905k comes from a few futures where it saves far more'));
  await expect(page.locator('#extra-cost')).toHaveAccessibleDescription(await note.textContent());
  // the caseload whose mean is higher while most futures have it lower
  await expect(page.locator('#differences-direction-note')).toContainText('Caseload, month 12 (mean +0.3, yet lower in 64% of futures)');

  // a count's difference with its means' decimal; money means to the difference's digit
  await expect(cells(page, 'differences', 'Children waiting unallocated, month 36').nth(0)).toHaveText('0.0');
  await expect(cells(page, 'differences', 'Children waiting unallocated, month 36').nth(1)).toHaveText('1.1');
  await expect(cells(page, 'differences', 'Children waiting unallocated, month 36').nth(2)).toHaveText('+1.1 (\u22120.3 to 2.5)');
  await expect(cells(page, 'differences', 'Cost a month, month 12').nth(0)).toHaveText('£1.399m');
  await expect(cells(page, 'differences', 'Cost a month, month 12').nth(1)).toHaveText('£1.379m');
  await expect(cells(page, 'differences', 'Cost a month, month 12').nth(2)).toHaveText(`${M}£20k (${M}£32k to ${M}£7.7k)`);
  await expect(cells(page, 'differences', 'Caseload, month 12').nth(1)).toHaveText('16.0');
  await expect(page.locator('#differences caption')).toContainText('a difference\'s 95% interval is that of its mean, not a range of outcomes');

  // the indicators said to be simulated, their cost the year's to 30 September
  await expect(page.locator('#snapshots caption')).toHaveText('Baseline: simulated DfE indicators at 30 September: median (90% band)');
  await expect(page.locator('#snapshots').getByRole('rowheader', { name: 'Cost in the year to 30 September' })).toHaveCount(1);
  await page.locator('#extra-cost').screenshot({ path: `${SHOTS}/thirteenth-extra-cost.png` });
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a large council\'s percentiles are written to the precision they have; its means as before', async ({ browser }) => {
  const page = await open(browser);
  await calibrate(page, 'Birmingham', '2022');
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('12');
  const results = page.waitForResponse((r) => /\/results/.test(r.url()) && r.status() === 200, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run baseline' }).click();
  const doc = await (await results).json();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  const cases = doc.snapshots[0].metrics.cases;
  expect(cases.p50).toBeGreaterThan(1024);
  const shown = `${percentileValue('cases', cases.p50)} (${percentileValue('cases', cases.p5)} to ${percentileValue('cases', cases.p95)})`;
  // 3 significant figures: 8,530, not 8,526
  expect(Number(shown.split(' ')[0].replace(/,/g, ''))).toBe(Number(cases.p50.toPrecision(3)));
  await expect(page.locator('#snapshots').getByRole('row', { name: /^Cases / }).locator('td')).toHaveText([shown]);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('the Year box is at the latest return, its range beside it; a rate\'s target above 100% is refused plainly', async ({ browser }) => {
  const page = await open(browser);
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  const year = page.getByLabel('Year (30 September)', { exact: true });
  await expect(year).toHaveValue('2022');
  await expect(page.locator('#year-hint')).toHaveText('returns published 2017-2022');
  await expect(year).toHaveAccessibleDescription('returns published 2017-2022');

  await page.getByLabel('Metric', { exact: true }).selectOption('agencyRate');
  await page.getByLabel('value', { exact: true }).fill('150%');
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(page.locator('.error[data-field=targets]')).toHaveText('A rate is from 0 to 100% (a fraction from 0 to 1); was "150%".');
  await expect(page.locator('#targets li')).toHaveCount(0);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a refused field is described by its error and still by its hint; boxes keep their own width', async ({ browser }) => {
  const page = await open(browser);
  await addLever(page, 'posts');
  const fte = page.locator('#lever-0-fte');
  const hint = page.locator('#lever-0-fte-hint');
  // at 1280 px the box is its own width, not its hint's
  const box = await fte.boundingBox();
  expect(box.width).toBeLessThan((await hint.boundingBox()).width);
  expect(box.width).toBeLessThan(160);
  await fte.fill('x');
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  const error = page.locator('.error[data-lever="0"][data-field="fte"]');
  await expect(error).toContainText('must be a number');
  await expect(fte).toHaveAttribute('aria-invalid', 'true');
  const errorId = await error.getAttribute('id');
  await expect(fte).toHaveAttribute('aria-describedby', `${errorId} lever-0-fte-hint lever-0-fte-far`);
  await expect(fte).toHaveAccessibleDescription(`${await error.textContent()} ${await hint.textContent()}`);
  expect((await fte.boundingBox()).width).toBeCloseTo(box.width, 0);
  // changed, the error goes and the hint alone describes it
  await fte.fill('2');
  await expect(fte).not.toHaveAttribute('aria-invalid', /./);
  await expect(fte).toHaveAttribute('aria-describedby', 'lever-0-fte-hint lever-0-fte-far');

  // the Council box keeps its width beside a long error, which wraps
  await page.getByLabel('A council and year (calibrated from DfE data)').check();
  const council = page.getByLabel('Council (name or code)', { exact: true });
  const width = (await council.boundingBox()).width;
  await council.fill('North Yorkshire and the Humber Combined Authority');
  await page.getByRole('button', { name: 'Calibrate' }).click();
  await expect(page.locator('#council-error')).not.toBeEmpty({ timeout: 30_000 });
  expect((await council.boundingBox()).width).toBeCloseTo(width, 0);
  expect((await page.locator('#council-error').boundingBox()).width).toBeLessThanOrEqual(24 * 16 + 1);
  await page.screenshot({ path: `${SHOTS}/thirteenth-boxes.png` });
  expect(page.errors).toEqual([]);
  await page.context().close();
});
