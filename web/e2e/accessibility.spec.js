// WCAG 2.2 AA, as UK public-sector bodies must meet it: axe-core's checks of every WCAG A
// and AA rule it has (2.0, 2.1, 2.2) in the page's main states (the token asked for, a
// council calibrated with levers, a run's results, a comparison's, Decide's frontier and
// tornado, saved scenarios, a field refused, a phone's width, the API documentation), and
// what axe cannot check: the keyboard alone reaches every control in order, sees where the
// focus is, is never trapped, and runs a baseline whose end is announced.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { TOKEN, URL_, sharedPage, closeShared, giveToken, calibrateMedway, setDecideLevers } from './session.js';
import { contrast, stacks, leastContrast } from '../test/contrast.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NAME = 'Accessibility spec scenario';

test.describe.configure({ mode: 'serial' });

/** The violations axe finds, each rule with its elements and what fails, in words for a failure's message. */
function described(violations) {
  return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n`
    + v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s*\n\s*/g, ' ')}`).join('\n')).join('\n');
}

/** Runs axe on the page as it is (what is hidden is not checked) and expects no violation. */
async function audit(page, state) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => v.id), `${state}: ${violations.length} rule(s) violated\n${described(violations)}`).toEqual([]);
}

/**
 * What the charts matching `selector` draw, as the browser paints it: each shape (path, line,
 * circle, rect) outside the axes' grid lines, with its computed fill and stroke, their opacities
 * (times every ancestor's), and its geometry (a path's d, a rect's box) to find its edge by.
 */
async function paint(selector) {
  return page.locator(selector).evaluateAll((svgs) => svgs.map((svg) => {
    const shapes = [];
    for (const el of svg.querySelectorAll('path, line, circle, rect, polyline, polygon')) {
      if (el.closest('[aria-label$="grid"]')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      let opacity = 1;
      for (let e = el; e && e !== svg.parentElement; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const at = (n) => el.getAttribute(n);
      shapes.push({
        mark: el.closest('g[aria-label], g[class]')?.getAttribute('aria-label') ?? el.closest('g[class]')?.getAttribute('class') ?? el.tagName,
        tag: el.tagName,
        geometry: at('d') ?? ['x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2'].map(at).join(' '),
        fill: cs.fill, fillOpacity: Number(cs.fillOpacity) * opacity,
        stroke: cs.stroke, strokeOpacity: Number(cs.strokeOpacity) * opacity, strokeWidth: parseFloat(cs.strokeWidth),
      });
    }
    return { chart: svg.getAttribute('aria-label') ?? svg.getAttribute('class'), shapes };
  }));
}

const WHITE = 'rgb(255, 255, 255)';
const painted = (c) => c && c !== 'none' && !c.startsWith('url(');

/**
 * WCAG 2.2 1.4.11 (non-text contrast) over charts as painted (paint): a translucent fill (a
 * band) need not contrast, but the same shape is then edged by a stroke; every stroke and every
 * opaque fill is itself opaque and has 3:1 against white and against every stack of the
 * chart's translucent fills (what a line can lie on), but for a white rim round a filled
 * point. Returns the failures in words, none expected; `least` collects each colour's least ratio.
 */
function nonTextContrast(charts, least = new Map()) {
  const failures = [];
  for (const { chart, shapes } of charts) {
    const layers = shapes.filter((s) => painted(s.fill) && s.fillOpacity < 1)
      .map((s) => ({ colour: s.fill, opacity: s.fillOpacity }));
    const backgrounds = stacks(layers);
    const check = (s, colour, opacity, what) => {
      if (opacity < 1) {
        failures.push(`${chart}: ${s.mark} ${s.tag} ${what} ${colour} at opacity ${opacity}`);
        return;
      }
      const ratio = leastContrast(colour, backgrounds);
      least.set(colour, Math.min(least.get(colour) ?? Infinity, ratio));
      if (ratio < 3) failures.push(`${chart}: ${s.mark} ${s.tag} ${what} ${colour} ${ratio.toFixed(2)}:1 at the least`);
    };
    for (const s of shapes) {
      const fillOpaque = painted(s.fill) && s.fillOpacity >= 1;
      if (painted(s.fill) && s.fillOpacity < 1) {
        const edged = shapes.some((e) => e.geometry === s.geometry && painted(e.stroke) && e.strokeOpacity >= 1
          && e.strokeWidth > 0 && leastContrast(e.stroke, backgrounds) >= 3);
        if (!edged) failures.push(`${chart}: ${s.mark} ${s.tag} translucent ${s.fill} with no edge of 3:1`);
      } else if (fillOpaque) {
        check(s, s.fill, s.fillOpacity, 'fill');
      }
      if (painted(s.stroke) && s.strokeWidth > 0 && !(s.stroke === WHITE && fillOpaque)) {
        check(s, s.stroke, s.strokeOpacity, 'stroke');
      }
    }
  }
  return failures;
}

let api;
let page;

test.beforeAll(async ({ browser }) => {
  ({ api, page } = await sharedPage(browser));
});

test.afterAll(() => closeShared({ api, page }, NAME));

test('the token asked for, then the page as first loaded', async () => {
  await page.goto(URL_() + '/');
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused();
  await audit(page, 'the token dialog');
  await giveToken(page);
  await audit(page, 'first load');
});

test('a council calibrated, with levers and a target', async () => {
  await calibrateMedway(page);
  await page.getByLabel('Add a lever', { exact: true }).selectOption('agencyPolicy');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.getByLabel('Add a lever', { exact: true }).selectOption('posts');
  await page.getByRole('button', { name: 'Add lever' }).click();
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.locator('#target-month').fill('12');
  await page.getByRole('button', { name: 'Add target' }).click();
  await expect(page.locator('#targets li')).toHaveCount(1);
  await audit(page, 'calibrated, with levers');
});

test('a field refused: its problem beside it', async () => {
  await page.getByLabel('Replications', { exact: true }).fill('many');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.getByLabel('Replications', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.error[data-field=replications]')).not.toBeEmpty();
  await audit(page, 'a field refused');
  await page.getByLabel('Replications', { exact: true }).fill('50');
});

test('a run\'s results', async () => {
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(page.locator('#charts figure.chart').first()).toBeVisible();
  await audit(page, 'a run\'s results');
  // Each chart's text alternative: its figures month by month in a table under it, the
  // published figures and every point's median as its title gives it.
  const fig = page.locator('figure[data-metric="caseload"]');
  await fig.getByRole('group').getByText('Figures month by month').click();
  const rows = fig.locator('details table tbody tr');
  const titles = await fig.locator('svg .median-baseline title').allTextContents();
  const published = await fig.locator('svg .actuals title').count();
  expect(titles.length).toBe(12);
  expect(published).toBeGreaterThan(0);
  await expect(rows).toHaveCount(titles.length + published);
  for (const [i, title] of titles.entries()) {
    const median = /median ([^ ;\u00b1]+)/.exec(title)[1];
    await expect(rows.nth(published + i).locator('td').nth(1)).toHaveText(median);
  }
  await audit(page, 'a run\'s results, a chart\'s figures shown');
});

test('a comparison\'s results', async () => {
  await page.getByRole('button', { name: 'Compare baseline and plan' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(page.locator('#tables')).toContainText('P(better)');
  await audit(page, 'a comparison\'s results');
  // 1.4.11 (non-text contrast), which axe does not check: every fan of the plan over the
  // baseline, and the legend's swatches
  const charts = await paint('#charts figure.chart svg');
  expect(charts.length).toBeGreaterThan(5);
  const least = new Map();
  expect(nonTextContrast(charts, least)).toEqual([]);
  const bands = charts[0].shapes.filter((s) => s.fillOpacity < 1 && painted(s.fill));
  expect(bands.length).toBe(4); // each series' 50% and 90% bands, each edged
  expect(nonTextContrast(await paint('#legend svg'))).toEqual([]);
  expect(await page.locator('#legend svg.swatch').count()).toBe(3);
  // the lines are the series' own colours, at 3:1 over every stack of the bands
  for (const name of ['baseline', 'plan']) {
    const colour = await page.locator(`#charts svg .median-${name} circle`).first().evaluate((e) => getComputedStyle(e).fill);
    expect(least.get(colour), name).toBeGreaterThanOrEqual(3);
  }
});

test('Decide: the goal-seek\'s frontier, then the tornado', async () => {
  await setDecideLevers(page, ['posts:longTerm=0..30/10', 'campaign=1..2/1']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-status')).toHaveText('goal-seek done', { timeout: 90_000 });
  await expect(page.locator('#frontier-chart svg')).toBeVisible();
  await audit(page, 'the goal-seek\'s frontier');
  expect(nonTextContrast(await paint('#frontier-chart svg'))).toEqual([]);
  // its text alternative: every plan evaluated in a table, the answer marked
  await page.locator('#frontier-chart summary').click();
  const plans = page.locator('#frontier-chart table tbody tr');
  // a row a point (the best run's dashed ring, where none reaches p, is a mark round its point)
  await expect(plans).toHaveCount(await page.locator('#frontier-chart svg :is(.frontier-plan, .frontier-answer) circle').count());
  await expect(plans.filter({ hasText: '(the answer)' }))
    .toHaveCount(await page.locator('#frontier-chart svg .frontier-answer circle').count());
  await audit(page, 'the goal-seek\'s frontier, its plans shown');
  await page.getByLabel('Tornado at month', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Draw the tornado' }).click();
  await expect(page.locator('#decide-status')).toHaveText('tornado drawn', { timeout: 90_000 });
  await expect(page.locator('#tornado-chart svg')).toBeVisible();
  await audit(page, 'the tornado');
  expect(nonTextContrast(await paint('#tornado-chart svg'))).toEqual([]);
  // the rule at the central value crosses the bars: 3:1 between them too
  const bar = await page.locator('#tornado-chart svg .tornado-bar rect').first().evaluate((e) => getComputedStyle(e).fill);
  const rule = await page.locator('#tornado-chart svg line').evaluateAll((ls) => ls
    .filter((l) => !l.closest('[aria-label*="axis"], [aria-label$="grid"]')).map((l) => getComputedStyle(l).stroke));
  expect(rule.length).toBe(1);
  expect(contrast(rule[0], bar)).toBeGreaterThanOrEqual(3);
});

test('Decide: a lever refused', async () => {
  // one the server refuses, under the levers, and one the page refuses at its field
  await setDecideLevers(page, ['posts:longTerm=0..60/6', 'agencyCover=0.5..1.5/0.5']);
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-levers-error')).toContainText('must be <= 1, was 1.5');
  await page.locator('#decide-lever-0-step').fill('0');
  await page.getByRole('button', { name: 'Find the cheapest plan' }).click();
  await expect(page.locator('#decide-lever-0-step-error')).toContainText('Step must be more than 0');
  await audit(page, 'a Decide lever refused');
  // put right, as a scenario is not saved with levers a goal-seek of it would refuse
  await setDecideLevers(page, ['posts:longTerm=0..30/10', 'campaign=1..2/1']);
});

test('saved scenarios listed', async () => {
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.locator('#save-status')).toContainText(`Saved "${NAME}"`);
  await expect(page.getByRole('button', { name: `Open ${NAME}` })).toBeVisible();
  await audit(page, 'saved scenarios');
});

test('a run by team (the localities preset): its panels and its table by team', async () => {
  await page.getByLabel('A preset').check();
  await page.getByLabel('Preset', { exact: true }).selectOption('medway-2019-localities');
  await page.getByRole('button', { name: 'Use this preset' }).click();
  await expect(page.locator('#assumptions')).toContainText('medway-2019-localities');
  await page.getByLabel('Replications', { exact: true }).fill('50');
  await page.getByLabel('Months', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Run baseline' }).click();
  await expect(page.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(page.locator('#team-table table')).toBeVisible();
  await audit(page, 'by team');
  expect(nonTextContrast(await paint('#team-charts svg'))).toEqual([]);
});

test('at a phone\'s width (390 px, then 320 px), with results', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await audit(page, '390 px wide');
  // WCAG 1.4.10 (reflow): at 320 CSS px nothing scrolls sideways but the tables, each in its own box
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await audit(page, '320 px wide');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the API documentation', async ({ browser }) => {
  // The server's first answer for Swagger UI's stylesheet is the file: it had been a 404 (a
  // folder of the jar not yet unpacked; WebPage.route unpacks them at start), so that the first
  // visitor after a start had the documentation unstyled, in colours other than these.
  expect((await api.get('/assets/api-docs/swagger-ui.css')).status()).toBe(200);
  const context = await browser.newContext();
  const docs = await context.newPage();
  await docs.goto(URL_() + '/api/v1/docs');
  await expect(docs.getByLabel('API token', { exact: true })).toBeFocused();
  await audit(docs, 'the API documentation asking for its token');
  await docs.getByLabel('API token', { exact: true }).fill(TOKEN());
  await docs.getByRole('button', { name: 'Show the API documentation' }).click();
  await expect(docs.locator('.swagger-ui .title')).toContainText('Caseload API', { timeout: 20_000 });
  // styled as its users see it
  await expect(docs.locator('.opblock-summary-method').first()).toHaveCSS('color', 'rgb(255, 255, 255)');
  await audit(docs, 'the API documentation');
  // an operation opened: its parameters, responses and schemas
  await docs.locator('.opblock-summary-control').first().click();
  await expect(docs.locator('.opblock-body').first()).toBeVisible();
  await audit(docs, 'an operation of the API documentation opened');
  await context.close();
});

// ---- the keyboard alone -------------------------------------------------------------------

/** The element focused now, in words, with how its focus is shown. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  const section = e.closest('section[id]:not(#by-team)')?.id ?? (e.closest('header') ? 'header' : 'other');
  return { key: e.id || `${e.tagName.toLowerCase()}:${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 40)}`,
    section, visible: e.matches(':focus-visible'),
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), shadow: style.boxShadow,
    // the outline's contrast with white, the page's sections (WCAG 1.4.11: 3:1)
    contrast: (() => {
      const [r, g, b] = style.outlineColor.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
    })() };
});

/** What Tab should reach, in the document's order: every enabled, shown control (one radio a group). */
const tabbable = (page) => page.evaluate(() => [...document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]')]
  .filter((e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ visibilityProperty: true })
    && !e.closest('[inert], dialog:not([open])')
    && !(e.type === 'radio' && !e.checked && document.querySelector(`input[name="${e.name}"]:checked`)))
  .map((e) => e.id || `${e.tagName.toLowerCase()}:${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 40)}`));

/** Presses Tab until the element of id `id` has the focus (at most `limit` presses). */
async function tabTo(page, id, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.key === id) return;
  }
  throw new Error(`Tab did not reach #${id} in ${limit} presses`);
}

test('the keyboard alone: the token, a lever, a refused field, a run announced, then every control in order, its focus shown, no trap', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const kb = await context.newPage();
  kb.on('pageerror', (e) => { throw e; });
  await kb.goto(URL_() + '/');
  // the token asked for with the focus in its field; Enter gives it
  await expect(kb.locator('#token-input')).toBeFocused();
  await kb.keyboard.type(TOKEN());
  await kb.keyboard.press('Enter');
  await expect(kb.locator('#assumptions')).toContainText('Baseline: medway-2019');

  // a lever added: the focus goes to its first field
  await tabTo(kb, 'add-lever');
  await kb.keyboard.press('Enter');
  await expect(kb.locator('#lever-0-fte, #levers fieldset input').first()).toBeFocused();

  // a field refused: the focus goes back to it, its problem beside it and announced (role=alert)
  await kb.locator('body').focus();
  await tabTo(kb, 'replications');
  await kb.keyboard.press('ControlOrMeta+A');
  await kb.keyboard.type('many');
  await tabTo(kb, 'run-baseline');
  await kb.keyboard.press('Enter');
  await expect(kb.locator('#replications')).toBeFocused();
  await expect(kb.locator('#replications')).toHaveAttribute('aria-invalid', 'true');
  const slot = kb.locator('.error[data-field=replications]');
  await expect(slot).not.toBeEmpty();
  await expect(slot).toHaveAttribute('role', 'alert');
  await expect(kb.locator('#replications')).toHaveAccessibleDescription(await slot.textContent());

  // a run started with Enter: its start and end said in a live region of their own (its
  // progress shown, not said at every tick: zoom-spacing.spec.js), then the results' heading focused
  await kb.keyboard.press('ControlOrMeta+A');
  await kb.keyboard.type('50');
  await tabTo(kb, 'months');
  await kb.keyboard.press('ControlOrMeta+A');
  await kb.keyboard.type('6');
  await tabTo(kb, 'run-baseline');
  await kb.keyboard.press('Enter');
  await expect(kb.locator('#cancel')).toBeFocused();
  await expect(kb.locator('#run-announce')).toHaveAttribute('role', 'status');
  await expect(kb.locator('#progress-text')).toContainText('Done in', { timeout: 60_000 });
  await expect(kb.locator('#run-announce')).toContainText('Results ready below');
  await expect(kb.locator('#results-title')).toBeFocused();
  const heading = await focused(kb);
  expect(heading.visible && heading.outline >= 2 && heading.contrast >= 3, `the results heading's focus is shown: ${JSON.stringify(heading)}`).toBe(true);

  // Every control from the top of the page: reached by Tab in the document's order (section by
  // section, as read), each with its focus drawn, and Tab goes on past the last to the first
  // again (no trap).
  const expected = await tabbable(kb);
  expect(expected.length).toBeGreaterThan(40);
  const cycle = [];
  for (let i = 0; i < expected.length + 5; i++) {
    await kb.keyboard.press('Tab');
    const now = await focused(kb);
    if (now === null) continue; // past the last control, out of the page
    if (cycle.length && now.key === cycle[0].key) break;
    cycle.push(now);
  }
  // the round from the page's first control (Tab went on from the heading focused last)
  const first = cycle.findIndex((f) => f.key === expected[0]);
  const seen = [...cycle.slice(first), ...cycle.slice(0, first)];
  expect(seen.map((f) => f.key)).toEqual(expected);
  const order = ['header', 'start', 'settings', 'saved', 'decide', 'results'];
  const sections = seen.map((f) => order.indexOf(f.section));
  expect(sections.every((s, i) => s >= 0 && (i === 0 || s >= sections[i - 1])), `sections in order: ${seen.map((f) => f.section)}`).toBe(true);
  const unseen = seen.filter((f) => !f.visible || f.outline < 2 || f.contrast < 3);
  expect(unseen, 'every control\'s focus drawn: an outline of 2 px or more, 3:1 on white').toEqual([]);
  // and Shift+Tab goes back a control
  const at = expected.indexOf(cycle[0].key);
  await kb.keyboard.press('Shift+Tab');
  expect((await focused(kb))?.key).toBe(expected[(at - 1 + expected.length) % expected.length]);
  await context.close();
});
