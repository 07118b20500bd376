// What zoom-spacing.spec.js measures in the page, each a function for page.evaluate (so each
// is whole in itself: it runs in the browser, not here), returning what fails in words.
// Within an open modal dialog only (what is behind it is inert and covered, as it should be).

/**
 * WCAG 1.4.4 (resize text), 1.4.10 (reflow) and 1.4.12 (text spacing): nothing cut off,
 * overlapping or lost. Fails: the page scrolling sideways; a box that hides what overflows it
 * (overflow hidden or clip) with more in it than it shows; a button, label, summary or legend
 * whose text outgrows it; text, where it is not in a box that scrolls, beyond the window's
 * left or right edge; and any two pieces of text, or text and a control, or two controls,
 * over one another (a text's part scrolled out of its own box's view is left out). Visually
 * hidden text (.sr) and the charts' drawings are not text of the page for this.
 */
export function layoutProblems() {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide in a window of ${page.clientWidth}`);
  const scope = document.querySelector('dialog[open]') ?? document.body;
  const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const named = (e) => {
    if (e.id) return `#${e.id}`;
    const where = e.closest('[id]');
    const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`
      + `${text ? ` "${text}"` : ''}${where ? ` in #${where.id}` : ''}`;
  };
  const hides = (v) => v === 'hidden' || v === 'clip';
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const skip = (e) => e.closest('svg, .sr, script, style, option, datalist, template');

  for (const e of scope.querySelectorAll('*')) {
    if (skip(e) || !shown(e)) continue;
    const cs = getComputedStyle(e);
    if (cs.display === 'inline' || cs.display === 'contents' || e.matches('input, textarea, select')) continue;
    const wide = e.scrollWidth > e.clientWidth + 1;
    const tall = e.scrollHeight > e.clientHeight + 1;
    if ((hides(cs.overflowX) && wide) || (hides(cs.overflowY) && tall)) {
      problems.push(`${named(e)} cuts off what it holds: ${e.scrollWidth}x${e.scrollHeight} px in ${e.clientWidth}x${e.clientHeight}`);
    } else if (e.matches('button, label, summary, legend') && !scrolls(cs.overflowX) && (wide || tall)) {
      problems.push(`${named(e)} is outgrown by its text: ${e.scrollWidth}x${e.scrollHeight} px in ${e.clientWidth}x${e.clientHeight}`);
    }
  }

  // each piece of text as shown: its line boxes, less what boxes that scroll keep out of view
  const pieces = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || skip(el) || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      let r = { left: line.left, right: line.right, top: line.top, bottom: line.bottom };
      let scroller = false;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        const inner = { left: box.left + a.clientLeft, top: box.top + a.clientTop };
        inner.right = inner.left + a.clientWidth;
        inner.bottom = inner.top + a.clientHeight;
        const cut = { left: Math.max(r.left, inner.left), right: Math.min(r.right, inner.right),
          top: Math.max(r.top, inner.top), bottom: Math.min(r.bottom, inner.bottom) };
        if (scrolls(cs.overflowX) || scrolls(cs.overflowY)) scroller = true;
        else if (cut.right - cut.left < r.right - r.left - 1 || cut.bottom - cut.top < r.bottom - r.top - 1) {
          if (!a.closest('.sr')) problems.push(`text "${node.textContent.trim().slice(0, 40)}" cut off by ${named(a)}`);
        }
        r = cut;
      }
      if (r.right - r.left < 1 || r.bottom - r.top < 1) continue; // scrolled out of its box's view
      if (!scroller && (r.left < -0.5 || r.right > window.innerWidth + 0.5)) {
        problems.push(`text "${node.textContent.trim().slice(0, 40)}" of ${named(el)} beyond the window: ${Math.round(r.left)} to ${Math.round(r.right)} px of ${window.innerWidth}`);
      }
      pieces.push({ el, r, what: `"${node.textContent.trim().slice(0, 30)}" (${named(el)})` });
    }
  }
  for (const el of scope.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, a[href]')) {
    if (skip(el) || !shown(el)) continue;
    const b = el.getBoundingClientRect();
    pieces.push({ el, r: { left: b.left, right: b.right, top: b.top, bottom: b.bottom }, what: named(el) });
  }
  pieces.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i];
    for (let j = i + 1; j < pieces.length && pieces[j].r.top < a.r.bottom; j++) {
      const b = pieces[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && h > 1) problems.push(`${a.what} and ${b.what} overlap by ${Math.round(w)}x${Math.round(h)} px`);
    }
  }

  // a chart's words: inside its drawing (which hides what overflows it), none over another
  // (a line's box takes in room above and below its letters: 4 px of that may meet)
  for (const svg of scope.querySelectorAll('svg')) {
    if (!shown(svg) || svg.closest('.sr')) continue;
    const frame = svg.getBoundingClientRect();
    const label = svg.getAttribute('aria-label') ?? named(svg);
    const words = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
      .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() })).filter((t) => t.r.width > 0);
    for (const { text, r } of words) {
      if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) {
        problems.push(`${label}: "${text.slice(0, 40)}" cut off by the chart's edge (${Math.round(r.left - frame.left)} to ${Math.round(r.right - frame.left)} px of ${Math.round(frame.width)})`);
      }
    }
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i].r;
        const b = words[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 4) problems.push(`${label}: "${words[i].text.slice(0, 30)}" and "${words[j].text.slice(0, 30)}" overlap by ${Math.round(w)}x${Math.round(h)} px`);
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * WCAG 2.5.8 (target size, minimum): every shown link, button, field, list and disclosure
 * is 24 by 24 CSS px at least, itself or a label of its own (clicking a label is clicking its
 * field), or else a circle of 24 px across on its centre touches no other target and no such
 * circle of another small one (the spacing exception). A link within a line of text is
 * excepted (inline). Returns what fails, with sizes.
 */
export function smallTargets() {
  const scope = document.querySelector('dialog[open]') ?? document.body;
  const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const named = (e) => e.id ? `#${e.id}` : `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 40)}"`;
  const inline = (e) => e.tagName === 'A' && getComputedStyle(e).display === 'inline'
    && [...e.parentElement.childNodes].some((n) => n !== e && n.textContent.trim());
  const targets = [...scope.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
    .filter((e) => shown(e) && !e.closest('.sr') && !inline(e))
    .map((e) => {
      const rects = [e, ...(e.labels ?? [])].filter(shown).map((x) => x.getBoundingClientRect());
      const own = rects[0];
      const big = rects.some((r) => r.width >= 23.99 && r.height >= 23.99);
      return { e, rects, own, big, x: own.left + own.width / 2, y: own.top + own.height / 2 };
    });
  const distance = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const failures = [];
  for (const t of targets) {
    if (t.big) continue;
    const near = targets.filter((o) => o !== t && (o.rects.some((r) => distance(t.x, t.y, r) < 12 - 0.01)
      || (!o.big && Math.hypot(o.x - t.x, o.y - t.y) < 24 - 0.01)));
    if (near.length) {
      failures.push(`${named(t.e)} is ${t.own.width.toFixed(1)}x${t.own.height.toFixed(1)} px with ${near.map((o) => named(o.e)).join(', ')} within its 24 px circle`);
    }
  }
  return failures;
}

/**
 * WCAG 2.4.11 (focus not obscured): the element with the focus, after the browser has
 * scrolled it into view, is in the window and not covered: of the points looked at (the centre
 * of each of its boxes, an inline link's lines each, and for one box four points a quarter in
 * from its corners), those in the window are at least one, and what lies on top there is the
 * element or what it holds at one of them at least, and at its centre where it fits in the
 * window whole. Null, or what hides it.
 */
export function focusObscured() {
  const e = document.activeElement;
  if (!e || e === document.body) return 'nothing has the focus';
  const name = e.id ? `#${e.id}` : `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 40)}"`;
  const boxes = [...e.getClientRects()].filter((b) => b.width > 0 && b.height > 0);
  const whole = e.getBoundingClientRect();
  const centre = (b) => [b.left + b.width / 2, b.top + b.height / 2];
  const points = [...boxes.map(centre), ...(boxes.length === 1 ? [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]
    .map(([fx, fy]) => [whole.left + whole.width * fx, whole.top + whole.height * fy]) : [])]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight);
  if (!points.length) {
    return `${name} is out of the window: ${Math.round(whole.left)},${Math.round(whole.top)} to ${Math.round(whole.right)},${Math.round(whole.bottom)}`;
  }
  const over = (x, y) => {
    const top = document.elementFromPoint(x, y);
    return top && (top === e || e.contains(top)) ? null : top;
  };
  const covers = points.map(([x, y]) => over(x, y));
  const fits = whole.top >= 0 && whole.left >= 0 && whole.bottom <= window.innerHeight && whole.right <= window.innerWidth;
  if (covers.every(Boolean) || (fits && boxes.length === 1 && covers[0])) {
    const by = covers.find(Boolean);
    return `${name} is covered by ${by.id ? `#${by.id}` : `${by.tagName.toLowerCase()}.${by.className}`}`;
  }
  return null;
}

/**
 * Each shown element of the body that holds text of its own, with its font size in px, in
 * the body's order (for textNotResized: the same list before and after the text is resized).
 * The charts' drawings are left out: they are drawn to their box, and zoom enlarges them.
 */
export function textSizes() {
  return [...document.body.querySelectorAll('*')].map((e, i) => {
    if (e.closest('svg, .sr') || !e.checkVisibility({ visibilityProperty: true })) return null;
    const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const field = e.matches('input:not([type=checkbox], [type=radio], [type=hidden]), select, textarea, button');
    if (!own && !field) return null;
    return { i, what: e.id ? `#${e.id}` : `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}"`,
      size: parseFloat(getComputedStyle(e).fontSize) };
  }).filter(Boolean);
}

/**
 * WCAG 1.3.1 and 2.4.6 as a screen reader's lists of headings and landmarks show them (within
 * an open modal dialog, what is behind it being inert): one h1, its levels never skipping one
 * on the way down, the numbered sections' headings in their order, every section's (h2)
 * numbered where any is; a banner, a main and a navigation landmark, each section and
 * role="region" named (aria-labelledby naming an element with text, or aria-label), two
 * landmarks of one kind never of one name; and every shown piece of text inside a landmark (or
 * the dialog). Returns what fails, in words.
 */
export function structureProblems() {
  const problems = [];
  const modal = document.querySelector('dialog[open]');
  const scope = modal ?? document.body;
  const shown = (e) => e.checkVisibility({ visibilityProperty: true });
  const headings = [...scope.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].filter(shown)
    .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: h.textContent.trim().replace(/\s+/g, ' ') }));
  if (!modal) {
    const ones = headings.filter((h) => h.level === 1);
    if (ones.length !== 1) problems.push(`${ones.length} h1 headings: ${ones.map((h) => h.text).join(' | ')}`);
    if (headings[0]?.level !== 1) problems.push(`the first heading is not the h1: ${headings[0]?.text}`);
  } else if (!headings.length) problems.push('the dialog has no heading');
  headings.forEach((h, i) => {
    const before = i ? headings[i - 1].level : (modal ? h.level : 1);
    if (h.level > before + 1) problems.push(`"${h.text}" (h${h.level}) follows an h${before}: a level skipped`);
  });
  const numbers = headings.map((h) => /^(\d+)\. /.exec(h.text)?.[1]).filter(Boolean).map(Number);
  if (numbers.some((n, i) => n !== i + 1)) problems.push(`the numbered headings out of order: ${numbers.join(', ')}`);
  // the sections are numbered or none is: a section left out of the numbering ("1, 2, 3,
  // Decide, 4") reads as an aside, not a step, in a list of headings
  const sections = headings.filter((h) => h.level === 2);
  const unnumbered = sections.filter((h) => !/^\d+\. /.test(h.text));
  if (!modal && unnumbered.length && unnumbered.length < sections.length) {
    problems.push(`sections' headings left out of the numbering: ${unnumbered.map((h) => h.text).join(' | ')}`);
  }
  if (!headings.every((h) => h.text)) problems.push('an empty heading');

  const nameOf = (e) => {
    const ids = e.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim();
    return (e.getAttribute('aria-label') ?? '').trim();
  };
  const roleOf = (e) => e.getAttribute('role') ?? ({ HEADER: 'banner', MAIN: 'main', NAV: 'navigation', FOOTER: 'contentinfo',
    ASIDE: 'complementary', SECTION: 'region', FORM: 'form' })[e.tagName];
  const landmarks = [...scope.querySelectorAll('header, main, nav, footer, aside, section, form, [role]')]
    .filter((e) => shown(e) && ['banner', 'main', 'navigation', 'contentinfo', 'complementary', 'region', 'search', 'form'].includes(roleOf(e)))
    .filter((e) => !(e.matches('header, footer') && e.parentElement.closest('main, section, article, aside, nav')))
    .filter((e) => !(e.matches('form') && !nameOf(e)))
    .map((e) => ({ e, role: roleOf(e), name: nameOf(e) }));
  if (!modal) {
    for (const role of ['banner', 'main', 'navigation']) {
      if (!landmarks.some((l) => l.role === role)) problems.push(`no ${role} landmark`);
    }
  }
  for (const l of landmarks) {
    if (l.role === 'region' && !l.name) problems.push(`${l.e.tagName.toLowerCase()}#${l.e.id} is a region without a name`);
    const same = landmarks.filter((o) => o.role === l.role && o.name === l.name);
    if (same.length > 1 && same[0] === l) problems.push(`${same.length} ${l.role} landmarks named "${l.name}"`);
  }
  if (!modal) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || el.closest('script, style, template, dialog') || !shown(el)) continue;
      if (!landmarks.some((l) => l.e.contains(el))) problems.push(`"${n.textContent.trim().slice(0, 40)}" is outside every landmark`);
    }
  }
  return problems;
}
