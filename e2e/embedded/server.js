/**
 * The host page of the embedded test: a stand-in for a CRM's account page that embeds the Customer Profile 360
 * dashboard with @superset-ui/embedded-sdk, on its own origin (default http://127.0.0.1:8099, E2E_EMBED_PORT).
 *
 *   GET /accounts/<customer_id>   the account page (index.html + app.js), which embeds the dashboard
 *   GET /sdk.js                   the SDK's browser bundle (UMD, window.supersetEmbeddedSdk) from node_modules
 *   GET /guest-token?account=ID   the CRM's backend: a guest token for the embedded dashboard whose row-level
 *                                 security clause is that one customer (POST /api/v1/security/guest_token/)
 *
 * As in a real CRM, the browser never holds Superset credentials: the backend logs in with a service account and
 * hands the page a guest token that can show one dashboard, filtered to one customer, for a few minutes.
 * Started and stopped by test/superset/embedded.test.ts (start()); by hand: `node e2e/embedded/server.js` with
 * SUPERSET_URL, E2E_EMBED_ID (the dashboard's embedded uuid) and E2E_EMBED_DATASET (the dataset id the RLS names).
 */
/* eslint-disable @typescript-eslint/no-var-requires -- plain Node (CommonJS), run by node and required by jest */
const fs = require('fs');
const http = require('http');
const path = require('path');

const HERE = __dirname;
const SDK_BUNDLE = require.resolve('@superset-ui/embedded-sdk/bundle/index.js');
// What a customer id looks like in the demo data (ACME-001, BALT-031). The RLS clause is SQL built from it, so
// anything else is refused rather than quoted.
const ACCOUNT_ID = /^[A-Z]{2,10}-[0-9]{1,6}$/;

/** One JSON request to Superset on a fresh connection (gunicorn closes idle keep-alive sockets). */
function supersetJson(base, method, url, body, token) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { Accept: 'application/json', Connection: 'close' };
  if (payload) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(payload.length);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(base + url), { method, headers, agent: false }, res => {
      const chunks = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode < 200 || res.statusCode >= 300) {
          reject(new Error(`${method} ${url} -> ${res.statusCode}: ${text.slice(0, 400)}`));
          return;
        }
        resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The CRM backend's call: a guest token for one dashboard and one customer. The RLS rule names the dataset, so it
 * applies to every query on it (the chart's and the native filter's value list), whatever filters the page adds.
 */
async function guestToken(options, account) {
  const { supersetUrl, username, password, embeddedId, datasetId } = options;
  const login = await supersetJson(supersetUrl, 'POST', '/api/v1/security/login', {
    username,
    password,
    provider: 'db',
    refresh: false,
  });
  const body = await supersetJson(
    supersetUrl,
    'POST',
    '/api/v1/security/guest_token/',
    {
      user: { username: `crm-viewer-${account.toLowerCase()}`, first_name: 'CRM', last_name: 'Viewer' },
      resources: [{ type: 'dashboard', id: embeddedId }],
      rls: [{ dataset: datasetId, clause: `customer_id = '${account}'` }],
    },
    login.access_token,
  );
  return body.token;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * Starts the host page. options: { port, supersetUrl, username, password, embeddedId, datasetId }.
 * Resolves to { origin, close() }; guestTokens counts the tokens handed out, per account.
 */
function start(options) {
  const issued = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    if (url.pathname === '/sdk.js') return send(res, 200, 'application/javascript', fs.readFileSync(SDK_BUNDLE));
    if (url.pathname === '/app.js') {
      return send(res, 200, 'application/javascript', fs.readFileSync(path.join(HERE, 'app.js')));
    }
    if (url.pathname === '/config.json') {
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({ supersetUrl: options.supersetUrl, embeddedId: options.embeddedId }),
      );
    }
    if (/^\/accounts\/[^/]+$/.test(url.pathname)) {
      return send(res, 200, 'text/html; charset=utf-8', fs.readFileSync(path.join(HERE, 'index.html')));
    }
    if (url.pathname === '/guest-token') {
      const account = url.searchParams.get('account') || '';
      if (!ACCOUNT_ID.test(account)) return send(res, 400, 'application/json', '{"message":"bad account id"}');
      guestToken(options, account).then(
        token => {
          issued[account] = (issued[account] || 0) + 1;
          send(res, 200, 'application/json', JSON.stringify({ token }));
        },
        error => send(res, 502, 'application/json', JSON.stringify({ message: String(error) })),
      );
      return undefined;
    }
    return send(res, 404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        guestTokens: issued,
        close: () => new Promise(done => server.close(() => done())),
      });
    });
  });
}

module.exports = { start, guestToken, ACCOUNT_ID };

if (require.main === module) {
  start({
    port: Number(process.env.E2E_EMBED_PORT || 8099),
    supersetUrl: process.env.SUPERSET_URL || 'http://127.0.0.1:8088',
    username: process.env.SUPERSET_USER || 'admin',
    password: process.env.SUPERSET_PASSWORD || 'admin',
    embeddedId: process.env.E2E_EMBED_ID,
    datasetId: Number(process.env.E2E_EMBED_DATASET),
  }).then(({ origin }) => process.stdout.write(`host page on ${origin}/accounts/ACME-001\n`));
}
