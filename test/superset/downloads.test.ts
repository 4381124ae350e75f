/**
 * Dashboard downloads (issue 14, part 6): Superset's "Download as Image" and "Export to PDF" of a dashboard produce
 * a file in which the chart is painted, also when the chart is below the first screen, inside a dashboard tab.
 *
 * How Superset 6.1.0 makes the two files (read from its bundle, static/assets of the 6.1.0 wheel, and from
 * superset-frontend/src/dashboard/components/menu/DownloadMenuItems/index.tsx, src/utils/downloadAsImage.ts and
 * src/utils/downloadAsPdf.ts): the header's "..." menu (`data-test="actions-trigger"`) > Download > "Export to PDF" or
 * "Download as Image" captures `document.querySelector('.dashboard')`, the dashboard's content below its header (the
 * tab bar and every row of the active tab), in the browser, not on the server (the WebDriver screenshot items replace
 * these only with ENABLE_DASHBOARD_SCREENSHOT_ENDPOINTS and ENABLE_DASHBOARD_DOWNLOAD_WEBDRIVER_SCREENSHOT on).
 *  - Image: a deep clone of `.dashboard` with ~45 computed styles copied inline to every element, appended to <body>
 *    at -20000px, then every element whose inline style mentions overflow (all of them, after the copy) gets
 *    `overflow: visible; height: auto; max-height: none`, so fixed-height tiles grow to their content; the clone goes
 *    through dom-to-image-more's toJpeg (SVG foreignObject on a canvas, quality 0.95) at its scroll size, and an
 *    <a download="<title>-<ISO date>.jpg"> is clicked. The image is therefore not a screenshot of the page: rows are
 *    laid out again (a tall empty Markdown shrinks to its text), so where the chart lands is measured in that clone.
 *  - PDF: dom-to-pdf clones `.dashboard` (cloneNode, no styles copied: the page's stylesheets, the chart's emotion
 *    rules among them, still apply) into a fixed, transparent overlay, in a `position: absolute; overflow: auto` box
 *    as wide as the window; removes `.header-controls`, <button>, <input> and <select>; inserts a spacer before any
 *    element of at most one page that crosses an A4 page boundary (page height = width x 841.89/595.28 CSS px);
 *    renders the box with dom-to-image's toCanvas at its scroll size; cuts the canvas into A4 slices, DROPS a slice
 *    that comes out all white, and adds each other slice as a PNG image (jsPDF: FlateDecode, PNG predictors) on a
 *    page of its own.
 *
 * Found here, and the reason for this dashboard's layout: in 6.1.0 a dashboard tile whose box crosses an A4 page
 * boundary in that box is lost from the PDF, whatever it holds. The spacer goes in front of Superset's
 * `.dashboard-component-chart-holder`, inside the row's `.resizable-container`, whose height is fixed inline
 * (`height: 760px`): the tile is pushed down out of its row, nothing above grows, and what ends below the box's
 * bottom is clipped by its `overflow: auto` (the first page then shows scroll bars) and the all-white slice is
 * dropped. Seen with this chart and with a Markdown tile in its place. So the chart here sits below the first
 * screen but inside the first A4 page; the test fails if the chart is cut from the file, whatever the reason.
 *
 * What is measured: the downloaded file itself (page.waitForEvent('download')), decoded to pixels (the JPEG by
 * Chromium, the PDF's page images from the PDF's bytes: support/images.ts), at the place where the chart is in what
 * was captured. A MutationObserver sees the clone (the image) or the overlay (the PDF) appended to <body> and
 * measures the chart's heading, its critical alert and its ARR card relative to the captured element, before the
 * capture starts. In those boxes the file must show the heading's dark text, the alert's red edge (the colour read
 * from the chart on the page) and the card's figures; a blank chart, a frame with nothing in it, or a file cut
 * above the chart fails. Files: artifacts/superset/<version>/dashboard-download.{jpg,png} and
 * dashboard-export.pdf with its pages as dashboard-export-page-<n>.png.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_FORM_DATA } from '../../src/plugin/formData';
import { BASE_URL, readFixtures, recordObservation, SupersetApi, VIZ_TYPE } from './support/api';
import { diagnose, launchBrowser, openSession, SCREENSHOT_DIR, Session, waitForPlugin } from './support/browser';
import { describeIf, Feature, SUPERSET_VERSION } from './support/host';
import {
  Box,
  countNear,
  decodeInBrowser,
  decodePdfImage,
  encodePng,
  inset,
  inside,
  parseRgb,
  pdfImages,
  pdfPageCount,
  Raster,
  regionStats,
  Rgb,
  scaleBox,
  stack,
} from './support/images';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';
const TITLE = 'E2E Customer Profile 360 downloads';
const VIEWPORT_HEIGHT = 900; // support/browser.ts's context

/**
 * Both items are in the dashboard's Download menu of every version of the matrix (4.1.4 to 6.1.0 carry "Download as
 * Image" and "Export to PDF" in their bundles), but the capture code changed on the way (6.1's image clone above)
 * and this test's menu locator is a `data-test` attribute, stripped from production builds before 6.1.
 */
const DOWNLOADS: Feature = {
  has: SUPERSET_VERSION === '6.1.0',
  why: `the dashboard download test is verified on Superset 6.1.0 only (this is ${SUPERSET_VERSION}; its menu locator and capture hooks have not been run here)`,
};

/** Text that fills its tile, so that it stays as tall in the image's clone, where every height becomes auto. */
const ABOVE_THE_CHART = [
  '## Above the chart',
  '',
  ...Array.from(
    { length: 36 },
    (_, i) => `- Line ${i + 1} of the notes above the chart, which is below the first screen.`,
  ),
].join('\n');

/**
 * The dashboard: tabs "Profile" and "Notes"; in Profile a Markdown tile 110 grid units (880 px) tall, full of text,
 * then the chart, 95 units. The chart starts about 1140 px down the page, below the first screen (900 px); about
 * 1030 px down the image's clone (the text keeps the Markdown tall there); and it ends inside the first A4 page of
 * the PDF (1979 px at the window's 1400 px; see above for what happens to a tile across a page break).
 */
function positionJson(chartId: number): string {
  const tabs = ['ROOT_ID', 'GRID_ID', 'TABS-dl'];
  const row = (id: string, tab: string, child: string) => ({
    type: 'ROW',
    id,
    children: [child],
    parents: [...tabs, tab],
    meta: { background: 'BACKGROUND_TRANSPARENT' },
  });
  const tab = (id: string, text: string, children: string[]) => ({
    type: 'TAB',
    id,
    children,
    parents: tabs,
    meta: { text, defaultText: 'Tab title', placeholder: 'Tab title' },
  });
  return JSON.stringify({
    DASHBOARD_VERSION_KEY: 'v2',
    ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
    GRID_ID: { type: 'GRID', id: 'GRID_ID', children: ['TABS-dl'], parents: ['ROOT_ID'] },
    'TABS-dl': {
      type: 'TABS',
      id: 'TABS-dl',
      children: ['TAB-profile', 'TAB-notes'],
      parents: ['ROOT_ID', 'GRID_ID'],
      meta: {},
    },
    'TAB-profile': tab('TAB-profile', 'Profile', ['ROW-above', 'ROW-chart']),
    'TAB-notes': tab('TAB-notes', 'Notes', ['ROW-notes']),
    'ROW-above': row('ROW-above', 'TAB-profile', 'MARKDOWN-above'),
    'MARKDOWN-above': {
      type: 'MARKDOWN',
      id: 'MARKDOWN-above',
      children: [],
      parents: [...tabs, 'TAB-profile', 'ROW-above'],
      meta: { width: 12, height: 110, code: ABOVE_THE_CHART },
    },
    'ROW-chart': row('ROW-chart', 'TAB-profile', 'CHART-dl'),
    'CHART-dl': {
      type: 'CHART',
      id: 'CHART-dl',
      children: [],
      parents: [...tabs, 'TAB-profile', 'ROW-chart'],
      meta: { chartId, width: 12, height: 95, sliceName: TITLE },
    },
    'ROW-notes': row('ROW-notes', 'TAB-notes', 'MARKDOWN-notes'),
    'MARKDOWN-notes': {
      type: 'MARKDOWN',
      id: 'MARKDOWN-notes',
      children: [],
      parents: [...tabs, 'TAB-notes', 'ROW-notes'],
      meta: { width: 4, height: 20, code: 'Notes' },
    },
  });
}

/** The chart's parts, in CSS px relative to the captured element's top left corner. */
interface Capture {
  width: number;
  height: number;
  frame: Box;
  heading: Box;
  alert: Box;
  arr: Box;
}

/**
 * Watches <body> for the element Superset's download appends to it (6.1: the image's clone container, or
 * dom-to-pdf's overlay) holding the chart, and measures the chart in the element that gets captured, its first
 * child. The observer's callback runs before the capture's first await (mutation records are delivered at the first
 * microtask checkpoint, after dom-to-pdf has inserted its page-break spacers), so this is the layout that is drawn.
 */
async function watchCapture(page: Page): Promise<void> {
  await page.evaluate(frameSelector => {
    const w = window as unknown as { __cp360Capture?: unknown };
    w.__cp360Capture = null;
    const observer = new MutationObserver(records => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (!(node instanceof HTMLElement)) continue;
          const root = node.firstElementChild as HTMLElement | null;
          const frame = node.querySelector(frameSelector);
          if (!root || !frame) continue;
          const origin = root.getBoundingClientRect();
          const box = (el: Element | null) => {
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return { x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height };
          };
          w.__cp360Capture = {
            width: root.scrollWidth,
            height: root.scrollHeight,
            frame: box(frame),
            heading: box(frame.querySelector('h2')),
            alert: box(frame.querySelector('[data-severity="critical"]')),
            arr: box(frame.querySelector('[aria-label="ARR"]')),
          };
          observer.disconnect();
        }
      }
    });
    observer.observe(document.body, { childList: true });
  }, FRAME);
}

async function capturedGeometry(page: Page): Promise<Capture> {
  const capture = (await page.evaluate(() => (window as unknown as { __cp360Capture?: unknown }).__cp360Capture)) as
    (Capture & Record<string, Box | null>) | null;
  if (!capture) throw new Error('no element holding the chart was appended to <body> for the capture');
  for (const key of ['frame', 'heading', 'alert', 'arr']) {
    if (!capture[key]) throw new Error(`the captured copy of the chart has no ${key}`);
  }
  return capture;
}

/**
 * Opens the header's "..." menu, then its Download submenu, and clicks `item`; returns the file the browser
 * downloads. The submenu is opened with the keyboard (ArrowRight on "Download"), and the item gets its click
 * event without a pointer move: in 6.1 antd's submenu did not open on Playwright's hover, and, flipped to the left
 * at the window's right edge, it lay under the main menu at the item's centre while it moved in, so a pointer click
 * landed on "Refresh dashboard" and the pointer leaving closed the submenu (seen live).
 */
async function downloadFromMenu(page: Page, item: 'Download as Image' | 'Export to PDF') {
  const menu = page.locator('[data-test="header-actions-menu"]');
  // The menu of the last download closes after its click (antd's motion): a click on the trigger before then would
  // close it again.
  await menu.waitFor({ state: 'hidden' });
  await page.locator('[data-test="actions-trigger"]').click();
  await menu.waitFor();
  await menu.locator('.ant-dropdown-menu-submenu-title', { hasText: /^Download$/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('.ant-dropdown-menu-submenu-title[aria-expanded="true"]', { hasText: /^Download$/ }).waitFor();
  const target = page.getByRole('menuitem', { name: item, exact: true });
  await target.waitFor();
  const download = page.waitForEvent('download');
  await target.dispatchEvent('click');
  return download;
}

/** What the chart shows on the page, to look for in the file. */
interface Live {
  /** The frame's top in the page, in CSS px. */
  top: number;
  inActiveTab: boolean;
  alertEdge: Rgb;
}

function liveChart(page: Page): Promise<Live> {
  return page
    .evaluate(frameSelector => {
      const frame = document.querySelector(frameSelector) as HTMLElement;
      const alert = frame.querySelector('[data-severity="critical"]') as HTMLElement;
      return {
        top: frame.getBoundingClientRect().top + window.scrollY,
        inActiveTab: !!frame.closest('.ant-tabs-tabpane-active'),
        alertEdge: getComputedStyle(alert).borderLeftColor,
      };
    }, FRAME)
    .then(live => ({ ...live, alertEdge: parseRgb(live.alertEdge as unknown as string) }));
}

/**
 * The chart is painted in `raster` where the capture says it is (`scale` raster px per CSS px): its box is inside
 * the picture (not cut), the heading is dark text on a light ground, the critical alert shows its red edge, the
 * ARR card its figures, and the frame holds more than a flat colour.
 */
function expectChartPainted(raster: Raster, capture: Capture, scale: number, live: Live): Record<string, unknown> {
  const frame = scaleBox(capture.frame, scale);
  if (!inside(raster, frame)) {
    throw new Error(
      `the chart (${JSON.stringify(frame)}) is not inside the ${raster.width}x${raster.height} file: cut`,
    );
  }
  const heading = regionStats(raster, scaleBox(capture.heading, scale));
  const alertBox = scaleBox(capture.alert, scale);
  // The alert's left edge: its 4 px border in the alert's colour, the rest of the strip its light background.
  const edge = {
    x: alertBox.x,
    y: alertBox.y + 2,
    width: Math.max(6, Math.round(8 * scale)),
    height: alertBox.height - 4,
  };
  const edgePixels = countNear(raster, edge, live.alertEdge, 60);
  const arr = regionStats(raster, inset(scaleBox(capture.arr, scale), 2));
  const whole = regionStats(raster, frame);
  const seen = { heading, edgePixels, edge, arr, frame: { box: frame, colours: whole.colours, mean: whole.mean } };
  const failed = [
    // Text: a word in dark glyphs covers some of its box, never all of it (a dark block is not text).
    heading.darkShare > 0.05 && heading.darkShare < 0.6 ? '' : 'no dark heading text',
    // At least 2 px of the 4 px border on every row of the alert (JPEG blurs the edges, so not all 4).
    edgePixels >= 2 * scale * edge.height ? '' : "no alert edge in the alert's colour",
    arr.darkShare > 0.01 ? '' : 'no figures in the ARR card',
    whole.colours >= 20 ? '' : 'a flat frame',
  ].filter(Boolean);
  if (failed.length) throw new Error(`the chart is not painted: ${failed.join('; ')}\n${JSON.stringify(seen)}`);
  return seen;
}

e2e('dashboard downloads', () => {
  describeIf(
    DOWNLOADS,
    'Download as Image and Export to PDF of a dashboard with the chart below the first screen',
    () => {
      let browser: Browser;
      let session: Session;
      let dashboardId: number;
      let live: Live;

      beforeAll(async () => {
        const fx = readFixtures();
        const api = await new SupersetApi().login();
        // Fixed names, replaced on every run (the chart first: it is on the dashboard).
        for (const id of await api.findIds('chart', 'slice_name', TITLE)) await api.delete(`/api/v1/chart/${id}`);
        for (const id of await api.findIds('dashboard', 'dashboard_title', TITLE)) {
          await api.delete(`/api/v1/dashboard/${id}`);
        }
        const dashboard = (await api.post('/api/v1/dashboard/', { dashboard_title: TITLE, published: true })) as {
          id: number;
        };
        dashboardId = dashboard.id;
        // One customer (Acme, with critical alerts) by the chart's own filter, on the setup's plain dataset.
        const chart = (await api.post('/api/v1/chart/', {
          slice_name: TITLE,
          viz_type: VIZ_TYPE,
          datasource_id: fx.baseDatasetId,
          datasource_type: 'table',
          params: JSON.stringify({
            ...DEFAULT_FORM_DATA,
            viz_type: VIZ_TYPE,
            datasource: `${fx.baseDatasetId}__table`,
            adhoc_filters: [
              {
                expressionType: 'SIMPLE',
                subject: 'customer_id',
                operator: '==',
                comparator: 'ACME-001',
                clause: 'WHERE',
              },
            ],
          }),
          dashboards: [dashboardId],
        })) as { id: number };
        await api.put(`/api/v1/dashboard/${dashboardId}`, { position_json: positionJson(chart.id) });

        browser = await launchBrowser();
        session = await openSession(browser);
        // Superset virtualizes dashboard rows (DASHBOARD_VIRTUALIZATION, on by default in 6.1: a row renders once it
        // is within one screen of the window) unless navigator.webdriver says a bot is looking, which it does under
        // Playwright. Said false here, so the dashboard behaves as for a person who opened it and did not scroll.
        await session.context.addInitScript(() =>
          Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }),
        );
        const { page } = session;
        await diagnose(session, 'downloads-open', async () => {
          await page.goto(`${BASE_URL}/superset/dashboard/${dashboardId}/`);
          await waitForPlugin(page);
          await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
          await page.locator(FRAME).locator('[data-severity="critical"]').first().waitFor();
        });
        live = await liveChart(page);
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      });
      afterAll(async () => {
        await browser?.close();
      });

      test('the chart is below the first screen, in the active tab, and the page is not scrolled', async () => {
        expect(await session.page.evaluate(() => [navigator.webdriver, window.scrollY])).toEqual([false, 0]);
        expect(live.inActiveTab).toBe(true);
        expect(live.top).toBeGreaterThan(VIEWPORT_HEIGHT);
      });

      test('"Download as Image" gives a JPEG in which the chart is painted', async () => {
        const { page, errors } = session;
        await watchCapture(page);
        const download = await downloadFromMenu(page, 'Download as Image');
        expect(download.suggestedFilename()).toMatch(/^e-2-e-customer-profile-360-downloads-.*\.jpg$/);
        const file = path.join(SCREENSHOT_DIR, 'dashboard-download.jpg');
        await download.saveAs(file);
        const bytes = fs.readFileSync(file);
        expect(bytes.subarray(0, 3).toString('hex')).toBe('ffd8ff'); // a JPEG
        const capture = await capturedGeometry(page);
        // Also in the clone, where the rows are laid out again, the chart starts below the first screen's height.
        expect(capture.frame.y).toBeGreaterThan(VIEWPORT_HEIGHT);
        const raster = await decodeInBrowser(page, bytes, 'image/jpeg');
        fs.writeFileSync(path.join(SCREENSHOT_DIR, 'dashboard-download.png'), await encodePng(page, raster));
        // The whole clone, at one image pixel per CSS pixel (devicePixelRatio 1).
        const scale = raster.width / capture.width;
        expect(scale).toBeCloseTo(1, 2);
        expect(Math.abs(raster.height - capture.height * scale)).toBeLessThanOrEqual(1);
        recordObservation('download-image', { capture, seen: expectChartPainted(raster, capture, scale, live) });
        expect(errors).toEqual([]);
      });

      test('"Export to PDF" gives a PDF whose page images show the chart painted', async () => {
        const { page, errors } = session;
        await watchCapture(page);
        const download = await downloadFromMenu(page, 'Export to PDF');
        expect(download.suggestedFilename()).toMatch(/^e-2-e-customer-profile-360-downloads-.*\.pdf$/);
        const file = path.join(SCREENSHOT_DIR, 'dashboard-export.pdf');
        await download.saveAs(file);
        const pdf = fs.readFileSync(file);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const capture = await capturedGeometry(page);
        expect(capture.frame.y).toBeGreaterThan(VIEWPORT_HEIGHT);

        const images = pdfImages(pdf).filter(image => !image.isMask);
        expect(images.length).toBe(pdfPageCount(pdf)); // one image per page
        const pages: Raster[] = [];
        for (const image of images) pages.push(await decodePdfImage(page, image));
        for (const [i, raster] of pages.entries()) {
          fs.writeFileSync(
            path.join(SCREENSHOT_DIR, `dashboard-export-page-${i + 1}.png`),
            await encodePng(page, raster),
          );
        }
        // The pages one under the other are the canvas they were cut from, if no slice was dropped as all white.
        const canvas = stack(pages);
        const scale = canvas.width / capture.width;
        expect(scale).toBeCloseTo(1, 2);
        // dom-to-pdf's slices: A4 pages of width x 841.89/595.28 px, the last one shorter; one missing = dropped.
        const pageHeight = Math.floor(canvas.width * (841.89 / 595.28));
        const height = Math.round(capture.height * scale);
        const slices: number[] = [];
        for (let y = 0; y < height; y += pageHeight) slices.push(Math.min(pageHeight, height - y));
        const got = pages.map(p => p.height);
        if (got.join() !== slices.join()) {
          throw new Error(
            `the PDF's pages are ${JSON.stringify(got)} px tall where the ${height} px capture makes ` +
              `${JSON.stringify(slices)}: dom-to-pdf dropped a slice that came out all white (cut)`,
          );
        }
        recordObservation('export-pdf', {
          capture,
          pages: slices,
          seen: expectChartPainted(canvas, capture, scale, live),
        });
        expect(errors).toEqual([]);
      });
    },
  );
});
