/**
 * Superset REST helpers for the real-server suite: JWT login, JSON requests, rison, and the fixture file that
 * globalSetup writes (ids of the datasets, chart and dashboard it created) and the tests read.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { CitizenFixtures } from './citizenSetup';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveToday } = require('../../../scripts/today') as { resolveToday: () => string };

export const BASE_URL = process.env.SUPERSET_URL || 'http://127.0.0.1:8088';
export const SUPERSET_HOME = process.env.SUPERSET_HOME || '/tmp/superset-home';
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES_FILE = path.join(SUPERSET_HOME, 'e2e-fixtures.json');
export const OBSERVATIONS_FILE = path.join(SUPERSET_HOME, 'e2e-observations.json');
export const VIZ_TYPE = process.env.PLUGIN_KEY || 'customer_profile';
export const PLUGIN_NAME = process.env.PLUGIN_NAME || 'Customer Profile 360';

/** What globalSetup created; every name is fixed, so a second run replaces the first run's objects. */
export interface Fixtures {
  databaseId: number;
  /** The setup's dataset: demo/db/dataset.sql as is (65 customers). */
  baseDatasetId: number;
  /** dataset.sql wrapped with a Jinja filter on url_param('customer_id'). */
  jinjaDatasetId: number;
  /** dataset.sql with customer_name renamed to account_name. */
  mappedDatasetId: number;
  chartId: number;
  dashboardId: number;
  nativeFilterId: string;
  /** The second engine, when the setup registered it: MariaDB with dataset.mysql.sql (url_param filtered). */
  mariadb?: { databaseId: number; datasetId: number; chartId: number };
  /** The dashboards of citizen.test.ts (support/citizenSetup.ts). */
  citizen: CitizenFixtures;
  createdAt: string;
}

/** Rison for the simple values the list endpoints' `q` takes. */
export function rison(value: unknown): string {
  if (value === null) return '!n';
  if (typeof value === 'boolean') return value ? '!t' : '!f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^[A-Za-z_][A-Za-z0-9_.\-/~]*$/.test(value)) return value;
    return `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
  }
  if (Array.isArray(value)) return `!(${value.map(rison).join(',')})`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}:${rison(v)}`);
  return `(${entries.join(',')})`;
}

export class ApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(message);
  }
}

export class SupersetApi {
  private token = '';

  constructor(private readonly base = BASE_URL) {}

  async login(username = 'admin', password = 'admin'): Promise<this> {
    const body = await this.request('POST', '/api/v1/security/login', {
      username,
      password,
      provider: 'db',
      refresh: false,
    });
    this.token = (body as { access_token: string }).access_token;
    return this;
  }

  /** JSON in, JSON out; throws ApiError unless the status is in `ok` (default: 2xx). */
  async request(method: string, url: string, json?: unknown, ok?: (status: number) => boolean): Promise<unknown> {
    const res = await this.raw(method, url, json);
    let body: unknown = res.text;
    try {
      body = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const accepted = ok ? ok(res.status) : res.status >= 200 && res.status < 300;
    if (!accepted) {
      throw new ApiError(`${method} ${url} -> ${res.status}: ${res.text.slice(0, 600)}`, res.status, body);
    }
    return body;
  }

  /**
   * One request on a fresh connection (node:http, no keep-alive agent). Node's fetch pools keep-alive sockets,
   * gunicorn closes idle ones after 2 s, and fetch does not retry a POST on such a socket ("other side closed").
   */
  raw(method: string, url: string, json?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { Accept: 'application/json', Referer: this.base, Connection: 'close' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(this.base + url), { method, headers, agent: false }, res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(120000, () => req.destroy(new Error(`${method} ${url}: timeout`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, json: unknown) => this.request('POST', url, json);
  put = (url: string, json: unknown) => this.request('PUT', url, json);
  delete = (url: string) => this.request('DELETE', url, undefined, s => (s >= 200 && s < 300) || s === 404);

  /** Ids of the rows of a list endpoint whose `column` equals `value`. */
  async findIds(resource: string, column: string, value: string): Promise<number[]> {
    const q = rison({ filters: [{ col: column, opr: 'eq', value }], page_size: 100 });
    const body = (await this.get(`/api/v1/${resource}/?q=${encodeURIComponent(q)}`)) as {
      result: { id: number }[];
    };
    return body.result.map(row => row.id);
  }
}

export async function waitForHealth(base = BASE_URL, timeoutMs = 60000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await new SupersetApi(base).raw('GET', '/health');
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`Superset at ${base} is not up (${last}): start it with e2e/superset/start.sh`);
}

export function readFixtures(): Fixtures {
  if (!fs.existsSync(FIXTURES_FILE)) {
    throw new Error(`${FIXTURES_FILE} is missing: run the suite with -c jest.superset.config.js (globalSetup)`);
  }
  return JSON.parse(fs.readFileSync(FIXTURES_FILE, 'utf8')) as Fixtures;
}

/** Adds facts seen in the real server (colours, props) to a JSON file that run-tests.sh prints. */
export function recordObservation(key: string, value: unknown): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(OBSERVATIONS_FILE, 'utf8'));
  } catch {
    all = {};
  }
  all[key] = value;
  fs.mkdirSync(path.dirname(OBSERVATIONS_FILE), { recursive: true });
  fs.writeFileSync(OBSERVATIONS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

/** demo/db/dataset.sql without a trailing semicolon, ready to wrap as a subquery. */
export function datasetSql(): string {
  const file = process.env.DATASET_SQL || path.join(REPO_ROOT, 'demo/db/dataset.sql');
  return fs.readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
}

/** The reference day (CP360_TODAY) plus `days`, as YYYY-MM-DD (the demo data is generated relative to it). */
export function utcDayPlus(days: number): string {
  const day = Date.parse(`${resolveToday()}T00:00:00Z`) + days * 86400000;
  return new Date(day).toISOString().slice(0, 10);
}
