/**
 * With show_financial_data or show_sensitive_data off, no hidden value appears anywhere a person or a script could
 * read it: DOM text, attributes (href, title, aria-*), the print view, exports, console output, browser storage.
 */
import { fireEvent, screen, waitFor } from '@testing-library/dom';
import { fixToday, renderChart } from '../support/render';
import { acmeRow, FINANCIAL_VALUES, SENSITIVE_VALUES } from '../support/fixtures';

fixToday();

/** Amounts as they could appear: formatted ("250,000") or raw ("250000"). */
const financial = FINANCIAL_VALUES.flatMap(v => [v, v.replace(/,/g, '')]);

const cases = [
  { name: 'sensitive data off', formData: { show_sensitive_data: false, allow_editing: true }, hidden: SENSITIVE_VALUES },
  { name: 'financial data off', formData: { show_financial_data: false, show_sensitive_data: true, allow_editing: true }, hidden: financial },
];

describe.each(cases)('$name', ({ formData, hidden }) => {
  let console$: jest.SpyInstance[];
  let blobs: Blob[];
  beforeEach(() => {
    console$ = (['log', 'info', 'warn', 'error', 'debug'] as const).map(level => jest.spyOn(console, level).mockImplementation(() => undefined));
    blobs = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => undefined });
  });
  afterEach(() => console$.forEach(spy => spy.mockRestore()));

  const read = (blob: Blob) =>
    new Promise<string>(resolve => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });

  it('appears nowhere: every tab in the print view, attributes, exports, console and storage', async () => {
    const { container } = renderChart({ rows: [acmeRow], formData });
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
    expect(container.textContent).toContain('Jane Doe');

    const html = document.body.innerHTML; // text and every attribute, portals included
    const exports = await Promise.all(blobs.map(read));
    const logged = console$.flatMap(spy => spy.mock.calls.map(args => args.map(String).join(' '))).join('\n');
    const stored = Object.keys(window.localStorage)
      .map(key => `${key}=${window.localStorage.getItem(key)}`)
      .join('\n');
    expect(exports).toHaveLength(2);
    hidden.forEach(value => {
      expect(html).not.toContain(value);
      exports.forEach(text => expect(text).not.toContain(value));
      expect(logged).not.toContain(value);
      expect(stored).not.toContain(value);
    });
  });
});
