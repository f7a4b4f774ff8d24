import type { Page } from 'playwright-core';

/**
 * What a visitor would see as broken, measured in the page: text wider than its box, text
 * cut off by a box that hides overflow, two pieces of text over each other, and a button
 * over text that is not its own. With `floating: false` the floating page buttons are left
 * out of the last check (mid-scroll they float over the list by design).
 */
export function layoutProblems(page: Page, options: { floating: boolean }): Promise<string[]> {
  return page.evaluate(({ floating }) => {
    const problems: string[] = [];
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '')
        .trim()
        .slice(0, 40)}"`;
    const shown = (el: Element): boolean => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden';
    };
    const clipping = (el: Element): boolean => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    type Box = { left: number; top: number; right: number; bottom: number };
    const intersect = (a: Box, b: Box): Box | null => {
      const box = {
        left: Math.max(a.left, b.left),
        top: Math.max(a.top, b.top),
        right: Math.min(a.right, b.right),
        bottom: Math.min(a.bottom, b.bottom),
      };
      return box.right - box.left > 2 && box.bottom - box.top > 2 ? box : null;
    };
    // What of a box is on screen: cut by every scrolling or clipping box around it.
    const visiblePart = (box: Box, el: Element): Box | null => {
      let part: Box | null = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      part = intersect(box, part);
      for (let up = el.parentElement; up && part; up = up.parentElement) {
        if (clipping(up)) part = intersect(part, up.getBoundingClientRect());
      }
      return part;
    };

    const elements = [...document.querySelectorAll<HTMLElement>('body, #root, #root *')];
    for (const el of elements) {
      if (!shown(el) || el.clientWidth === 0 || el instanceof SVGElement) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`wider than its box (${el.scrollWidth} > ${el.clientWidth}): ${name(el)}`);
      const style = getComputedStyle(el);
      const cutsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if (cutsY && el.scrollHeight > el.clientHeight + 1)
        problems.push(`cut off (${el.scrollHeight} > ${el.clientHeight}): ${name(el)}`);
    }

    const texts: { box: Box; el: Element; node: Node }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !shown(el)) continue;
      if (!floating && el.closest('.page-buttons')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const box = visiblePart(rect, el);
        if (box) texts.push({ box, el, node });
      }
    }
    for (let i = 0; i < texts.length; i += 1) {
      for (let j = i + 1; j < texts.length; j += 1) {
        const a = texts[i]!;
        const b = texts[j]!;
        if (a.node !== b.node && intersect(a.box, b.box))
          problems.push(`text over text: ${name(a.el)} / ${name(b.el)}`);
      }
    }
    for (const button of document.querySelectorAll('#root button')) {
      if (!shown(button) || (!floating && button.closest('.page-buttons'))) continue;
      const box = visiblePart(button.getBoundingClientRect(), button);
      if (!box) continue;
      for (const text of texts) {
        if (!button.contains(text.el) && intersect(box, text.box))
          problems.push(`button over text: ${name(button)} / ${name(text.el)}`);
      }
    }
    return [...new Set(problems)];
  }, options);
}

/** Scrolls the kiosk's main area to its end and waits for the page buttons to settle. */
export async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const main = document.querySelector('.kiosk-main');
    main?.scrollTo({ top: main.scrollHeight, behavior: 'instant' });
  });
  await page.waitForTimeout(150);
}
