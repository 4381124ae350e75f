/**
 * What the chart's author and its viewers get from the contacts' e-mails and phones: from `contact_details` only
 * with sensitive data on, in the Contacts tab as before; from a saved dataset whose `contacts` still carries them,
 * nothing shown with sensitive data off, and a note for the author that they travel in the query all the same.
 */
import { screen, within } from '@testing-library/dom';
import { setLocale } from '../../src/i18n';
import { chartProps, fixToday, renderChart } from '../support/render';
import { acmeRow, savedContactsRow } from '../support/fixtures';

fixToday();
afterEach(() => setLocale(undefined));

const CONTACTS = { default_tab: 'contacts' as const };
/** As explore saves a chart on a dataset with the column: the mapping control names it. */
const MAPPED = { column_contact_details: 'contact_details' };
const EMAILS = ['jane.doe@acme.example.com', 'bob.lee@acme.example.com'];
const notesOf = async (pattern: RegExp) => (await screen.findByText(pattern)).closest('details') as HTMLElement;

describe('a dataset with contact_details', () => {
  it.each`
    description                           | formData                                                 | shown
    ${'sensitive data off (the default)'} | ${{ ...CONTACTS, ...MAPPED }}                            | ${false}
    ${'sensitive data on'}                | ${{ ...CONTACTS, ...MAPPED, show_sensitive_data: true }} | ${true}
  `('$description: the Contacts tab shows the e-mails only when on', async ({ formData, shown }) => {
    renderChart({ formData });
    // The tab's chunk loads on first use: a busy machine takes longer than the default second.
    const heading = await screen.findByRole('heading', { name: 'Jane Doe' }, { timeout: 10_000 });
    const jane = heading.closest('li') as HTMLElement;
    expect(!!within(jane).queryByRole('link', { name: 'Email Jane Doe at jane.doe@acme.example.com' })).toBe(shown);
    EMAILS.forEach(email => expect([email, document.body.innerHTML.includes(email)]).toEqual([email, shown]));
  });

  it('mapped under another name, it is read from that column', () => {
    const { contact_details: details, ...row } = acmeRow;
    const props = chartProps({
      rows: [{ ...row, people_private: details }],
      formData: { show_sensitive_data: true, column_contact_details: 'people_private' },
    });
    expect(props.model.status === 'ok' && props.model.customers[0].profile.contacts[1]).toMatchObject({
      name: 'Bob Lee',
      email: 'bob.lee@acme.example.com',
      phone: '+1 415 555 0112',
    });
  });

  it('gives no note about contacts', async () => {
    renderChart({ formData: { ...MAPPED, show_sensitive_data: true } });
    expect(screen.queryByText(/Data notes for the chart author/)).toBeNull();
  });
});

describe('a saved dataset whose contacts carry e-mails and phones', () => {
  const NOTE =
    "contacts: holds email, phone, which reach every viewer in the chart's query even with sensitive data off (this chart removes them only from the view): move them to contact_details, which is queried only when sensitive data is on";

  it('sensitive data off: none is shown, and the author is told they still travel in the query', async () => {
    renderChart({ rows: [savedContactsRow], formData: CONTACTS });
    const notes = await notesOf(/Data notes for the chart author/);
    expect(notes.textContent).toContain(NOTE);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    EMAILS.forEach(email => expect([email, document.body.innerHTML.includes(email)]).toEqual([email, false]));
  });

  it('sensitive data on: shown as before, and the note is there too (turning it off would not stop them)', async () => {
    renderChart({ rows: [savedContactsRow], formData: { ...CONTACTS, show_sensitive_data: true } });
    expect((await notesOf(/Data notes for the chart author \(1\)/)).textContent).toContain(NOTE);
    expect(await screen.findByRole('link', { name: 'Email Jane Doe at jane.doe@acme.example.com' })).toBeTruthy();
  });

  it('the note is in Russian for a Russian author', async () => {
    setLocale('ru');
    renderChart({ rows: [savedContactsRow], formData: { show_sensitive_data: true } });
    const notes = await notesOf(/Замечания к данным для автора диаграммы/);
    expect(notes.textContent).toContain(
      'contacts: содержит email, phone: они доходят до каждого зрителя в запросе диаграммы, даже когда конфиденциальные данные скрыты',
    );
    expect(notes.textContent).toContain('перенесите их в contact_details');
  });

  it('is not shown to the viewers of a dashboard', () => {
    renderChart({ rows: [savedContactsRow], formData: { dashboardId: 7 } as never });
    expect(screen.queryByText(/Data notes for the chart author/)).toBeNull();
  });
});
