/**
 * The README's data contract is the contract table of src/model/columns.ts, written for people: the same columns,
 * the same guards (\* sensitive, † financial), the same ranges and the same detail keys. A column added to one and
 * not the other fails here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  DETAIL_COLUMNS,
  DetailColumn,
  FINANCIAL_COLUMNS,
  GUARDED_FIELDS,
  SCALAR_COLUMNS,
  SENSITIVE_COLUMNS,
} from '../../src/model/columns';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const start = readme.indexOf('## The data contract');
const section = readme.slice(start, readme.indexOf('### SQL', start));
const [scalarPart, rest] = section.split('**Detail columns**');
const detailPart = rest.slice(0, rest.indexOf('Values are read'));

/** Rows of a markdown table: its cells, without the header and the rule. */
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter(line => line.startsWith('| ') && !line.startsWith('| group') && !line.startsWith('| column'))
    .map(line =>
      line
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim()),
    );

/** Each `name` in a cell, with the marks written right after it and the range in brackets. */
const named = (cell: string) =>
  [...cell.matchAll(/`([a-z_0-9]+)`(\\\*|†)?(?: \(([−\-\d]+)–(\d+)\))?/g)].map(([, name, mark, min, max]) => ({
    name,
    mark,
    range: min === undefined ? undefined : [Number(min.replace('−', '-')), Number(max)],
  }));

const scalars = tableRows(scalarPart).flatMap(([group, columns]) =>
  named(columns).map(c => ({ ...c, financialGroup: group.endsWith('†') })),
);
const details = tableRows(detailPart).map(([column, keys]) => ({ column: named(column)[0], keys: named(keys) }));

test('the scalar table names every scalar column of the contract, in its order', () => {
  expect(scalars.map(c => c.name)).toEqual(SCALAR_COLUMNS.map(c => c.column));
});

test('its marks are the guards: \\* sensitive, † financial (on the column or its group)', () => {
  expect(scalars.filter(c => c.mark === '\\*').map(c => c.name)).toEqual(
    SENSITIVE_COLUMNS.filter(c => scalars.some(s => s.name === c)),
  );
  expect(scalars.filter(c => c.mark === '†' || c.financialGroup).map(c => c.name)).toEqual(
    FINANCIAL_COLUMNS.filter(c => scalars.some(s => s.name === c)),
  );
});

test('the ranges it gives are the valid ranges of the table', () => {
  scalars
    .filter(c => c.range)
    .forEach(c => {
      const spec = SCALAR_COLUMNS.find(s => s.column === c.name);
      expect([
        c.name,
        spec && 'min' in spec ? spec.min : undefined,
        spec && 'max' in spec ? spec.max : undefined,
      ]).toEqual([c.name, ...(c.range as number[])]);
    });
});

test('the detail table names every detail column with its keys, guards and all', () => {
  expect(details.map(d => d.column.name)).toEqual(DETAIL_COLUMNS.map(d => d.column));
  details.forEach(({ column, keys }) => {
    const spec = DETAIL_COLUMNS.find(d => d.column === column.name);
    expect(keys.map(k => k.name)).toEqual(spec?.fields.map(f => f.key));
    expect(column.mark === '†').toBe(FINANCIAL_COLUMNS.includes(column.name));
    expect(column.mark === '\\*').toBe(SENSITIVE_COLUMNS.includes(column.name));
    expect(keys.filter(k => k.mark === '\\*').map(k => `${column.name}.${k.name}`)).toEqual(
      GUARDED_FIELDS.filter(f => f.column === column.name && f.guard === 'sensitive').map(f => `${f.column}.${f.key}`),
    );
  });
});

test("a merged column's fields are fields of the list it joins, of the same kind and guard, so its redaction covers them", () => {
  const merged = (DETAIL_COLUMNS as readonly DetailColumn[]).filter(spec => spec.mergeBy);
  expect(merged.map(spec => spec.column)).toEqual(['contact_details']);
  merged.forEach(spec => {
    const target = (DETAIL_COLUMNS as readonly DetailColumn[]).find(d => !d.mergeBy && d.model === spec.model);
    expect(target?.column).toBe('contacts');
    spec.fields.forEach(field =>
      expect([field.key, target?.fields.find(f => f.key === field.key)]).toEqual([
        field.key,
        expect.objectContaining({ kind: field.kind, ...(field.guard ? { guard: field.guard } : {}) }),
      ]),
    );
  });
});
