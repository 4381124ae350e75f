/**
 * With show_financial_data or show_sensitive_data off, no hidden value appears anywhere a person or a script could
 * read it: the model, DOM text and attributes (href, title, aria-*) of every tab in the print view, both exports,
 * console output and browser storage. The columns come from the contract table (columns.ts), never typed again here:
 * a column marked sensitive or financial there is covered here by that mark alone.
 */
import { fireEvent, screen, waitFor } from '@testing-library/dom';
import { DETAIL_COLUMNS, DetailColumn, Guard, GUARDED_FIELDS, SCALAR_COLUMNS } from '../../src/model/columns';
import { chartProps, fixToday, renderChart } from '../support/render';
import { captureDownloads } from '../support/downloads';
import { acmeRow } from '../support/fixtures';
import { signedIn } from '../support/session';
import type { CustomerProfileFormData } from '../../src/plugin/formData';

fixToday();
// Signed in, so the watchlist is kept in storage, and storage is one of the places searched.
signedIn();

interface Marked {
  column: string;
  guard: Guard;
  value: unknown;
  /** How the value could show: as given, or formatted. */
  traces: string[];
}

/** A value of the kind that is unmistakable wherever it shows, formatted or not. */
function markerOf(kind: string, column: string, index: number): { value: unknown; traces: string[] } {
  if (kind === 'number' || kind === 'integer') {
    const n = 777_100 + index;
    return { value: n, traces: [String(n), n.toLocaleString('en-US')] };
  }
  if (kind === 'date') {
    const year = String(1930 + index);
    return { value: `${year}-07-04`, traces: [year] };
  }
  const text = `SECRET${column.replace(/[^a-z]/gi, '')}`;
  return { value: text, traces: [text] };
}

/** Detail columns with a list of their own (contact_details joins the contacts'). */
const LISTS = (DETAIL_COLUMNS as readonly DetailColumn[]).filter(spec => !spec.mergeBy);
/** Extra keys that look personal, as datasets name them. */
const PERSONAL_KEYS = ['contact_email', 'home_phone', 'signer_email', 'mobile', 'personal_email'];

/** The column whose list a merged column (contact_details) joins, and the item its marked item names. */
function joinedItem(spec: DetailColumn): Record<string, unknown> {
  const target = (DETAIL_COLUMNS as readonly DetailColumn[]).find(d => !d.mergeBy && d.model === spec.model);
  const items = acmeRow[target?.column ?? ''] as Record<string, unknown>[];
  // The last one: the guarded keys of the list itself are marked in its first item.
  return items[items.length - 1];
}

/** Every guarded column and guarded detail key of the table, each with its own marker. */
function markedColumns(): Marked[] {
  const marked: Marked[] = [];
  SCALAR_COLUMNS.forEach(spec => {
    if ('guard' in spec)
      marked.push({ column: spec.column, guard: spec.guard, ...markerOf(spec.kind, spec.column, marked.length) });
  });
  (DETAIL_COLUMNS as readonly DetailColumn[]).forEach(spec => {
    if (!spec.guard) return;
    const item: Record<string, unknown> = {};
    const traces: string[] = [];
    spec.fields.forEach(field => {
      // A merged column's item names an existing item, or it would be dropped; that name is the item's, not hidden.
      if (field.key === spec.mergeBy) {
        item[field.key] = joinedItem(spec)[field.key];
        return;
      }
      const marker = markerOf(field.kind, `${spec.column}${field.key}`, marked.length + traces.length);
      item[field.key] = marker.value;
      traces.push(...marker.traces);
    });
    marked.push({ column: spec.column, guard: spec.guard, value: [item], traces });
  });
  // Keys guarded inside a column guarded as a whole by the same guard are marked with it, above.
  const guardOf = (column: string) => (DETAIL_COLUMNS as readonly DetailColumn[]).find(d => d.column === column)?.guard;
  GUARDED_FIELDS.filter(({ column, guard }) => guardOf(column) !== guard).forEach(({ column, key, guard }) => {
    const marker = markerOf('text', `${column}${key}`, marked.length);
    marked.push({ column: `${column}.${key}`, guard, ...marker });
  });
  // Keys beyond the contract that look personal, in every list (one of them nested): sensitive, by their look.
  LISTS.forEach((spec, index) => {
    const key = PERSONAL_KEYS[index % PERSONAL_KEYS.length];
    const { value, traces } = markerOf('text', `${spec.column}${key}`, marked.length);
    marked.push(
      index === 0
        ? { column: `${spec.column}.approval`, guard: 'sensitive', value: { [key]: value, step: 2 }, traces }
        : { column: `${spec.column}.${key}`, guard: 'sensitive', value, traces },
    );
  });
  return marked;
}

const MARKED = markedColumns();

/** Acme, with every guarded value replaced by its marker (guarded and personal detail keys go into a first item). */
function markedRow(): Record<string, unknown> {
  const row: Record<string, unknown> = { ...acmeRow };
  MARKED.forEach(({ column, value }) => {
    const [detail, key] = column.split('.');
    if (!key) row[column] = value;
    else {
      const list = typeof row[detail] === 'string' ? JSON.parse(row[detail] as string) : row[detail];
      const [first, ...rest] = list as Record<string, unknown>[];
      row[detail] = [{ ...first, [key]: value }, ...rest];
    }
  });
  return row;
}

const cases: { guard: Guard; formData: Partial<CustomerProfileFormData> }[] = [
  { guard: 'sensitive', formData: { show_sensitive_data: false, show_financial_data: true, allow_editing: true } },
  { guard: 'financial', formData: { show_financial_data: false, show_sensitive_data: true, allow_editing: true } },
];

test('the table marks columns of both guards, and each guarded detail key', () => {
  expect(MARKED.filter(m => m.guard === 'sensitive').map(m => m.column)).toEqual(
    expect.arrayContaining(['inn', 'csm_phone', 'contacts.email', 'contacts.phone', 'contact_details']),
  );
  expect(MARKED.filter(m => m.guard === 'financial').map(m => m.column)).toEqual(
    expect.arrayContaining(['current_arr', 'payments', 'invoices']),
  );
});

describe.each(cases)('$guard data off', ({ guard, formData }) => {
  const hidden = MARKED.filter(m => m.guard === guard);
  const downloads = captureDownloads();
  let console$: jest.SpyInstance[];
  beforeEach(() => {
    console$ = (['log', 'info', 'warn', 'error', 'debug'] as const).map(level =>
      jest.spyOn(console, level).mockImplementation(() => undefined),
    );
  });
  afterEach(() => console$.forEach(spy => spy.mockRestore()));

  it('the markers are real: with the permission on, each reaches the model', () => {
    const shown = guard === 'sensitive' ? { show_sensitive_data: true } : { show_financial_data: true };
    const model = JSON.stringify(chartProps({ rows: [markedRow()], formData: { ...formData, ...shown } }).model);
    hidden.forEach(({ column, traces }) => expect([column, model.includes(traces[0])]).toEqual([column, true]));
  });

  it('no hidden column is in the model', () => {
    const model = JSON.stringify(chartProps({ rows: [markedRow()], formData }).model);
    hidden.forEach(({ column, traces }) =>
      traces.forEach(trace => expect([column, model.includes(trace)]).toEqual([column, false])),
    );
  });

  it('none appears in any tab of the print view, its attributes, both exports, the console or storage', async () => {
    const { container } = renderChart({ rows: [markedRow()], formData });
    fireEvent.click(screen.getByText('☆ Add to watchlist'));
    fireEvent.click(screen.getByText('Export'));
    fireEvent.click(await screen.findByText('Export JSON'));
    fireEvent.click(screen.getByText('Export'));
    fireEvent.click(await screen.findByText('Export CSV'));
    fireEvent.click(screen.getByText('Export'));
    fireEvent.click(await screen.findByText('Print view'));
    // Every visible tab has rendered its panel in the print view.
    await waitFor(() => expect(container.querySelectorAll('section h2').length).toBeGreaterThanOrEqual(6));
    await waitFor(() => expect(container.querySelector('.cp360-spin')).toBeNull());
    expect(container.textContent).toContain('Bob Lee');

    const places = {
      dom: document.body.innerHTML, // text and every attribute, portals included
      exports: (await downloads.texts()).join('\n'),
      console: console$.flatMap(spy => spy.mock.calls.map(args => args.map(String).join(' '))).join('\n'),
      storage: Object.keys(window.localStorage)
        .map(key => `${key}=${window.localStorage.getItem(key)}`)
        .join('\n'),
    };
    expect(downloads.count()).toBe(2);
    hidden.forEach(({ column, traces }) =>
      traces.forEach(trace =>
        Object.entries(places).forEach(([place, text]) =>
          expect([column, place, text.includes(trace)]).toEqual([column, place, false]),
        ),
      ),
    );
  });
});
