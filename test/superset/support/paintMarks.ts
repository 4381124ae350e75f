/**
 * Page-side paint timestamps for the side-by-side measurement (sideBySide.test.ts). An init script installs a
 * MutationObserver before any of Superset's code runs; after each DOM mutation it checks whether the expected
 * content of each watched chart is visible and, the first time it is, records performance.now() (ms since the
 * navigation start, the page's time origin) as `seen`, then the next frame's post-paint task as `painted`
 * (requestAnimationFrame runs before the paint, the setTimeout(0) queued there runs after it).
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
 * Watchers (key → condition):
 *  - `ours`: the plugin's frame `.customer-profile-360` shows 'Acme Corporation' in a heading and '$250,000'.
 *  - `table`: a table body row (outside our frame and outside explore's data pane) holding 'Acme Corporation'.
 */
export async function installPaintMarks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Mark = { seen: number; painted?: number };
    const w = window as unknown as { __sbsMarks: Record<string, Mark> };
    w.__sbsMarks = {};
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const checks: Record<string, () => boolean> = {
      ours: () => {
        const frames = document.querySelectorAll('.customer-profile-360');
        for (const frame of Array.from(frames)) {
          // cheap text checks first: layout (getBoundingClientRect) only once the content is there
          if (!(frame.textContent || '').includes('$250,000') || !visible(frame)) continue;
          const heading = Array.from(frame.querySelectorAll('h1,h2,h3,h4,[role="heading"]')).some(
            h => (h.textContent || '').includes('Acme Corporation') && visible(h),
          );
          if (heading) return true;
        }
        return false;
      },
      table: () => {
        const cells = document.querySelectorAll('tbody tr td');
        for (const cell of Array.from(cells)) {
          if (cell.closest('.customer-profile-360') || cell.closest('[data-test="data-tab"]')) continue;
          if (cell.closest('.data-tab') || cell.closest('.ant-modal')) continue;
          if ((cell.textContent || '').trim() === 'Acme Corporation' && visible(cell)) return true;
        }
        return false;
      },
    };
    const check = () => {
      for (const [key, test] of Object.entries(checks)) {
        if (w.__sbsMarks[key]) continue;
        let ok = false;
        try {
          ok = test();
        } catch {
          ok = false;
        }
        if (!ok) continue;
        const mark: Mark = { seen: performance.now() };
        w.__sbsMarks[key] = mark;
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
  });
}

/** Message of the error waitForPaint throws when explore shows Superset's "Empty query?" instead of the chart. */
export const EMPTY_QUERY = 'Empty query?';

/**
 * Waits until every key has a `painted` time and returns the marks. Fails fast when the page shows Superset's
 * "Empty query?" error (the chart's query was built without the plugin's buildQuery; see sideBySide.test.ts).
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
