/**
 * Page-side paint timestamps for the side-by-side measurement (sideBySide.test.ts). An init script installs a
 * MutationObserver before any of Superset's code runs; after each DOM mutation it checks whether the expected
 * content of each watched chart is visible and, the first time it is, records performance.now() (ms since the
 * navigation start, the page's time origin) as `seen`, then the next frame's post-paint task as `painted`
 * (requestAnimationFrame runs before the paint, the setTimeout(0) queued there runs after it).
 * Timing in the page, not in Node: a round trip to the test process would add its own delay to every mark.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface PaintMark {
  /** performance.now() when the content was first found visible in the DOM. */
  seen: number;
  /** performance.now() in the first task after the next frame (content painted). */
  painted?: number;
}

export type PaintMarks = Record<string, PaintMark>;

/**
 * One watched chart: it counts as visible when an element matching `within` contains every text of `frameTexts`
 * and, inside it, one visible element matching `content` contains every text of `texts`.
 */
export interface Watch {
  key: string;
  /** The chart's container, e.g. `[data-test-chart-id="12"]` on a dashboard, `.customer-profile-360` for ours. */
  within: string;
  /** The element that shows the value, e.g. `.header-line` of a Big Number, `tbody td` of a Table. */
  content: string;
  texts: string[];
  frameTexts?: string[];
}

/**
 * Installs the watchers in every page of the context. Watchers of charts a page does not have never fire, so one
 * set serves pages of either side; waitForPaint waits only for the keys it is given.
 */
export async function installPaintMarks(context: BrowserContext, watches: Watch[]): Promise<void> {
  await context.addInitScript((list: Watch[]) => {
    type Mark = { seen: number; painted?: number };
    const w = window as unknown as { __sbsMarks: Record<string, Mark> };
    w.__sbsMarks = {};
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const has = (el: Element, texts: string[]) => {
      const text = el.textContent || '';
      return texts.every(t => text.includes(t));
    };
    const found = (watch: Watch) => {
      for (const frame of Array.from(document.querySelectorAll(watch.within))) {
        // cheap text checks first: layout (getBoundingClientRect) only once the content is there
        if (!has(frame, watch.frameTexts || []) || !has(frame, watch.texts)) continue;
        for (const el of Array.from(frame.querySelectorAll(watch.content))) {
          if (has(el, watch.texts) && visible(el)) return true;
        }
      }
      return false;
    };
    const check = () => {
      for (const watch of list) {
        if (w.__sbsMarks[watch.key]) continue;
        let ok = false;
        try {
          ok = found(watch);
        } catch {
          ok = false;
        }
        if (!ok) continue;
        const mark: Mark = { seen: performance.now() };
        w.__sbsMarks[watch.key] = mark;
        requestAnimationFrame(() =>
          setTimeout(() => {
            mark.painted = performance.now();
          }, 0),
        );
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'],
    });
  }, watches);
}

/** Message of the error waitForPaint throws when the page shows Superset's "Empty query?" instead of a chart. */
export const EMPTY_QUERY = 'Empty query?';

/**
 * Waits until every key has a `painted` time and returns the marks. Fails fast when the page shows Superset's
 * "Empty query?" error (a chart's query was built without its plugin's buildQuery).
 */
export async function waitForPaint(page: Page, keys: string[], timeout = 45000): Promise<PaintMarks> {
  await page.waitForFunction(
    ([wanted, emptyQuery]) => {
      const marks = (window as unknown as { __sbsMarks?: Record<string, { painted?: number }> }).__sbsMarks;
      if (marks && (wanted as string[]).every(k => marks[k]?.painted !== undefined)) return true;
      return !!document.body && (document.body.textContent || '').includes(emptyQuery as string);
    },
    [keys, EMPTY_QUERY] as const,
    { timeout, polling: 100 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __sbsMarks: PaintMarks }).__sbsMarks);
  const missing = keys.filter(k => marks[k]?.painted === undefined);
  if (missing.length) throw new Error(`${missing.join(', ')} not painted: the page shows "${EMPTY_QUERY}"`);
  return marks;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
