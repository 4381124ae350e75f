/**
 * Readers for one raw cell. Each returns the value, nothing (the cell was null or empty: not a problem),
 * or a problem that says what was wrong without repeating the value (a value may be one the viewer must not see).
 */

/**
 * What was wrong with a value: an English template with %s placeholders and its arguments. The view translates it;
 * the model stays free of the UI's translator. `N_` marks a string for the translation catalogue without translating.
 */
export interface Problem {
  text: string;
  args: (string | number)[];
}
export const N_ = (text: string) => text;
export const problem = (text: string, ...args: (string | number)[]): Problem => ({ text, args });

/** The problem as a sentence; `translate` is the view's t() (string arguments are translated too). */
export function formatProblem(
  { text, args }: Problem,
  translate: (text: string, ...args: unknown[]) => string = (x, ...a) =>
    a.reduce<string>((out, v) => out.replace('%s', String(v)), x),
): string {
  return translate(text, ...args.map(arg => (typeof arg === 'string' ? translate(arg) : arg)));
}

export interface Read<T> {
  value?: T;
  problem?: Problem;
}

const NOTHING: Read<never> = {};
const isBlank = (raw: unknown) => raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

const describe = (raw: unknown): string => {
  if (Array.isArray(raw)) return N_('a list');
  if (raw instanceof Date) return N_('an invalid date');
  if (typeof raw === 'object') return N_('an object');
  if (typeof raw === 'string') return raw.length > 64 ? N_('a long text') : N_('text');
  if (typeof raw === 'number') return Number.isNaN(raw) ? N_('a value that is not a number') : N_('an infinite number');
  if (typeof raw === 'boolean') return N_('a true/false value');
  return N_('a value of another type');
};

/** "1,234,567.8", "1 234 567,8", "1_000", "$250,000", "15%", "1.234.567,89" all read as numbers. */
const GROUPED_DOT_DECIMAL = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA_DECIMAL = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;

export function numberFromText(text: string): number | undefined {
  let s = text
    .trim()
    .replace(/^[$€£¥₽]|[$€£¥₽%]$/g, '')
    .replace(/[\s\u00a0_']/g, '');
  if (GROUPED_DOT_DECIMAL.test(s)) s = s.replace(/,/g, '');
  else if (GROUPED_COMMA_DECIMAL.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (COMMA_DECIMAL.test(s)) s = s.replace(',', '.');
  if (!PLAIN.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export interface NumberBounds {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function readNumber(raw: unknown, bounds: NumberBounds = {}): Read<number> {
  if (isBlank(raw)) return NOTHING;
  let n: number | undefined;
  if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : undefined;
  else if (typeof raw === 'bigint') n = Number(raw);
  else if (typeof raw === 'string') n = numberFromText(raw);
  else if (typeof raw === 'boolean') n = undefined;
  if (n === undefined) return { problem: problem(N_('expected a number, got %s'), describe(raw)) };
  if (bounds.min !== undefined && n < bounds.min)
    return { problem: problem(N_('%s is below the allowed minimum %s'), n, bounds.min) };
  if (bounds.max !== undefined && n > bounds.max)
    return { problem: problem(N_('%s is above the allowed maximum %s'), n, bounds.max) };
  if (bounds.integer) return { value: Math.round(n) };
  return { value: n };
}

export function readText(raw: unknown): Read<string> {
  if (isBlank(raw)) return NOTHING;
  if (typeof raw === 'string') return { value: raw.trim() };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: String(raw) };
  if (typeof raw === 'bigint') return { value: raw.toString() };
  if (typeof raw === 'boolean') return { value: String(raw) };
  return { problem: problem(N_('expected text, got %s'), describe(raw)) };
}

export function readBoolean(raw: unknown): Read<boolean> {
  if (isBlank(raw)) return NOTHING;
  if (typeof raw === 'boolean') return { value: raw };
  if (raw === 1 || raw === 0) return { value: raw === 1 };
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (['true', 't', 'yes', 'y', '1'].includes(s)) return { value: true };
    if (['false', 'f', 'no', 'n', '0'].includes(s)) return { value: false };
  }
  return { problem: problem(N_('expected true or false, got %s'), describe(raw)) };
}

/** Years outside this window are data errors (9999-12-31 placeholders, epoch-zero defaults), not dates. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;
/** Below this magnitude an epoch number is read as seconds: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const EPOCH_SECONDS_LIMIT = 1e11;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

function fromEpoch(n: number): number {
  return Math.abs(n) < EPOCH_SECONDS_LIMIT ? n * 1000 : n;
}

function utcDate(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-31 over to March: such a date does not exist.
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? ms : undefined;
}

function timestampFrom(raw: unknown): number | undefined {
  if (raw instanceof Date) return raw.getTime();
  if (typeof raw === 'number') return Number.isFinite(raw) ? fromEpoch(raw) : undefined;
  if (typeof raw === 'bigint') return fromEpoch(Number(raw));
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  let m = ISO_DATE.exec(s) ?? SLASH_DATE.exec(s);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_DATETIME.exec(s);
  if (m) {
    if (utcDate(Number(m[1]), Number(m[2]), Number(m[3])) === undefined) return undefined;
    // A datetime without a zone is taken as UTC, as Superset's own temporal columns are.
    const normalised = s.replace(' ', 'T') + (m[8] ? '' : 'Z');
    const ms = Date.parse(normalised);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Dates become ISO strings: "YYYY-MM-DD" at UTC midnight, a full ISO timestamp otherwise.
 * Accepts Date objects, epoch milliseconds (Superset's temporal columns) or seconds, ISO strings and YYYY/MM/DD.
 */
export function readDate(raw: unknown): Read<string> {
  if (isBlank(raw)) return NOTHING;
  // The common case, a plain ISO date inside the year window, is already the model's form: check it and keep it.
  if (typeof raw === 'string' && raw.length === 10 && ISO_DATE.test(raw)) {
    const year = Number(raw.slice(0, 4));
    if (
      year >= YEAR_MIN &&
      year <= YEAR_MAX &&
      utcDate(year, Number(raw.slice(5, 7)), Number(raw.slice(8, 10))) !== undefined
    )
      return { value: raw };
  }
  const ms = timestampFrom(raw);
  if (ms === undefined || Number.isNaN(ms)) return { problem: problem(N_('expected a date, got %s'), describe(raw)) };
  const date = new Date(ms);
  // Beyond ±8.64e15 ms a Date is invalid, and toISOString() would throw.
  if (Number.isNaN(date.getTime())) return { problem: problem(N_('expected a date, got %s'), describe(raw)) };
  const year = date.getUTCFullYear();
  if (year < YEAR_MIN || year > YEAR_MAX)
    return { problem: problem(N_('the year %s is outside %s–%s'), year, YEAR_MIN, YEAR_MAX) };
  const iso = date.toISOString();
  return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
}

/** "CRM, BI, API", '["CRM","BI"]' or ['CRM', 'BI'] become a list of distinct, trimmed names. */
export function readList(raw: unknown): Read<string[]> {
  if (isBlank(raw)) return NOTHING;
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === 'string') {
    const s = raw.trim();
    const parsed = s.startsWith('[') ? safeJsonParse(s) : undefined;
    items = Array.isArray(parsed) ? parsed : s.split(/[,;\n]/);
  } else return { problem: problem(N_('expected a comma-separated list, got %s'), describe(raw)) };
  const names = items.map(item => readText(item).value).filter((name): name is string => !!name);
  return { value: Array.from(new Set(names)) };
}

export function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Milliseconds of an ISO date produced by `readDate`. */
export const dateMs = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
