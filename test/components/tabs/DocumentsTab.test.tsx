import { screen, within } from '@testing-library/dom';
import DocumentsTab from '../../../src/components/tabs/DocumentsTab';
import { renderPanel } from '../../support/render';
import { rowWith, sparseRow } from '../../support/fixtures';

const NOTE = 'Link not shown: only http and https addresses open, without a user name, spaces or control characters';
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

const badDocument = (url: string) => ({
  title: 'Bad',
  type: 'contract',
  url,
  created_date: '2026-01-01',
  status: 'draft',
});

function expectOnlySafeLinks(container: HTMLElement) {
  container.querySelectorAll('a').forEach(a => expect(a.getAttribute('href') ?? '').toMatch(SAFE_HREF));
  container.querySelectorAll('[href]').forEach(el => expect(el.tagName).toBe('A'));
}

test('groups documents by type, with counts, in the contract order', () => {
  renderPanel(DocumentsTab);
  expect(screen.getAllByRole('heading').map(h => h.textContent)).toEqual([
    'Contracts (1)',
    'Proposals (1)',
    'Other documents (1)',
  ]);
  const contracts = screen.getByRole('heading', { name: 'Contracts (1)' }).closest('section') as HTMLElement;
  const item = within(contracts).getByRole('listitem');
  within(item).getByText('Jan 10, 2020');
  within(item).getByText('signed');
});

test('an http(s) document opens in a new tab, safely', () => {
  renderPanel(DocumentsTab);
  const link = screen.getByRole('link', { name: /Master Services Agreement/ });
  expect(link.getAttribute('href')).toBe('https://docs.example.com/acme/msa.pdf');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
});

test("the fixture's javascript: document is plain text with a note, and no link anywhere is unsafe", () => {
  const { container } = renderPanel(DocumentsTab);
  const title = screen.getByText('Suspicious link');
  expect(title.closest('a')).toBeNull();
  within(title.closest('li') as HTMLElement).getByText(NOTE);
  expect(screen.getAllByRole('link')).toHaveLength(2);
  expect(container.innerHTML).not.toMatch(/href="javascript/i);
  expectOnlySafeLinks(container);
});

test.each([
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  // Links that would not go where they read: a user name before the host, whitespace or a control character inside.
  'https://bank.example.com@evil.example/login',
  'https://docs.example.com/ac me.pdf',
  'https://docs.exa\u0000mple.com/msa.pdf',
  'https://docs.example.com/\u202efdp.exe',
])('%j produces no link', url => {
  const { container } = renderPanel(DocumentsTab, { row: rowWith({ documents: [badDocument(url)] }) });
  expect(screen.getByText('Bad').closest('a')).toBeNull();
  expect(container.querySelectorAll('a')).toHaveLength(0);
  screen.getByText(NOTE);
  expectOnlySafeLinks(container);
});

// Text without a scheme is read as a host name ("www.example.com"), so these may become https links: never more.
test.each(['&#106;avascript:alert(1)', '%6Aavascript:alert(1)', '//evil.example.com'])(
  '%j never becomes anything but an https link',
  url => {
    const { container } = renderPanel(DocumentsTab, { row: rowWith({ documents: [badDocument(url)] }) });
    container.querySelectorAll('a').forEach(a => expect(a.getAttribute('href')).toMatch(/^https:\/\//));
    expectOnlySafeLinks(container);
  },
);

test('a document without an address is plain text without a note', () => {
  renderPanel(DocumentsTab, { row: rowWith({ documents: [{ title: 'Offline copy', type: 'invoice' }] }) });
  screen.getByRole('heading', { name: 'Invoices (1)' });
  expect(screen.getByText('Offline copy').closest('a')).toBeNull();
  expect(screen.queryByText(NOTE)).toBeNull();
  // Created date and status are missing, and said so quietly.
  expect(screen.getAllByRole('note', { name: 'Not available' })).toHaveLength(2);
});

test('an untitled document with a safe address still has a link with a name', () => {
  renderPanel(DocumentsTab, {
    row: rowWith({ documents: [{ type: 'proposal', url: 'https://docs.example.com/p.pdf' }] }),
  });
  expect(screen.getByRole('link', { name: /Untitled document/ }).getAttribute('href')).toBe(
    'https://docs.example.com/p.pdf',
  );
});

test('works on a small tile', () => {
  renderPanel(DocumentsTab, { compact: true });
  expect(screen.getAllByRole('listitem')).toHaveLength(3);
});

test('names the documents column when there are none', () => {
  renderPanel(DocumentsTab, { row: sparseRow });
  expect(screen.getByRole('status').textContent).toContain('documents');
});
