/**
 * The malformed-row corpus: for every contract column, each kind of bad value it can meet in the wild, on top of the
 * otherwise valid Acme row. Named cases, so a failure says which column and which value broke.
 */
import { DETAIL_COLUMNS, SCALAR_COLUMNS } from '../../src/model/columns';
import { acmeRow } from './fixtures';

export interface CorpusCase {
  description: string;
  row: Record<string, unknown>;
  /** The tab that shows the column, so the render exercises it. */
  tab: string;
  /** The broken column. */
  column?: string;
  /** The value cannot be read as the column's kind: the chart author must get a note naming the column. */
  unreadable: boolean;
}

const MEGABYTE = 'A'.repeat(1_000_000);
const RTL = 'شركة أكمي 🚀 עברית';

/** Values no kind of column can read. */
const UNREADABLE = new Set([
  'an object',
  'an invalid date',
  'a far-future date',
  'truncated JSON',
  'broken JSON',
  'a JSON object, not an array',
  'an array of scalars',
]);

const SCALAR_VALUES: [string, unknown][] = [
  ['null', null],
  ['an object', { nested: { deep: true } }],
  ['NaN', NaN],
  ['-Infinity', -Infinity],
  ['a 1 MB string', MEGABYTE],
  ['right-to-left and emoji text', RTL],
  ['a bigint', BigInt('123456789012345678901234567890')],
  ['thousands separators', '1,234,567.89'],
  ['a negative number', -42],
  ['an array', [1, 'two', null]],
];

const DATE_VALUES: [string, unknown][] = [
  ['epoch seconds', 1_700_000_000],
  ['epoch milliseconds', 1_700_000_000_000],
  ['a far-future date', '9999-12-31'],
  ['an invalid date', '2024-02-31'],
];

const DETAIL_VALUES: [string, unknown][] = [
  ['truncated JSON', '[{"a": 1}, {"b": '],
  ['broken JSON', '{not json'],
  ['a JSON object, not an array', '{"month": "2025-01-01", "arr": 5}'],
  ['an array of scalars', '[1, "two", null, true]'],
  ['objects with wrong types', [{ month: { x: 1 }, arr: 'lots', amount: [], score: NaN, date: 'never', type: 42 }]],
  ['duplicate keys in JSON text', '[{"title": "first", "title": "second", "url": "javascript:alert(1)"}]'],
  ['an empty string', ''],
];

/** The tab that shows a column: the tab of its group in the model; the Overview for the rest. */
const TAB_OF_GROUP: Record<string, string> = {
  revenue: 'revenue',
  products: 'products',
  health: 'health',
  activity: 'activity',
  contacts: 'contacts',
  documents: 'documents',
};
const tabOf = (model: string) => TAB_OF_GROUP[model.split('.')[0]] ?? 'overview';

export function buildCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add =
    (column: string, model: string) =>
    ([what, value]: [string, unknown]) =>
      cases.push({
        description: `${column}: ${what}`,
        row: { ...acmeRow, [column]: value },
        tab: tabOf(model),
        column,
        unreadable: UNREADABLE.has(what),
      });
  SCALAR_COLUMNS.forEach(({ column, kind, model }) =>
    (kind === 'date' ? [...SCALAR_VALUES.slice(0, 4), ...DATE_VALUES] : SCALAR_VALUES).forEach(add(column, model)),
  );
  DETAIL_COLUMNS.forEach(({ column, model }) => DETAIL_VALUES.forEach(add(column, model)));
  // Every field null at once, and every field the wrong type at once.
  const allNull = Object.fromEntries(Object.keys(acmeRow).map(key => [key, null]));
  cases.push({ description: 'every field null', row: allNull, tab: 'overview', unreadable: false });
  cases.push({
    description: 'every field an object',
    row: Object.fromEntries(Object.keys(acmeRow).map(key => [key, { key }])),
    tab: 'overview',
    unreadable: false,
  });
  return cases;
}
