import { describe, expect, it } from 'vitest';
import { contrast, over, stacks, leastContrast } from './contrast.js';
import { COLOURS, BAND_OPACITY, REFERENCE } from '../src/charts.js';

// WCAG 2.2 SC 1.4.11 (non-text contrast): what is needed to read a chart has 3:1 against
// what is next to it. A fan's lines (medians, band edges) and points lie on white or on any
// of the bands, a comparison's plan over its baseline; the bands' fills are light, their
// edges drawn.
const bands = (...names) => names.flatMap((name) => [
  { colour: COLOURS[name], opacity: BAND_OPACITY.outer },
  { colour: COLOURS[name], opacity: BAND_OPACITY.inner },
]);
// a comparison: the plan's bands over the baseline's; `other` (a series neither) with either
const PAIRS = [['baseline', 'plan'], ['baseline', 'other'], ['plan', 'other']];
const BANDS = bands('baseline', 'plan');

describe('contrast (WCAG 2.2 relative luminance)', () => {
  it('computes the ratios WCAG gives', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', 'white')).toBeCloseTo(4.54, 2);
    expect(over('#000000', 0.5, '#ffffff')).toEqual([127.5, 127.5, 127.5]);
    expect(stacks([{ colour: '#000', opacity: 1 }])).toEqual([[255, 255, 255], [0, 0, 0]]);
  });

  it('finds the colours the charts had failing (Okabe-Ito, bands at 0.15 and 0.3, as drawn before)', () => {
    const fan = (c) => stacks([{ colour: c, opacity: 0.15 }, { colour: c, opacity: 0.3 }]);
    expect(contrast(fan('#0072B2')[1], 'white')).toBeLessThan(1.3); // the light 90% band against white
    expect(leastContrast('#0072B2', fan('#0072B2'))).toBeLessThan(3); // the baseline's median on its dark band
    expect(leastContrast('#D55E00', fan('#D55E00'))).toBeLessThan(3); // the plan's
    expect(contrast(over('#0072B2', 0.6, 'white'), 'white')).toBeLessThan(3); // the frontier's plans
    expect(contrast(over('#0072B2', 0.7, 'white'), 'white')).toBeLessThan(3.1); // the tornado's bars, a narrow pass
  });
});

describe('the charts\' colours (charts.js) have 3:1 where they are drawn', () => {
  it('each series\' colour, its lines, band edges and points, against white and every stack of bands', () => {
    for (const pair of PAIRS) {
      for (const name of pair) {
        expect(contrast(COLOURS[name], 'white'), name).toBeGreaterThanOrEqual(4.5);
        expect(leastContrast(COLOURS[name], stacks(bands(...pair))), `${name} over ${pair}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('the published figures (black) and the reference rules (month 0, the goal\'s probability)', () => {
    for (const colour of [COLOURS.actual, REFERENCE]) {
      expect(leastContrast(colour, stacks(BANDS)), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('the bands\' fills are light and each is edged: no fill is meant to carry 3:1 itself', () => {
    expect(BAND_OPACITY.outer).toBeLessThan(BAND_OPACITY.inner);
    expect(BAND_OPACITY.inner).toBeLessThanOrEqual(0.2);
  });

  it('Decide: the frontier\'s points and ring, the tornado\'s bars and the black rule across them', () => {
    expect(contrast(COLOURS.baseline, 'white')).toBeGreaterThanOrEqual(3);
    expect(contrast(COLOURS.plan, 'white')).toBeGreaterThanOrEqual(3);
    expect(contrast(COLOURS.actual, COLOURS.baseline)).toBeGreaterThanOrEqual(3);
    expect(contrast(REFERENCE, 'white')).toBeGreaterThanOrEqual(3);
  });
});
