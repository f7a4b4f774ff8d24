// For the display's tests only: what a visitor would see cut, overlapping or off screen.
import type { Page } from 'playwright-core';

/**
 * Every problem on the board as a line of text; an empty list means nothing is cut. Checks
 * that no element holding text is wider than its box (or taller, where it hides overflow),
 * that no two call boxes overlap, that no text lies outside the viewport, that no word breaks
 * inside itself, and that nothing fixed or absolute covers a text. The running
 * text scrolls past the edges on purpose and is left out.
 */
export function whatIsCut(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // Let resize observers run (they fit texts again after a layout change) before measuring.
    // A page in the background has no frames: a timer stands in.
    for (let i = 0; i < 3; i++)
      await new Promise((done) => {
        requestAnimationFrame(done);
        setTimeout(done, 150);
      });
    const problems: string[] = [];
    const skip = (el: Element) => el.closest('.ticker') !== null;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const hasText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    const all = [...document.querySelectorAll('.board *')].filter((el) => !skip(el));

    for (const el of all) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const blockish = style.display !== 'inline';
      if ((hasText(el) && blockish) || hides) {
        if (el.scrollWidth > el.clientWidth + 1)
          problems.push(`cut sideways (${el.scrollWidth} > ${el.clientWidth}): ${name(el)}`);
        if (hides && el.scrollHeight > el.clientHeight + 2)
          problems.push(`cut below (${el.scrollHeight} > ${el.clientHeight}): ${name(el)}`);
      }
      if (hasText(el)) {
        const box = el.getBoundingClientRect();
        if (
          box.left < -1 ||
          box.top < -1 ||
          box.right > innerWidth + 1 ||
          box.bottom > innerHeight + 1
        )
          problems.push(`off screen: ${name(el)}`);
      }
    }

    const boxes = [
      ...document.querySelectorAll('.latest, .recent-item, .zone-row, .agency-counters li'),
    ].map((el) => ({ el, box: el.getBoundingClientRect() }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlapX = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const overlapY = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`overlap: ${name(a.el)} and ${name(b.el)}`);
      }
    // A word broken inside itself ("Pembanguna/n") has boxes on two lines.
    for (const el of all.filter(hasText)) {
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        for (const word of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) problems.push(`word split: "${word[0]}" in ${name(el)}`);
        }
      }
    }

    // Anything fixed or absolute on top of the board must not cover a text.
    const overlays = [...document.querySelectorAll('body *')].filter((el) =>
      ['fixed', 'absolute'].includes(getComputedStyle(el).position),
    );
    for (const overlay of overlays) {
      const cover = overlay.getBoundingClientRect();
      for (const el of all.filter(hasText)) {
        if (overlay.contains(el) || el.contains(overlay)) continue;
        const box = el.getBoundingClientRect();
        const overlapX = Math.min(cover.right, box.right) - Math.max(cover.left, box.left);
        const overlapY = Math.min(cover.bottom, box.bottom) - Math.max(cover.top, box.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`covered: ${name(el)} by ${name(overlay)}`);
      }
    }
    if (document.documentElement.scrollHeight > innerHeight + 1) problems.push('page scrolls');
    return problems;
  });
}
