// WCAG 2.2's contrast ratio (relative luminance, sRGB), and colours drawn translucent over
// others: what test/contrast.test.js checks the charts' colours with, and e2e/accessibility.spec.js
// the colours a rendered chart actually has.

/** [r, g, b] 0-255 of '#rrggbb', '#rgb', 'rgb(r, g, b)' or 'white'/'black'. */
export function rgb(colour) {
  const c = colour.trim().toLowerCase();
  if (c === 'white') return [255, 255, 255];
  if (c === 'black') return [0, 0, 0];
  let m = c.match(/^#([0-9a-f]{6})$/);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = c.match(/^#([0-9a-f]{3})$/);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = c.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/);
  if (m) return [m[1], m[2], m[3]].map(Number);
  throw new Error(`not a colour: ${colour}`);
}

/** Relative luminance (WCAG 2.2, "relative luminance"). */
export function luminance(colour) {
  const [r, g, b] = (Array.isArray(colour) ? colour : rgb(colour)).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** A colour drawn at `opacity` over `under` (both colours), as [r, g, b]. */
export function over(colour, opacity, under) {
  const f = Array.isArray(colour) ? colour : rgb(colour);
  const u = Array.isArray(under) ? under : rgb(under);
  return f.map((v, i) => v * opacity + u[i] * (1 - opacity));
}

/**
 * Every background translucent layers can make over white: each subset of `layers`
 * ({colour, opacity}), drawn in order; white itself first.
 */
export function stacks(layers) {
  const out = [];
  for (let mask = 0; mask < 2 ** layers.length; mask++) {
    let c = [255, 255, 255];
    layers.forEach((l, i) => {
      if (mask & (1 << i)) c = over(l.colour, l.opacity, c);
    });
    out.push(c);
  }
  return out;
}

/** The least contrast of a colour with any of `backgrounds`. */
export function leastContrast(colour, backgrounds) {
  return Math.min(...backgrounds.map((b) => contrast(colour, b)));
}
