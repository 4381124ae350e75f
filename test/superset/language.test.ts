/**
 * The chart speaks the host's language. Superset's language is the user's choice (`/lang/<locale>`, kept in the
 * session) or the server's BABEL_DEFAULT_LOCALE; the page carries it in its bootstrap data (`common.locale`), which
 * the plugin's translator reads. Every version is tested by choosing Russian; run-tests.sh also starts one version
 * with BABEL_DEFAULT_LOCALE = 'ru' (E2E_LOCALE=ru) and runs this file alone, with no choice made.
 */
import type { Browser } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures } from './support/api';
import { diagnose, firstLoad, launchBrowser, openSession, screenshot, Session } from './support/browser';
import { SUPERSET_VERSION } from './support/host';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';
const SERVER_DEFAULT_RU = process.env.E2E_LOCALE === 'ru';

e2e(`language (${SERVER_DEFAULT_RU ? "the server's default locale is ru" : 'Russian chosen by the user'})`, () => {
  let browser: Browser;
  let session: Session;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = readFixtures();
    browser = await launchBrowser();
    session = await openSession(browser);
    // Superset's own language switch (Flask-AppBuilder's locale view), as the user menu does it.
    if (!SERVER_DEFAULT_RU) await session.context.request.get(`${BASE_URL}/lang/ru`);
  });
  afterAll(async () => {
    // Back to English for whatever runs next in this server: the choice lives in the session only.
    if (!SERVER_DEFAULT_RU) await session?.context.request.get(`${BASE_URL}/lang/en`);
    await browser?.close();
  });

  test('the page says ru, and the chart shows its tabs, KPI labels and alerts in Russian', async () => {
    const { page } = session;
    await diagnose(session, 'language-ru', async () => {
      await page.goto(`${BASE_URL}/explore/?slice_id=${fx.chartId}&customer_id=ACME-001`);
      expect(await firstLoad(page, FRAME)).toBe('chart');
    });
    const locale = await page.evaluate(() => {
      const data = document.getElementById('app')?.getAttribute('data-bootstrap');
      return data ? JSON.parse(data)?.common?.locale : undefined;
    });
    expect(locale).toBe('ru');
    const frame = page.locator(FRAME);
    await frame.getByRole('tab', { name: 'Обзор' }).waitFor();
    await frame.getByRole('tab', { name: 'Здоровье и риски' }).waitFor();
    const text = await frame.innerText();
    // Russian labels, and none of the English ones they replace.
    expect(text).not.toMatch(/\bOverview\b|\bHealth & Risk\b|\bRenewal in 25 days\b/);
    await screenshot(page, `explore-ru${SERVER_DEFAULT_RU ? '-default' : ''}`);
    // eslint-disable-next-line no-console
    console.log(`[superset ${SUPERSET_VERSION}] chart language: ${locale}`);
  });
});
