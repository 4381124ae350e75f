/**
 * The chart on a Superset dashboard, through the hooks Superset hands every chart (the same shapes as Superset's own
 * table chart): the cross-filter it emits and reads back, Superset's context menu, two charts on one page. The real
 * dashboard proves the same in test/superset/citizen.test.ts.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import type { ContextMenuFilters, DataMask } from '@superset-ui/core';
import { chartProps, fixToday, render, renderChart, withTheme } from '../support/render';
import CustomerProfileChart from '../../src/components/CustomerProfileChart';
import { acmeRow, rowWith } from '../support/fixtures';

fixToday();

const BETA = rowWith({ customer_id: 'B-2', customer_name: 'Beta Industries' });
const TWO = [acmeRow, BETA];

function dashboardHooks() {
  const masks: DataMask[] = [];
  const menus: { x: number; y: number; filters?: ContextMenuFilters }[] = [];
  return {
    masks,
    menus,
    hooks: {
      setDataMask: (mask: DataMask) => masks.push(mask),
      onContextMenu: (x: number, y: number, filters?: ContextMenuFilters) => menus.push({ x, y, filters }),
    },
  };
}

async function choose(label: string, scope: HTMLElement = document.body) {
  const switcher = within(scope).getByRole('combobox');
  fireEvent.mouseDown(switcher);
  const options = await screen.findAllByText(label, { selector: '.cp360-select-item-option-content' });
  fireEvent.click(options[options.length - 1]);
}

const acmeFilter = (col = 'customer_id') => ({
  extraFormData: { filters: [{ col, op: 'IN', val: [acmeRow.customer_id] }] },
  filterState: {
    value: [acmeRow.customer_id],
    selectedValues: [acmeRow.customer_id],
    label: acmeRow.customer_name,
    filters: { [col]: [acmeRow.customer_id] },
  },
});
const CLEARED = {
  extraFormData: { filters: [] },
  filterState: { value: null, selectedValues: null, label: null, filters: null },
};

describe('cross-filters out', () => {
  it('choosing a customer in the switcher filters the dashboard by it, labelled with its name', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: TWO, dashboard: { hooks: spy.hooks, emitCrossFilters: true } });
    await choose('Beta Industries (B-2)');
    expect(spy.masks).toEqual([
      {
        extraFormData: { filters: [{ col: 'customer_id', op: 'IN', val: ['B-2'] }] },
        filterState: {
          value: ['B-2'],
          selectedValues: ['B-2'],
          label: 'Beta Industries',
          filters: { customer_id: ['B-2'] },
        },
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Beta Industries' })).toBeTruthy();
  });

  it('choosing the filtered customer again clears the filter', async () => {
    const spy = dashboardHooks();
    renderChart({
      rows: TWO,
      dashboard: { hooks: spy.hooks, emitCrossFilters: true, filterState: { value: [acmeRow.customer_id] } },
    });
    await choose(`${acmeRow.customer_name} (${acmeRow.customer_id})`);
    expect(spy.masks).toEqual([CLEARED]);
  });

  it('the filter is on the dataset column mapped to customer_id', async () => {
    const spy = dashboardHooks();
    const rows = TWO.map(({ customer_id, ...rest }) => ({ ...rest, account_key: customer_id }));
    renderChart({
      rows,
      formData: { column_customer_id: 'account_key' },
      dashboard: { hooks: spy.hooks, emitCrossFilters: true },
    });
    await choose(`${acmeRow.customer_name} (${acmeRow.customer_id})`);
    expect(spy.masks).toEqual([acmeFilter('account_key')]);
  });

  it('the dashboard holds the filter: the chart shows the filtered customer, and shows the first again when cleared', () => {
    const input = { rows: TWO, dashboard: { hooks: dashboardHooks().hooks, emitCrossFilters: true } };
    const { rerender } = renderChart({ ...input, dashboard: { ...input.dashboard, filterState: { value: ['B-2'] } } });
    expect(screen.getByRole('heading', { name: 'Beta Industries' })).toBeTruthy();
    rerender(withTheme(<CustomerProfileChart {...chartProps({ ...input, dashboard: { ...input.dashboard } })} />));
    expect(screen.getByRole('heading', { name: acmeRow.customer_name as string })).toBeTruthy();
  });

  it('with cross-filtering off nothing is emitted, and the switcher still works here', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: TWO, dashboard: { hooks: spy.hooks, emitCrossFilters: false } });
    await choose('Beta Industries (B-2)');
    expect(screen.getByRole('heading', { name: 'Beta Industries' })).toBeTruthy();
    expect(spy.masks).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Beta Industries' })).toBeNull();
  });

  it('several customers listed: the name is a toggle that filters by the customer shown', () => {
    const spy = dashboardHooks();
    const { rerender } = renderChart({ rows: TWO, dashboard: { hooks: spy.hooks, emitCrossFilters: true } });
    const name = screen.getByRole('button', { name: acmeRow.customer_name as string });
    expect(name.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(name);
    expect(spy.masks).toEqual([acmeFilter()]);
    const filtered = { hooks: spy.hooks, emitCrossFilters: true, filterState: { value: [acmeRow.customer_id] } };
    rerender(withTheme(<CustomerProfileChart {...chartProps({ rows: TWO, dashboard: filtered })} />));
    const pressed = screen.getByRole('button', { name: acmeRow.customer_name as string });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(pressed);
    expect(spy.masks[1]).toEqual(CLEARED);
  });

  it("one customer held by this chart's own filter: the name stays a pressed toggle, so the filter can be cleared", () => {
    const spy = dashboardHooks();
    renderChart({
      rows: [acmeRow],
      dashboard: { hooks: spy.hooks, emitCrossFilters: true, filterState: { value: [acmeRow.customer_id] } },
    });
    const name = screen.getByRole('button', { name: acmeRow.customer_name as string });
    expect(name.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(name);
    expect(spy.masks).toEqual([CLEARED]);
  });

  it('one customer: the name is plain text', () => {
    renderChart({ rows: [acmeRow], dashboard: { hooks: dashboardHooks().hooks, emitCrossFilters: true } });
    expect(screen.queryByRole('button', { name: acmeRow.customer_name as string })).toBeNull();
    expect(screen.getByRole('heading', { name: acmeRow.customer_name as string })).toBeTruthy();
  });

  it('an id with quotes, commas and markup is emitted as one plain value; the name is text, not markup', async () => {
    const hostile = rowWith({
      customer_id: `O'Neil, "Ltd" <b>x</b>`,
      customer_name: '<img src=x onerror=alert(1)>Evil',
    });
    const spy = dashboardHooks();
    const { container } = renderChart({
      rows: [hostile, BETA],
      dashboard: { hooks: spy.hooks, emitCrossFilters: true },
    });
    fireEvent.click(screen.getByRole('button', { name: '<img src=x onerror=alert(1)>Evil' }));
    expect(spy.masks[0].extraFormData).toEqual({
      filters: [{ col: 'customer_id', op: 'IN', val: [`O'Neil, "Ltd" <b>x</b>`] }],
    });
    expect(spy.masks[0].filterState?.label).toBe('<img src=x onerror=alert(1)>Evil');
    expect(container.querySelector('img, b')).toBeNull();
  });
});

describe("Superset's context menu", () => {
  it('a right-click on the header opens it with drill to detail by the customer and the cross-filter entry', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: TWO, dashboard: { hooks: spy.hooks, emitCrossFilters: true } });
    const header = screen.getByRole('heading', { name: acmeRow.customer_name as string });
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 40, clientY: 30 });
    header.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    // The code that opens Superset's menu loads at the first right-click.
    await waitFor(() => expect(spy.menus).toHaveLength(1));
    expect(spy.menus).toEqual([
      {
        x: 40,
        y: 30,
        filters: {
          drillToDetail: [
            { col: 'customer_id', op: '==', val: acmeRow.customer_id, formattedVal: acmeRow.customer_name },
          ],
          crossFilter: { dataMask: acmeFilter(), isCurrentValueSelected: false },
        },
      },
    ]);
  });

  it('on a KPI card too; with cross-filtering off the menu has drill to detail only', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: [acmeRow], dashboard: { hooks: spy.hooks, emitCrossFilters: false } });
    fireEvent.contextMenu(screen.getAllByRole('region')[0]);
    await waitFor(() => expect(spy.menus).toHaveLength(1));
    expect(spy.menus[0].filters).toEqual({
      drillToDetail: [{ col: 'customer_id', op: '==', val: acmeRow.customer_id, formattedVal: acmeRow.customer_name }],
    });
  });

  it('Shift+F10 or the context-menu key on a focused element opens it there', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: [acmeRow], dashboard: { hooks: spy.hooks, emitCrossFilters: true } });
    const tab = screen.getAllByRole('tab')[0];
    fireEvent.keyDown(tab, { key: 'F10', shiftKey: true });
    fireEvent.keyDown(tab, { key: 'ContextMenu' });
    fireEvent.keyDown(tab, { key: 'F10' });
    await waitFor(() => expect(spy.menus).toHaveLength(2));
    await new Promise(resolve => setTimeout(resolve, 50)); // and no third: F10 alone is not the key
    expect(spy.menus).toHaveLength(2);
    expect(spy.menus[0].filters?.drillToDetail?.[0].val).toBe(acmeRow.customer_id);
  });

  it('from the keyboard, the focus enters the menu once it is placed in the window, without scrolling the page', async () => {
    // A host menu as antd renders it: in a portal, first parked far outside the window, beside its anchor a frame later.
    const menu = document.createElement('ul');
    menu.setAttribute('role', 'menu');
    menu.tabIndex = -1;
    let box = { top: -9000, left: -14000 };
    menu.getBoundingClientRect = () => ({ ...box, bottom: box.top + 150, right: box.left + 160 }) as DOMRect;
    Object.defineProperty(menu, 'offsetParent', { get: () => document.body });
    const focusCalls: (FocusOptions | undefined)[] = [];
    menu.focus = (options?: FocusOptions) => focusCalls.push(options);
    const opened: { x: number; y: number }[] = [];
    const hooks = {
      onContextMenu: (x: number, y: number) => {
        opened.push({ x, y });
        document.body.appendChild(menu);
      },
    };
    renderChart({ rows: [acmeRow], dashboard: { hooks, emitCrossFilters: true } });
    const tab = screen.getAllByRole('tab')[0];
    // The focused tab is partly below the window: the menu opens at a point inside it.
    tab.getBoundingClientRect = () => ({ top: 700, left: 30, bottom: window.innerHeight + 40, right: 90 }) as DOMRect;
    fireEvent.keyDown(tab, { key: 'F10', shiftKey: true });
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toEqual({ x: 30, y: window.innerHeight - 1 });
    // Frames go by while the menu is parked (counted in frames, as the chart counts them, not in time).
    for (let frame = 0; frame < 3; frame += 1) await new Promise(resolve => requestAnimationFrame(resolve));
    expect(focusCalls).toEqual([]);
    box = { top: 300, left: 30 };
    // Once placed, it is focused, never with a scroll (an earlier test's keyboard opening may still be polling too).
    await waitFor(() => expect(focusCalls.length).toBeGreaterThan(0));
    expect(focusCalls.every(options => options?.preventScroll === true)).toBe(true);
    menu.remove();
  });

  it('links keep the browser menu, and outside a dashboard (no hook) nothing is intercepted', async () => {
    const spy = dashboardHooks();
    renderChart({ rows: [acmeRow], dashboard: { hooks: spy.hooks, emitCrossFilters: true } });
    const link = document.querySelector('.customer-profile-360 a[href]') as HTMLElement;
    const onLink = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    link.dispatchEvent(onLink);
    expect(onLink.defaultPrevented).toBe(false);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(spy.menus).toEqual([]);
  });

  it('in explore (no hook) a right-click is the browser’s', () => {
    renderChart({ rows: [acmeRow] });
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    screen.getByRole('heading', { name: acmeRow.customer_name as string }).dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('two charts on one dashboard', () => {
  it('share no element id and no open state, and each emits its own filter', async () => {
    const left = dashboardHooks();
    const right = dashboardHooks();
    const a = render(
      withTheme(
        <CustomerProfileChart
          {...chartProps({ rows: TWO, dashboard: { hooks: left.hooks, emitCrossFilters: true } })}
        />,
      ),
    );
    const b = render(
      withTheme(
        <CustomerProfileChart
          {...chartProps({ rows: TWO, dashboard: { hooks: right.hooks, emitCrossFilters: true } })}
        />,
      ),
    );
    const ids = Array.from(document.querySelectorAll('[id]')).map(el => el.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const { container } of [a, b]) {
      const label = within(container).getByText('Customer', { selector: 'label' });
      expect(container.querySelector(`#${label.getAttribute('for')}`)).toBeTruthy();
    }

    fireEvent.click(within(b.container).getByRole('tab', { name: 'Contacts' }));
    expect(within(a.container).getByRole('tab', { selected: true }).textContent).toBe('Overview');

    await choose('Beta Industries (B-2)', b.container);
    expect(right.masks).toHaveLength(1);
    expect(left.masks).toEqual([]);
    expect(within(a.container).getByRole('heading', { level: 2 }).textContent).toBe(acmeRow.customer_name);
    expect(within(b.container).getByRole('heading', { level: 2 }).textContent).toBe('Beta Industries');
  });
});
