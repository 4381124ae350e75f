/**
 * Row -> CustomerProfile. Pure and total: every field is a valid value or absent, every value that could not be
 * read becomes a ParseIssue for the chart author, and nothing here throws on data.
 */
import {
  DETAIL_COLUMNS,
  DetailColumn,
  DetailField,
  FieldKind,
  REQUIRED_COLUMNS,
  SCALAR_COLUMNS,
  ScalarColumn,
} from './columns';
import {
  N_,
  Problem,
  problem,
  Read,
  readBoolean,
  readDate,
  readList,
  readNumber,
  readText,
  safeJsonParse,
} from './coerce';
import { hiddenColumns, Permissions, redactProfile } from './redact';
import type { CustomerProfile, Extra, ParseIssue, ParseResult, ParsedCustomer } from './types';

export type Row = Record<string, unknown>;

/** Longer texts are cut: a megabyte customer name is a data error, and would swamp the layout. */
export const MAX_TEXT_LENGTH = 2000;
/** More items than this in one detail column are cut, with an issue: the view stays responsive. */
export const MAX_DETAIL_ITEMS = 50_000;
/** Keys that must never be copied onto an object from data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Kept extra keys become plain JSON values (bigints as text, NaN and Infinity as null), so the JSON and CSV exports
 * can always serialise them.
 */
function jsonSafe(value: unknown): unknown {
  try {
    const text = JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** Writes a value at a dotted model path, making the objects on the way. */
function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  keys.forEach(key => {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[last] = value;
}

function readField(raw: unknown, kind: FieldKind, bounds: { min?: number; max?: number } = {}): Read<unknown> {
  switch (kind) {
    case 'text': {
      const read = readText(raw);
      if (read.value !== undefined && read.value.length > MAX_TEXT_LENGTH)
        return {
          value: `${read.value.slice(0, MAX_TEXT_LENGTH)}…`,
          problem: problem(N_('text longer than %s characters was shortened'), MAX_TEXT_LENGTH),
        };
      return read;
    }
    case 'number':
      return readNumber(raw, bounds);
    case 'integer':
      return readNumber(raw, { ...bounds, integer: true });
    case 'date':
      return readDate(raw);
    case 'boolean':
      return readBoolean(raw);
    default:
      return {};
  }
}

/** The model's nested groups (csm, revenue, health ...), from the table's places. */
const GROUPS = [
  ...new Set(
    SCALAR_COLUMNS.map(c => c.model.split('.'))
      .filter(p => p.length > 1)
      .map(p => p[0]),
  ),
];

/** Every scalar of the table into its model place; a list column is an empty list when absent. */
function readScalars(row: Row, target: Record<string, unknown>, issues: ParseIssue[]) {
  SCALAR_COLUMNS.forEach((spec: ScalarColumn) => {
    const raw = row[spec.column];
    const read = spec.kind === 'list' ? readList(raw) : readField(raw, spec.kind, { min: spec.min, max: spec.max });
    if (read.problem) issues.push({ column: spec.column, ...read.problem });
    const value = read.value ?? (spec.kind === 'list' ? [] : undefined);
    if (value !== undefined) setAt(target, spec.model, value);
  });
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** The model's name of every detail field, worked out once, not once per item. */
const CAMEL_KEYS = new Map<string, string>(
  DETAIL_COLUMNS.flatMap(spec => spec.fields.map((f): [string, string] => [f.key, camel(f.key)])),
);

/** ISO dates and timestamps order as text; a plain comparison is much cheaper than localeCompare. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A field with a closed set of values: the value in lower case when it is one of them, else 'other'. */
function oneOf(allowed: readonly string[], value: unknown): string {
  const s = typeof value === 'string' ? value.toLowerCase() : '';
  return allowed.includes(s) ? s : 'other';
}

function readDetailItems(row: Row, spec: DetailColumn, issues: ParseIssue[]): Record<string, unknown>[] {
  const raw = row[spec.column];
  if (raw === null || raw === undefined || raw === '') return [];
  let list: unknown = raw;
  if (typeof raw === 'string') {
    list = safeJsonParse(raw);
    if (list === undefined) {
      issues.push({ column: spec.column, ...problem(N_('is not valid JSON: expected a JSON array of objects')) });
      return [];
    }
  }
  if (list === null) return [];
  if (!Array.isArray(list)) {
    issues.push({ column: spec.column, ...problem(N_('expected a JSON array of objects')) });
    return [];
  }
  if (list.length > MAX_DETAIL_ITEMS) {
    issues.push({ column: spec.column, ...problem(N_('only the first %s items are shown'), MAX_DETAIL_ITEMS) });
    list = list.slice(0, MAX_DETAIL_ITEMS);
  }
  const known = new Set(spec.fields.map(f => f.key));
  const items: Record<string, unknown>[] = [];
  let skipped = 0;
  const problems = new Map<string, Problem>();
  (list as unknown[]).forEach(entry => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      skipped += 1;
      return;
    }
    const source = entry as Record<string, unknown>;
    const item: Record<string, unknown> = {};
    spec.fields.forEach((field: DetailField) => {
      if (field.oneOf) {
        item[CAMEL_KEYS.get(field.key) as string] = oneOf(field.oneOf, source[field.key]);
        return;
      }
      const read = readField(source[field.key], field.kind);
      if (read.problem && !problems.has(field.key)) problems.set(field.key, read.problem);
      if (read.value !== undefined) item[CAMEL_KEYS.get(field.key) as string] = read.value;
    });
    const extra: Extra = {};
    Object.keys(source).forEach(key => {
      if (!known.has(key) && !UNSAFE_KEYS.has(key)) extra[key] = jsonSafe(source[key]);
    });
    if (Object.keys(extra).length) item.extra = extra;
    items.push(item);
  });
  if (skipped)
    issues.push({ column: spec.column, ...problem(N_('%s item(s) that are not objects were skipped'), skipped) });
  problems.forEach((found, key) => issues.push({ column: `${spec.column}.${key}`, ...found }));
  if (spec.sort) {
    const key = CAMEL_KEYS.get(spec.sort) as string;
    const date = (item: Record<string, unknown>) => (typeof item[key] === 'string' ? (item[key] as string) : '');
    // Chronological, undated first (where a chart skips them); newest first puts the undated last.
    items.sort(spec.newestFirst ? (a, b) => byText(date(b), date(a)) : (a, b) => byText(date(a), date(b)));
  }
  return items;
}

/** Detail columns with a list of their own, then those whose items join another's (columns.ts `mergeBy`). */
const LISTS = (DETAIL_COLUMNS as readonly DetailColumn[]).filter(spec => !spec.mergeBy);
const MERGED = (DETAIL_COLUMNS as readonly DetailColumn[]).filter(spec => spec.mergeBy);

/** The fields a merged column adds to the list it joins (contract key and model key), by that list's place. */
const MERGED_FIELDS = new Map<string, { column: string; keys: [string, string][] }>(
  MERGED.map(spec => [
    spec.model,
    {
      column: spec.column,
      keys: spec.fields
        .filter(f => f.key !== spec.mergeBy)
        .map((f): [string, string] => [f.key, CAMEL_KEYS.get(f.key) as string]),
    },
  ]),
);

const getAt = (root: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

/**
 * Each item of a merged column joins the item of `targets` whose `mergeBy` text is the same; its fields win over the
 * target's, its extra keys join the target's. Names repeated in both lists pair up in order (the second detail of a
 * name goes to the second contact of that name). A detail that names no item is dropped, with a note for the author:
 * the target list decides who is listed (a dataset may list only current contacts), and a detail alone has no title,
 * role or primary flag to show, only an e-mail or a phone, so showing it would list someone the list left out.
 */
function mergeInto(
  targets: Record<string, unknown>[],
  details: Record<string, unknown>[],
  spec: DetailColumn,
  issues: ParseIssue[],
): Record<string, unknown>[] {
  if (!details.length) return targets;
  const key = CAMEL_KEYS.get(spec.mergeBy as string) as string;
  // readText has trimmed both sides already.
  const slots = new Map<string, number[]>();
  targets.forEach((item, index) => {
    const name = item[key];
    if (typeof name === 'string') slots.set(name, [...(slots.get(name) ?? []), index]);
  });
  const merged = [...targets];
  let unmatched = 0;
  details.forEach(detail => {
    const name = detail[key];
    const index = typeof name === 'string' ? slots.get(name)?.shift() : undefined;
    if (index === undefined) {
      unmatched += 1;
      return;
    }
    const { [key]: _name, extra, ...fields } = detail;
    const target = merged[index];
    merged[index] = {
      ...target,
      ...fields,
      ...(extra ? { extra: { ...(target.extra as Extra | undefined), ...(extra as Extra) } } : {}),
    };
  });
  if (unmatched)
    issues.push({
      column: spec.column,
      ...problem(N_('%s item(s) name no contact of the contacts column and are not shown'), unmatched),
    });
  return merged;
}

/** Parses one row. The caller has checked that the required columns exist; their values may still be bad. */
export function parseRow(row: Row): ParsedCustomer | { issues: ParseIssue[]; profile?: undefined } {
  const issues: ParseIssue[] = [];
  const draft: Record<string, unknown> = {};
  readScalars(row, draft, issues);
  const id = draft.id;
  if (typeof id !== 'string' || !id) {
    issues.push({ column: 'customer_id', ...problem(N_('is empty: the row cannot be shown')) });
    return { issues };
  }
  LISTS.forEach(spec => {
    const items = readDetailItems(row, spec, issues);
    setAt(draft, spec.model, items);
    // Fields a merged column carries, found in the list itself: a dataset written before that column. They are
    // read (and redacted) as before, but they reach every viewer in the chart's query: the author is told.
    const moved = MERGED_FIELDS.get(spec.model);
    const carried = moved?.keys.filter(([, k]) => items.some(item => item[k] !== undefined)).map(([key]) => key);
    if (moved && carried?.length)
      issues.push({
        column: spec.column,
        ...problem(
          N_(
            "holds %s, which reach every viewer in the chart's query even with sensitive data off (this chart removes them only from the view): move them to %s, which is queried only when sensitive data is on",
          ),
          carried.join(', '),
          moved.column,
        ),
      });
  });
  MERGED.forEach(spec => {
    const targets = getAt(draft, spec.model) as Record<string, unknown>[];
    setAt(draft, spec.model, mergeInto(targets, readDetailItems(row, spec, issues), spec, issues));
  });
  if (draft.name === undefined) {
    issues.push({ column: 'customer_name', ...problem(N_('is empty: the id is shown instead')) });
    draft.name = id;
  }
  if (
    !issues.some(i => i.column === 'current_arr') &&
    (draft.revenue as { currentArr?: number }).currentArr === undefined
  )
    issues.push({ column: 'current_arr', ...problem(N_('is empty')) });
  // Every group of the model exists, even with none of its columns; no key holds undefined. The draft has the
  // CustomerProfile's shape by construction, which columns.ts checks at compile time place by place.
  GROUPS.forEach(group => {
    if (!draft[group]) draft[group] = {};
  });
  return { profile: draft as unknown as CustomerProfile, issues };
}

/**
 * The row without the columns the permissions hide: never read, so nothing of them can join a list that stays (a
 * hidden `contact_details` is not merged into `contacts`). They are not queried either; this holds for rows from
 * elsewhere.
 */
function withoutHidden(row: Row, hidden: Set<string>): Row {
  if (!hidden.size || !Object.keys(row).some(key => hidden.has(key))) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !hidden.has(key)));
}

/**
 * Rows keyed by contract column -> customers: the one missing-column check, the parse, and the redaction.
 * `columnNames` are the result's column names (the first row's keys when not given). With `permissions`, the columns
 * they hide are neither required nor reported on, and every profile is redacted before anything can read it.
 * Rows without a customer id are skipped with an issue; a repeated id keeps its first row.
 */
export function parseRows(
  rows: readonly Row[],
  columnNames?: readonly string[],
  permissions?: Permissions,
): ParseResult {
  const hidden = permissions ? hiddenColumns(permissions) : new Set<string>();
  const names = columnNames ?? (rows.length ? Object.keys(rows[0]) : undefined);
  if (names) {
    const present = new Set(names);
    const missingColumns = REQUIRED_COLUMNS.filter(column => !hidden.has(column) && !present.has(column));
    if (missingColumns.length) return { status: 'error', missingColumns };
  }
  if (!rows.length) return { status: 'empty' };
  const customers: ParsedCustomer[] = [];
  const issues: ParseIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const parsed = parseRow(withoutHidden(row && typeof row === 'object' ? row : {}, hidden));
    if (!parsed.profile) {
      issues.push({ column: 'customer_id', ...problem(N_('row %s has no customer id and is not shown'), index + 1) });
      return;
    }
    if (seen.has(parsed.profile.id)) {
      issues.push({
        column: 'customer_id',
        ...problem(N_('row %s repeats a customer id and is not shown'), index + 1),
      });
      return;
    }
    seen.add(parsed.profile.id);
    customers.push(
      permissions
        ? {
            profile: redactProfile(parsed.profile, permissions),
            issues: parsed.issues.filter(issue => !hidden.has(issue.column.split('.')[0])),
          }
        : parsed,
    );
  });
  if (!customers.length) return { status: 'empty' };
  return { status: 'ok', customers, issues };
}
