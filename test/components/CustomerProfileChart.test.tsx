import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { act, chartProps, fixToday, render, renderChart, withTheme } from '../support/render';
import CustomerProfileChart from '../../src/components/CustomerProfileChart';
import { SAMPLE_THEMES } from '../../src/theme/tokens';
import { captureDownloads } from '../support/downloads';
import { acmeRow, FINANCIAL_VALUES, rowWith, SENSITIVE_VALUES } from '../support/fixtures';
import { ALICE, ANONYMOUS, BOB, bootstrapUser, entryKey, GUEST, signedIn } from '../support/session';

fixToday();
// Alice is signed in to Superset: the watchlist and edits are kept for her.
signedIn();

const card = (name: string) => within(screen.getByRole('region', { name }));
const tab = (name: string) => screen.getByRole('tab', { name });

describe('header', () => {
  it('shows name, segment • industry • place, and the CSM with a mail link', () => {
    renderChart();
    expect(screen.getByRole('heading', { name: 'Acme Corporation' })).toBeTruthy();
    expect(screen.getByText('Enterprise • Technology • San Francisco, North America')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'john.smith@example.com' });
    expect(link.getAttribute('href')).toBe('mailto:john.smith@example.com');
  });

  it('quick actions: email the CSM, the website, and a CRM link from the template', () => {
    renderChart({ formData: { crm_url_template: 'https://crm.example.com/accounts/{customer_id}' } });
    expect(screen.getByRole('link', { name: 'Email CSM' }).getAttribute('href')).toBe('mailto:john.smith@example.com');
    expect(screen.getByRole('link', { name: 'Website' }).getAttribute('href')).toBe('https://acme.example.com/');
    expect(screen.getByRole('link', { name: 'Open in CRM' }).getAttribute('href')).toBe(
      'https://crm.example.com/accounts/ACME-001',
    );
  });

  it('an unsafe CRM template or website gives no link', () => {
    renderChart({
      rows: [rowWith({ website: 'javascript:alert(1)' })],
      formData: { crm_url_template: 'javascript:alert("{customer_id}")' },
    });
    expect(screen.queryByRole('link', { name: 'Open in CRM' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Website' })).toBeNull();
  });

  it('a website or CRM link that would not go where it reads gives no link; the website is still shown as text', () => {
    const website = 'https://bank.example.com@evil.example/login';
    renderChart({
      rows: [rowWith({ website })],
      formData: { crm_url_template: 'https://crm.example.com/accounts/{customer_id}' },
    });
    expect(screen.queryByRole('link', { name: 'Website' })).toBeNull();
    expect(screen.getByText(website).closest('a')).toBeNull();
    expect(document.querySelector('a[href*="evil"]')).toBeNull();
  });

  it('a customer id of ".." never moves the CRM link up a level: no link', () => {
    renderChart({
      rows: [rowWith({ customer_id: '..' })],
      formData: { crm_url_template: 'https://crm.example.com/accounts/{customer_id}/view' },
    });
    expect(screen.queryByRole('link', { name: 'Open in CRM' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Website' })).toBeTruthy();
  });

  it.each`
    control                 | name
    ${'show_watchlist'}     | ${'☆ Add to watchlist'}
    ${'show_export'}        | ${'Export'}
    ${'show_quick_actions'} | ${'Email CSM'}
  `('$control off removes "$name"', ({ control, name }) => {
    renderChart({ formData: { [control]: false } });
    expect(screen.queryByText(name)).toBeNull();
  });
});

describe('alert banner', () => {
  it('lists the active alerts, most severe first', () => {
    renderChart();
    const items = within(screen.getByRole('list', { name: 'Alerts' })).getAllByRole('listitem');
    expect(items.map(item => item.getAttribute('data-alert'))).toEqual(['health_critical', 'renewal_urgent']);
    expect(items[0].textContent).toContain('Health score critical (45)');
    expect(items[1].textContent).toContain('Renewal in 25 days');
  });

  it('shows the rule behind an alert on keyboard focus', async () => {
    renderChart();
    const [first] = within(screen.getByRole('list', { name: 'Alerts' })).getAllByRole('listitem');
    act(() => first.focus());
    await waitFor(() =>
      expect(screen.getByRole('tooltip').textContent).toBe('Health score 45 is below the critical threshold 50'),
    );
  });

  it('follows the thresholds and the show_alerts control', () => {
    renderChart({ formData: { health_critical_threshold: 40, renewal_urgent_days: 20 } });
    expect(screen.queryByRole('list', { name: 'Alerts' })).toBeNull();
  });

  it('is hidden when show_alerts is off', () => {
    renderChart({ formData: { show_alerts: false } });
    expect(screen.queryByRole('list', { name: 'Alerts' })).toBeNull();
  });
});

describe('KPI cards', () => {
  it('show the seed example', () => {
    renderChart();
    card('ARR').getByText('$250,000');
    card('ARR').getByText('▲ +15% YoY');
    card('Health').getByText('45/100');
    card('Health').getByText('Critical');
    card('Products').getByText('3 active');
    card('Products').getByText('CRM, BI, API');
    card('Renewal').getByText('25 days');
    card('Renewal').getByText(/Urgent/);
  });

  it('label growth by the column it came from', () => {
    renderChart({ rows: [rowWith({ arr_growth_yoy: null, arr_growth_mom: -2.5 })] });
    card('ARR').getByText('▼ -2.5% MoM');
  });

  it('say quietly when data is missing, never NaN, Invalid Date or $0', () => {
    const { container } = renderChart({
      rows: [{ customer_id: 'S-1', customer_name: 'Sparse Ltd', current_arr: null, renewal_date: 'soon' }],
    });
    expect(card('ARR').getByText('No data')).toBeTruthy();
    expect(card('Renewal').getByText('No data')).toBeTruthy();
    expect(container.textContent).not.toMatch(/NaN|Invalid Date|\$0\b/);
  });

  it('without financial data, there is no ARR card and no Revenue tab', () => {
    const { container } = renderChart({ formData: { show_financial_data: false } });
    expect(screen.queryByRole('region', { name: 'ARR' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Revenue History' })).toBeNull();
    FINANCIAL_VALUES.forEach(value => expect(container.innerHTML).not.toContain(value));
  });

  it('without sensitive data (the default), no sensitive value is in the page', () => {
    const { container } = renderChart();
    SENSITIVE_VALUES.forEach(value => expect(container.innerHTML).not.toContain(value));
    expect(screen.queryByText('INN')).toBeNull();
  });

  it('with sensitive data on, Company Information shows legal name and INN', () => {
    renderChart({ formData: { show_sensitive_data: true } });
    within(screen.getByRole('region', { name: 'Company information' })).getByText('7707083893');
  });
});

describe('tabs', () => {
  it('show all seven in the seed order and switch on click, loading panels lazily', async () => {
    renderChart();
    expect(screen.getAllByRole('tab').map(t => t.textContent)).toEqual([
      'Overview',
      'Products & Usage',
      'Revenue History',
      'Health & Risk',
      'Activity Timeline',
      'Contacts',
      'Documents',
    ]);
    fireEvent.click(tab('Health & Risk'));
    expect(await screen.findByText(/pulls the score down most/)).toBeTruthy();
    expect(tab('Health & Risk').getAttribute('aria-selected')).toBe('true');
  });

  it('only visible_tabs, in the seed order whatever their order in the control', () => {
    renderChart({ formData: { visible_tabs: ['documents', 'overview', 'contacts'] } });
    expect(screen.getAllByRole('tab').map(t => t.textContent)).toEqual(['Overview', 'Contacts', 'Documents']);
  });

  it('default_tab opens first, falling back to the first visible tab', async () => {
    renderChart({ formData: { default_tab: 'contacts' } });
    expect(tab('Contacts').getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Jane Doe')).toBeTruthy();
  });

  it('a default tab that is not visible falls back to the first visible one', () => {
    renderChart({ formData: { default_tab: 'revenue', visible_tabs: ['health', 'documents'] } });
    expect(tab('Health & Risk').getAttribute('aria-selected')).toBe('true');
  });

  it('an empty tab tells the chart author which column feeds it', async () => {
    renderChart({ rows: [rowWith({ documents: null })], formData: { default_tab: 'documents' } });
    expect((await screen.findByRole('status')).textContent).toContain('documents');
  });

  it('no visible tab at all is explained', () => {
    renderChart({ formData: { visible_tabs: [] } });
    expect(screen.getByText(/No tab is visible/)).toBeTruthy();
  });
});

describe('watchlist', () => {
  it('persists per customer and survives a remount', () => {
    const first = renderChart();
    fireEvent.click(screen.getByRole('button', { name: '☆ Add to watchlist' }));
    expect(screen.getByRole('button', { name: '★ On watchlist' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.localStorage.getItem(entryKey('watchlist', 'ACME-001'))).toBe('true');
    first.unmount();
    renderChart();
    expect(screen.getByRole('button', { name: '★ On watchlist' })).toBeTruthy();
  });

  it('degrades with a message when storage is unavailable', () => {
    const spy = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    renderChart();
    fireEvent.click(screen.getByRole('button', { name: '☆ Add to watchlist' }));
    expect(screen.getByText(/does not allow saving/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '★ On watchlist' })).toBeTruthy();
    spy.mockRestore();
  });

  it('a malformed stored entry is reset with a message', () => {
    window.localStorage.setItem(entryKey('watchlist', 'ACME-001'), '{not json');
    renderChart();
    expect(screen.getByText(/unreadable and has been reset/)).toBeTruthy();
    expect(window.localStorage.getItem(entryKey('watchlist', 'ACME-001'))).toBeNull();
  });
});

describe('export', () => {
  const downloads = captureDownloads();

  const choose = async (item: string) => {
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(await screen.findByText(item));
  };

  it('JSON holds the redacted profile: visible values, never a hidden one', async () => {
    renderChart();
    await choose('Export JSON');
    const json = JSON.parse((await downloads.texts())[0]);
    expect(json.profile.name).toBe('Acme Corporation');
    expect(json.profile.revenue.currentArr).toBe(250000);
    expect(json.alerts.map((a: { kind: string }) => a.kind)).toEqual(['health_critical', 'renewal_urgent']);
    SENSITIVE_VALUES.forEach(value => expect(JSON.stringify(json)).not.toContain(value));
  });

  it('CSV has a field,value line per value, and no financial value when hidden', async () => {
    renderChart({ formData: { show_financial_data: false } });
    await choose('Export CSV');
    const csv = (await downloads.texts())[0];
    expect(csv.split('\r\n')[0]).toBe('field,value');
    expect(csv).toContain('name,Acme Corporation');
    expect(csv).not.toMatch(/250000|1200000|INV-1001/);
  });

  it('the print view lays out every visible tab one after another', async () => {
    renderChart({ formData: { visible_tabs: ['overview', 'health', 'contacts'] } });
    await choose('Print view');
    const print = await screen.findByRole('region', { name: 'Print view' });
    expect(
      within(print)
        .getAllByRole('heading', { level: 2 })
        .map(h => h.textContent),
    ).toEqual(['Overview', 'Health & Risk', 'Contacts']);
    expect(await within(print).findByText('Jane Doe')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close print view' }));
    expect(screen.queryByRole('region', { name: 'Print view' })).toBeNull();
  });
});

describe('editing', () => {
  const downloads = captureDownloads();

  it('is absent unless allowed', () => {
    renderChart();
    expect(screen.queryByText('Notes & next steps')).toBeNull();
  });

  it('notes and fields are kept per customer, marked, exported and discardable', async () => {
    const first = renderChart({ formData: { allow_editing: true } });
    fireEvent.click(screen.getByText('Add notes or edits'));
    fireEvent.change(screen.getByLabelText('Next steps'), { target: { value: 'Book the QBR' } });
    fireEvent.change(screen.getByLabelText('Industry'), { target: { value: 'Software' } });
    fireEvent.click(screen.getByText('Save locally'));
    expect(screen.getByText('Book the QBR')).toBeTruthy();
    expect(screen.getAllByText('Local edit').length).toBeGreaterThanOrEqual(2);
    first.unmount();
    renderChart({ formData: { allow_editing: true } });
    expect(screen.getByText('Book the QBR')).toBeTruthy();
    fireEvent.click(screen.getByText('Export'));
    fireEvent.click(await screen.findByText('Export JSON'));
    const [text] = await downloads.texts();
    expect(JSON.parse(text).local_edits).toEqual({ next_steps: 'Book the QBR', industry: 'Software' });
    fireEvent.click(screen.getByText('Discard local edits'));
    expect(screen.queryByText('Book the QBR')).toBeNull();
    expect(window.localStorage.getItem(entryKey('edits', 'ACME-001'))).toBeNull();
  });
});

describe('a shared browser', () => {
  const NOTE = 'Alice: call the CFO about the renewal';
  const addNote = () => {
    fireEvent.click(screen.getByText('Add notes or edits'));
    fireEvent.change(screen.getByLabelText('Next steps'), { target: { value: NOTE } });
    fireEvent.click(screen.getByText('Save locally'));
    fireEvent.click(screen.getByRole('button', { name: '☆ Add to watchlist' }));
  };
  const editing = { allow_editing: true };

  it('the next user sees none of the notes or the watchlist the last one kept; the first sees them again', () => {
    const alice = renderChart({ formData: editing });
    addNote();
    alice.unmount();
    bootstrapUser(BOB);
    const bob = renderChart({ formData: editing });
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(screen.getByRole('button', { name: '☆ Add to watchlist' })).toBeTruthy();
    bob.unmount();
    bootstrapUser(ALICE);
    renderChart({ formData: editing });
    expect(screen.getByText(NOTE)).toBeTruthy();
    expect(screen.getByRole('button', { name: '★ On watchlist' })).toBeTruthy();
  });

  it('another dataset whose customer has the same id shows none of them', () => {
    const first = renderChart({ formData: editing });
    addNote();
    expect(screen.getByText(NOTE)).toBeTruthy();
    first.unmount();
    renderChart({ formData: { ...editing, datasource: '2__table' } });
    expect(screen.getByRole('heading', { name: 'Acme Corporation' })).toBeTruthy();
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(screen.getByRole('button', { name: '☆ Add to watchlist' })).toBeTruthy();
  });

  it.each`
    who                                   | user
    ${'an anonymous viewer'}              | ${ANONYMOUS}
    ${'a guest of an embedded dashboard'} | ${GUEST}
  `('$who: changes hold for the page, nothing is stored, and saying so on use', ({ user }) => {
    bootstrapUser(user);
    const first = renderChart({ formData: editing });
    expect(screen.queryByText(/not signed in/)).toBeNull();
    addNote();
    expect(screen.getByText(NOTE)).toBeTruthy();
    expect(screen.getByRole('button', { name: '★ On watchlist' })).toBeTruthy();
    expect(screen.getAllByText(/not signed in: changes last until the page is closed/).length).toBeGreaterThan(0);
    expect(Object.keys(window.localStorage)).toEqual([]);
    first.unmount();
    renderChart({ formData: editing });
    expect(screen.queryByText(NOTE)).toBeNull();
  });

  it('entries of the first format (no user, no dataset) are shown to no one', () => {
    window.localStorage.setItem('customer-profile-360:watchlist:ACME-001', 'true');
    window.localStorage.setItem('customer-profile-360:edits:ACME-001', JSON.stringify({ next_steps: 'Old note' }));
    renderChart({ formData: editing });
    expect(screen.queryByText('Old note')).toBeNull();
    expect(screen.getByRole('button', { name: '☆ Add to watchlist' })).toBeTruthy();
  });
});

describe('states of the data', () => {
  it('several rows give a searchable customer switcher', async () => {
    renderChart({ rows: [acmeRow, rowWith({ customer_id: 'B-2', customer_name: 'Beta Industries' })] });
    const switcher = screen.getByRole('combobox');
    fireEvent.mouseDown(switcher);
    fireEvent.change(switcher, { target: { value: 'Beta' } });
    fireEvent.click(
      await screen.findByText('Beta Industries (B-2)', { selector: '.cp360-select-item-option-content' }),
    );
    expect(await screen.findByRole('heading', { name: 'Beta Industries' })).toBeTruthy();
  });

  it('no rows: a clear empty state', () => {
    renderChart({ rows: [], colnames: Object.keys(acmeRow) });
    expect(screen.getByText('No customer to show')).toBeTruthy();
  });

  it('missing required columns: a message for the chart author', () => {
    renderChart({ rows: [{ customer_id: 'x', customer_name: 'X' }] });
    expect(screen.getByRole('alert').textContent).toContain('current_arr');
  });

  it('values that could not be read, and exposed sensitive columns, are listed for the author', async () => {
    renderChart({ rows: [rowWith({ employee_count: 'many' })] });
    const notes = (await screen.findByText('Data notes for the chart author (2)')).closest('details') as HTMLElement;
    expect(notes.textContent).toContain('employee_count: expected a number, got text');
    expect(notes.textContent).toContain(
      'The dataset has columns this chart hides (legal_name, inn, address, phone, email, csm_phone, contact_details): anyone who can explore the dataset can read them.',
    );
  });
});

describe('a small dashboard tile', () => {
  it('keeps one header line: every action in one menu, and a tab chooser instead of a tab bar', async () => {
    renderChart({ width: 400, height: 300 });
    expect(screen.queryByText('☆ Add to watchlist')).toBeNull();
    fireEvent.click(screen.getByText('Actions'));
    expect(await screen.findByText('Export JSON')).toBeTruthy();
    fireEvent.click(screen.getByText('☆ Add to watchlist'));
    expect(window.localStorage.getItem(entryKey('watchlist', 'ACME-001'))).toBe('true');
    const chooser = screen.getByLabelText('Tab') as HTMLSelectElement;
    expect(Array.from(chooser.options).map(o => o.text)).toHaveLength(7);
    fireEvent.change(chooser, { target: { value: 'contacts' } });
    expect(await screen.findByText('Jane Doe')).toBeTruthy();
  });
});

describe('notes for the chart author', () => {
  it('are not shown to the viewers of a dashboard', () => {
    renderChart({ rows: [rowWith({ employee_count: 'many' })], formData: { dashboardId: 7 } as never });
    expect(screen.queryByText(/Data notes for the chart author/)).toBeNull();
  });
});

describe('the host theme', () => {
  it('from chartProps.theme wins over the emotion context, so a separately loaded bundle follows a dark host', () => {
    const { container } = render(withTheme(<CustomerProfileChart {...chartProps()} hostTheme={SAMPLE_THEMES.dark} />));
    const frame = container.querySelector('.customer-profile-360') as HTMLElement;
    expect(getComputedStyle(frame).backgroundColor).toBe('rgb(20, 20, 20)');
  });
});
