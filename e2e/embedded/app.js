/* The account page's script: embeds the dashboard for the account in the path, with a guest token from the CRM's
 * backend (/guest-token), then follows the page's theme. Query parameters:
 *   theme=default|dark   the CRM's theme, passed on with the SDK's setThemeMode (Superset 6.1's embedded page
 *                        answers setThemeMode and setThemeConfig)
 *   themeConfig={json}   the CRM's brand as a Superset theme ({theme_default: {token}, theme_dark?}), passed on with the
 *                        SDK's setThemeConfig (6.1's ThemeController.setThemeConfig takes that shape)
 *   lang=ru              the CRM's language: the embedded page's language is the server's choice for the iframe's
 *                        request, and Flask-AppBuilder picks `_l_` from the query first, so it goes in urlParams
 *   sdkUrlParams={json}  (test) more urlParams, as a tampered page would send them (customer_id, native_filters)
 */
(async () => {
  const query = new URLSearchParams(window.location.search);
  const account = decodeURIComponent(window.location.pathname.split('/').pop());
  const theme = query.get('theme') || 'default';
  const lang = query.get('lang');
  const status = document.getElementById('status');
  document.getElementById('account').textContent = account;
  document.body.dataset.theme = theme;
  if (lang) document.documentElement.lang = lang;
  try {
    const config = await (await fetch('/config.json')).json();
    const urlParams = { ...(lang ? { _l_: lang } : {}), ...JSON.parse(query.get('sdkUrlParams') || '{}') };
    const dashboard = await window.supersetEmbeddedSdk.embedDashboard({
      id: config.embeddedId,
      supersetDomain: config.supersetUrl,
      mountPoint: document.getElementById('superset'),
      fetchGuestToken: async () => {
        const res = await fetch(`/guest-token?account=${encodeURIComponent(account)}`);
        if (!res.ok) throw new Error(`guest token: HTTP ${res.status}`);
        return (await res.json()).token;
      },
      dashboardUiConfig: { hideTitle: true, filters: { expanded: true }, urlParams },
      iframeTitle: 'Customer Profile 360',
    });
    if (query.get('themeConfig')) dashboard.setThemeConfig(JSON.parse(query.get('themeConfig')));
    dashboard.setThemeMode(theme);
    window.cp360Embedded = dashboard;
    status.textContent = 'embedded';
  } catch (error) {
    status.textContent = `error: ${error}`;
  }
})();
