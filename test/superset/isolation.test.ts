/**
 * The chart looks the same in every host: no host stylesheet changes it, and it changes nothing of the host.
 *
 * Superset 4.1 and 5.0 load antd 4's stylesheet page-wide (rules on every `.ant-*` class, and element rules on
 * body, headings, links and buttons); Superset 6 styles its own antd 5 components with `.ant-*` rules and global
 * emotion styles. The chart's antd components carry their own prefix (`cp360-`) and its emotion styles their own key
 * (`cprofile`), so they can neither be matched by the host's rules nor match the host's elements. Proven three ways
 * on the dashboard, in every version:
 *  1. no rule of the host's antd components (`.ant-*`, `.antd5-*`) matches an element of the chart;
 *  2. no rule of the chart's own styles matches an element outside the chart;
 *  3. the computed style of every element of the chart (the tab bar, buttons, badges, everything) is the same with
 *     the host's stylesheets switched off: the host's element rules (headings, links, buttons) do not reach it either.
 */
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, recordObservation } from './support/api';
import { diagnose, launchBrowser, openSession, Session, waitForPlugin } from './support/browser';
import { SUPERSET_VERSION } from './support/host';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';

/**
 * In the page: is a stylesheet the chart's own? Its emotion styles by their key; its antd styles (CSS-in-JS, one
 * sheet per component) by their rules, which all name the chart's antd prefix or the hash class of the chart's antd
 * theme (found on the chart's own antd elements).
 */
const OWN_SHEET = `(() => {
  // A hash class on both the chart's and the host's antd elements (the same antd version with the same token gives
  // the same hash: seen in 6.0) tells nothing; only the chart's own hashes count.
  const hashesOf = prefix => {
    const found = new Set();
    document.querySelectorAll('[class]').forEach(el => {
      if (![...el.classList].some(c => c.startsWith(prefix))) return;
      el.classList.forEach(c => { if (/^css-/.test(c)) found.add(c); });
    });
    return found;
  };
  const host = hashesOf('ant-');
  const hashes = [...hashesOf('cp360-')].filter(h => !host.has(h));
  // A grouping rule (@media, @supports) is judged by the rules inside it; @keyframes and @font-face name no element.
  const ownRule = rule => rule.cssRules && !rule.selectorText
    ? [...rule.cssRules].every(ownRule)
    : !rule.selectorText || rule.selectorText.includes('cp360') || hashes.some(h => rule.selectorText.includes(h));
  return sheet => {
    const node = sheet.ownerNode;
    if (node && node.getAttribute && (node.getAttribute('data-emotion') || '').split(' ')[0] === 'cprofile') return true;
    try {
      const rules = [...sheet.cssRules];
      return rules.length > 0 && rules.every(ownRule);
    } catch (e) {
      return false;
    }
  };
})()`;

/** Splits a selector list at its top-level commas (not those inside :where(...), :not(...)). */
const SPLIT = `(list => {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) { parts.push(list.slice(start, i)); start = i + 1; }
  }
  parts.push(list.slice(start));
  return parts.map(p => p.trim()).filter(Boolean);
})`;

interface Leak {
  selector: string;
  element: string;
  sheet?: string;
}

/**
 * Rules (also inside @media/@supports) of one side's stylesheets that match an element of the other side:
 *  - 'host-on-chart': rules of the host's antd components (`.ant-*`; `.antd5-*` in Superset 5.0) on the chart's
 *    elements (the host's other rules, and its page-wide ones that match the chart's frame as well, are judged by
 *    their effect, in the computed-style test);
 *  - 'chart-on-host': any rule of the chart's own sheets on an element outside the chart.
 */
function leaks(page: Page, direction: 'host-on-chart' | 'chart-on-host'): Promise<Leak[]> {
  return page.evaluate(
    ({ frame, ownSheet, split, direction }) => {
      // eslint-disable-next-line no-new-func
      const own = new Function(`return ${ownSheet}`)() as (s: CSSStyleSheet) => boolean;
      // eslint-disable-next-line no-new-func
      const selectors = new Function(`return ${split}`)() as (list: string) => string[];
      const root = document.querySelector(frame);
      if (!root) throw new Error('no chart');
      const onChart = direction === 'host-on-chart';
      const targets = onChart
        ? Array.from(root.querySelectorAll('*'))
        : Array.from(document.querySelectorAll('body *')).filter(
            el => !root.contains(el) && !el.closest('[class*="cp360-"]'),
          );
      const found: Leak[] = [];
      const visit = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if ('cssRules' in rule && !(rule instanceof CSSStyleRule)) visit((rule as CSSGroupingRule).cssRules);
          if (!(rule instanceof CSSStyleRule)) continue;
          for (const selector of selectors(rule.selectorText)) {
            if (onChart && !/\.(ant|antd5)-/.test(selector)) continue;
            let hit: Element | undefined;
            try {
              // A host rule that also matches the chart's own frame reaches the chart through the page around it
              // (`.ant-layout *`): page-wide context, judged by its effect in the computed-style test.
              if (onChart && root.matches(selector)) continue;
              hit = targets.find(el => el.matches(selector));
            } catch {
              continue; // a selector this browser cannot parse
            }
            if (hit) {
              found.push({
                selector: selector.trim().slice(0, 160),
                element: `${hit.tagName.toLowerCase()}.${String(hit.className).slice(0, 60)}`,
                sheet: (rule.parentStyleSheet?.ownerNode as Element | null)?.outerHTML.slice(0, 160),
              });
            }
          }
        }
      };
      for (const sheet of Array.from(document.styleSheets)) {
        if (own(sheet) === onChart) continue;
        try {
          visit(sheet.cssRules);
        } catch {
          // a cross-origin sheet cannot be read (none in Superset's pages)
        }
      }
      return found.slice(0, 50);
    },
    { frame: FRAME, ownSheet: OWN_SHEET, split: SPLIT, direction },
  );
}

const PROPERTIES = [
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-left-radius',
  'border-bottom-right-radius',
  'border-top-width',
  'border-bottom-width',
  'border-top-color',
  'border-bottom-color',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'text-transform',
  'letter-spacing',
  'box-shadow',
  'text-decoration-line',
];

/**
 * The computed style of every element of the chart, keyed by its path; then the same with every host stylesheet
 * switched off (and back on). Returns the differences, named by element, with the tab bar, buttons and badges first.
 */
function stylesWithoutHost(page: Page): Promise<{ compared: number; differences: string[] }> {
  return page.evaluate(
    ({ frame, ownSheet, properties }) => {
      // eslint-disable-next-line no-new-func
      const own = new Function(`return ${ownSheet}`)() as (s: CSSStyleSheet) => boolean;
      const root = document.querySelector(frame) as HTMLElement;
      const elements = [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))].filter(
        el => el.offsetParent !== null,
      );
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}.${String(
          el.className,
        )
          .split(' ')
          .filter(c => c.startsWith('cp360-'))
          .join('.')}`;
      const snapshot = () =>
        elements.map(el => {
          const style = getComputedStyle(el);
          return properties.map(p => style.getPropertyValue(p)).join('|');
        });
      const before = snapshot();
      const host = Array.from(document.styleSheets).filter(sheet => !own(sheet));
      host.forEach(sheet => {
        sheet.disabled = true;
      });
      const after = snapshot();
      host.forEach(sheet => {
        sheet.disabled = false;
      });
      const differences: string[] = [];
      elements.forEach((el, i) => {
        if (before[i] === after[i]) return;
        const a = before[i].split('|');
        const b = after[i].split('|');
        const changed = properties
          .filter((_, j) => a[j] !== b[j])
          .map(p => `${p}: ${a[properties.indexOf(p)]} (host) vs ${b[properties.indexOf(p)]}`);
        differences.push(`${name(el)}: ${changed.join('; ')}`);
      });
      return { compared: elements.length, differences: differences.slice(0, 40) };
    },
    { frame: FRAME, ownSheet: OWN_SHEET, properties: PROPERTIES },
  );
}

e2e(`styles stay apart: the chart and Superset ${SUPERSET_VERSION}`, () => {
  let browser: Browser;
  let session: Session;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = readFixtures();
    browser = await launchBrowser();
    session = await openSession(browser);
    const { page } = session;
    await diagnose(session, 'isolation', async () => {
      await page.goto(`${BASE_URL}/superset/dashboard/${fx.dashboardId}/`);
      await waitForPlugin(page);
      await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
      await page.locator(`${FRAME} [role="tab"]`).first().waitFor();
      await page.waitForTimeout(800); // antd's tab motion
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("no rule of the host's antd components (.ant-*) matches an element of the chart", async () => {
    const found = await leaks(session.page, 'host-on-chart');
    recordObservation(`isolation-host-rules-${SUPERSET_VERSION}`, found);
    expect(found).toEqual([]);
  });

  test("no rule of the chart's own styles matches an element of the host", async () => {
    const found = await leaks(session.page, 'chart-on-host');
    recordObservation(`isolation-chart-rules-${SUPERSET_VERSION}`, found);
    expect(found).toEqual([]);
  });

  test('the tab bar, buttons, badges and every other element compute the same styles without the host stylesheets', async () => {
    const { page } = session;
    const tabs = await page.locator(`${FRAME} [role="tab"]`).count();
    const buttons = await page.locator(`${FRAME} button`).count();
    expect(tabs).toBeGreaterThanOrEqual(5);
    expect(buttons).toBeGreaterThanOrEqual(2);
    const { compared, differences } = await stylesWithoutHost(page);
    recordObservation(`isolation-computed-${SUPERSET_VERSION}`, { compared, differences });
    expect(compared).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  });
});
