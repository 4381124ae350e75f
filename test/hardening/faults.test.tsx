/** Fault isolation: a failing tab shows an error panel in that tab; storage failures never break the chart. */
import { fireEvent, screen } from '@testing-library/dom';
import { fixToday, renderChart } from '../support/render';
import { entryKey, signedIn } from '../support/session';

// A panel that throws while rendering, as a panel would on data no test foresaw.
jest.mock('../../src/components/tabs/ContactsTab', () => ({
  __esModule: true,
  default: () => {
    throw new Error('unexpected data');
  },
}));

fixToday();
signedIn();

test('an error inside one tab stays in that tab', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  renderChart({ formData: { default_tab: 'contacts' } });
  expect(
    await screen.findByText('Contacts could not be shown because of an unexpected error in its data.'),
  ).toBeTruthy();
  // The rest of the chart works: header, alerts, and the other tabs.
  expect(screen.getByText('Acme Corporation')).toBeTruthy();
  fireEvent.click(screen.getByText('Documents'));
  expect(await screen.findByText('Master Services Agreement')).toBeTruthy();
  errors.mockRestore();
});

test('full storage: the watchlist still toggles, with a message', () => {
  const spy = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  });
  renderChart();
  fireEvent.click(screen.getByText('☆ Add to watchlist'));
  expect(screen.getByText('★ On watchlist')).toBeTruthy();
  expect(screen.getByText(/storage is full/)).toBeTruthy();
  spy.mockRestore();
});

test('no storage at all (a sandboxed frame): the chart renders and says so on use', () => {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get: () => {
      throw new Error('SecurityError');
    },
  });
  try {
    renderChart();
    expect(screen.getByText('Acme Corporation')).toBeTruthy();
    fireEvent.click(screen.getByText('☆ Add to watchlist'));
    expect(screen.getAllByText(/does not allow saving/).length).toBeGreaterThan(0);
  } finally {
    if (original) Object.defineProperty(window, 'localStorage', original);
  }
});

test('malformed edits in storage are reset with a message', () => {
  window.localStorage.setItem(entryKey('edits', 'ACME-001'), JSON.stringify({ notes: { not: 'text' } }));
  renderChart({ formData: { allow_editing: true } });
  expect(screen.getByText(/unreadable and has been reset/)).toBeTruthy();
  expect(window.localStorage.getItem(entryKey('edits', 'ACME-001'))).toBeNull();
});
