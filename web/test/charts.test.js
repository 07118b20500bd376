import { describe, it, expect } from 'vitest';
import { labelWidth, wrapWords, FAN_MARGIN_LEFT } from '../src/charts.js';

describe('labelWidth', () => {
  it('holds the longest line with WCAG 1.4.12 spacing: more than the 200 px margin that had cut off a tornado input', () => {
    // measured in Chromium at 11 px with the spacing: 221 px
    expect(labelWidth(['Referral level', 'Referrals with no further action'])).toBeGreaterThanOrEqual(221);
    expect(labelWidth(['Referral level', 'Referrals with no further action'])).toBeLessThan(250);
  });

  it('takes the longest line of a label on several', () => {
    expect(labelWidth(['Posts\n(a team)'])).toBe(labelWidth(['(a team)']));
    expect(labelWidth([])).toBe(0);
  });

  it('finds room for a fan chart\'s longest tick label and its tick in FAN_MARGIN_LEFT', () => {
    // "£13.5m" spaced had been drawn 3 px past a 56 px margin
    expect(labelWidth(['£13.5m', '12,345']) + 9).toBeLessThanOrEqual(FAN_MARGIN_LEFT);
    expect(FAN_MARGIN_LEFT).toBeGreaterThan(56 + 3);
  });
});

describe('wrapWords', () => {
  it('breaks between words, lines of at most the length given', () => {
    const label = 'Mean cost over 12 months (£m), first 256 replications, the yardstick shared by every plan';
    const lines = wrapWords(label, 60).split('\n');
    expect(lines).toEqual(['Mean cost over 12 months (£m), first 256 replications, the', ' yardstick shared by every plan']);
    // one text again, as a screen reader reads it: the words apart
    expect(lines.join('')).toBe(label);
  });

  it('leaves a short text whole, and a word longer than a line on its own', () => {
    expect(wrapWords('Referral level', 32)).toBe('Referral level');
    expect(wrapWords('Posts (children-in-need-and-protection-east team)', 32))
      .toBe('Posts\n (children-in-need-and-protection-east\n team)');
  });
});

describe('a chart file\'s words wrapped to its width', async () => {
  const { fitLines } = await import('../src/charts.js');
  const measure = (t) => 5 * t.length; // 5 px a character
  it('breaks between words, each line within the width', () => {
    const provenance = 'Norfolk 2022 (calibrated), baseline and plan; 200 replications, seed 1; run 2c4373bd of 2026-12-01';
    const lines = fitLines(provenance, 374, measure);
    expect(lines.join(' ')).toBe(provenance);
    expect(lines.length).toBe(2);
    expect(lines.every((l) => measure(l) <= 374)).toBe(true);
  });
  it('keeps a short line whole, and gives a word wider than the width a line of its own', () => {
    expect(fitLines('Line: median of the replications.', 374, measure)).toEqual(['Line: median of the replications.']);
    expect(fitLines('a ' + 'x'.repeat(100) + ' b', 100, measure)).toEqual(['a', 'x'.repeat(100), 'b']);
  });
});

describe('fanValues', async () => {
  const { fanValues } = await import('../src/charts.js');

  it('scales each percentile, and leaves a gap (NaN), not 0, where no replication had a value', () => {
    const hw = { mean: 0.1, p5: 0.2, p10: 0.2, p25: 0.2, p50: 0.1, p75: 0.2, p90: 0.2, p95: 0.3 };
    const row = fanValues({ n: 400, p5: 0.1, p25: 0.2, p50: 0.25, p75: 0.3, p95: 0.5, halfWidth95: hw }, 100);
    expect(row.p50).toBeCloseTo(25, 12);
    expect(row.halfWidth.p95).toBeCloseTo(30, 12);
    // a caseload with nobody holding cases in any replication: n 0, its statistics null
    const none = fanValues({ n: 0, p5: null, p25: null, p50: null, p75: null, p95: null,
      halfWidth95: { mean: null, p5: null, p10: null, p25: null, p50: null, p75: null, p90: null, p95: null } });
    expect(Object.values(none).every(Number.isNaN)).toBe(true);
  });
});
