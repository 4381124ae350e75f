/**
 * The chart: the states of the model (missing columns, no rows, one or several customers), the customer switcher,
 * and the themed frame. Everything below works on one parsed, redacted customer.
 */
import { KeyboardEvent, MouseEvent, useMemo, useRef, useState } from 'react';
import { ConfigProvider, Select } from 'antd';
import { CacheProvider, emotionCache, styled, ThemeProvider, useTheme } from '../theme';
import { t } from '../i18n';
import type { CustomerProfileProps } from '../plugin/transformProps';
import { CustomerRef, DashboardLink, toggleMask } from '../plugin/dashboard';
import type { ParsedCustomer } from '../model/types';
import { ANTD_ICON_PREFIX, ANTD_PREFIX, antdClass, antdThemeOf, getTokens } from '../theme/tokens';
import ProfileView from './ProfileView';
import ErrorBoundary from './ErrorBoundary';
import { useUniqueId } from './useUniqueId';

const Frame = styled.div<{ boxWidth: number; boxHeight: number }>(({ theme, boxWidth, boxHeight }) => {
  const k = getTokens(theme);
  return {
    width: k.px(boxWidth),
    height: k.px(boxHeight),
    overflow: 'auto',
    boxSizing: 'border-box',
    fontFamily: k.fontFamily,
    fontSize: k.fontSize,
    lineHeight: k.lineHeight,
    color: k.colorText,
    background: k.colorBg,
    '*, *::before, *::after': { boxSizing: 'border-box' },
    // The chart decides its own text and spacing, so no page-wide stylesheet of the host decides them (antd 4's
    // element rules in Superset 4.1/5.0, global styles in 6.x). One class of specificity: above the host's element
    // rules, level with the chart's own component styles, which come later and win.
    '& :where(button, input, select, textarea)': { fontFamily: 'inherit', fontSize: 'inherit', lineHeight: 'inherit' },
    '& :where(h1, h2, h3, h4, h5, h6)': { margin: 0, lineHeight: k.lineHeightHeading, letterSpacing: 'normal' },
    '& :where(p, ul, ol, li, dl, dt, dd, figure, blockquote)': { margin: 0, lineHeight: 'inherit' },
    '& :where(dt)': { fontWeight: 'normal' },
    '& :where(a)': { textDecoration: 'none' },
    // The host page's link colour may not read on the chart's background: links use the readable primary.
    [`a:not(.${antdClass('btn')})`]: {
      color: k.colorPrimary,
      '&:hover, &:focus-visible': { textDecoration: 'underline' },
    },
  };
});

const Message = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    margin: k.space(4),
    padding: k.space(4),
    border: `${k.lineWidth} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    h2: { fontSize: k.fontSizeLg, margin: `0 0 ${k.space(2)}`, color: k.colorText },
    p: { margin: `${k.space(1)} 0`, color: k.colorTextSecondary },
    code: { color: k.colorText },
  };
});

const Switcher = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    display: 'flex',
    alignItems: 'center',
    gap: k.space(2),
    padding: `${k.space(2)} ${k.space(3)} 0`,
    label: { color: k.colorTextSecondary, whiteSpace: 'nowrap' },
  };
});

function ModelMessage({ props }: { props: CustomerProfileProps }) {
  const { model } = props;
  if (model.status === 'error')
    return (
      <Message role="alert">
        <h2>{t('The dataset is missing required columns')}</h2>
        <p>
          {t('Missing:')} <code>{model.missingColumns.join(', ')}</code>
        </p>
        <p>
          {t(
            'Add these columns to the dataset (or to the SQL of a virtual dataset), or map existing columns to them in the control panel under Column mapping.',
          )}
        </p>
      </Message>
    );
  return (
    <Message role="status">
      <h2>{t('No customer to show')}</h2>
      <p>{t('The query returned no rows. Check the filters, or the customer chosen in the dashboard or URL.')}</p>
    </Message>
  );
}

/**
 * The host theme reaches the plugin two ways: Superset's emotion ThemeProvider (shared when the plugin is built
 * into Superset) and `chartProps.theme` (always). The latter wins, so a plugin loaded as its own bundle, with its own
 * emotion, still follows the host's light or dark theme.
 */
export default function CustomerProfileChart(props: CustomerProfileProps) {
  const contextTheme = useTheme();
  const theme = props.hostTheme ?? contextTheme;
  return (
    <CacheProvider value={emotionCache}>
      <ThemeProvider theme={theme}>
        <ThemedChart {...props} />
      </ThemeProvider>
    </CacheProvider>
  );
}

const customerRef = ({ profile }: ParsedCustomer): CustomerRef => ({ id: profile.id, name: profile.name });

/** Elements whose own browser menu stays (copy a link, paste into a field): Superset's menu opens everywhere else. */
const KEEPS_NATIVE_MENU = 'a[href], input, textarea, [contenteditable="true"]';

/**
 * Superset's context menu for the customer shown: a right-click, or Shift+F10 / the context-menu key on any focused
 * element of the profile. The browser's own menu is kept away at once; the code that opens Superset's is loaded then.
 */
function contextMenuHandlers(dashboard: DashboardLink, customer: ParsedCustomer | undefined) {
  if (!dashboard.onContextMenu || !customer) return {};
  // Plain functions: `dashboard` is a new object on every render, so memoising on it would keep nothing.
  const open = (x: number, y: number, fromKeyboard: boolean) => {
    const ref = customerRef(customer);
    import('./contextMenu').then(
      ({ openContextMenu }) => openContextMenu(dashboard, ref, x, y, fromKeyboard),
      () => undefined, // not loadable (offline): the browser's menu was already kept away, nothing else happens
    );
  };
  return {
    onContextMenu: (event: MouseEvent) => {
      if ((event.target as Element).closest?.(KEEPS_NATIVE_MENU)) return;
      // Superset's chart holder opens a menu without filters on any right-click it sees: ours, with the customer's
      // filters, is the one that stays open.
      event.preventDefault();
      event.stopPropagation();
      open(event.clientX, event.clientY, false);
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (!(event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) return;
      event.preventDefault();
      event.stopPropagation();
      const box = (event.target as Element).getBoundingClientRect();
      open(box.left, box.bottom, true);
    },
  };
}

function ThemedChart(props: CustomerProfileProps) {
  const { width, height, model, dashboard } = props;
  const tokens = getTokens(useTheme());
  const antdTheme = useMemo(() => antdThemeOf(tokens), [tokens]);
  const switcherId = useUniqueId('customer-profile-switcher');
  const customers = useMemo(() => (model.status === 'ok' ? model.customers : []), [model]);
  // The customer chosen here; while this chart's cross-filter is on the dashboard, the filtered customer is shown.
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const byId = (id: string | undefined) => (id === undefined ? undefined : customers.find(c => c.profile.id === id));
  const selected =
    (dashboard.emitCrossFilters ? byId(dashboard.filteredId) : undefined) ?? byId(chosenId) ?? customers[0];
  const options = useMemo(
    () => customers.map(({ profile }) => ({ value: profile.id, label: `${profile.name} (${profile.id})` })),
    [customers],
  );
  // Choosing a customer shows it here and, where the dashboard has cross-filtering on, filters the other charts by
  // it; choosing the filtered customer again clears the filter.
  const choose = (id: string) => {
    setChosenId(id);
    const customer = byId(id);
    if (dashboard.emitCrossFilters && customer)
      dashboard.setDataMask?.(toggleMask(dashboard, customerRef(customer)).mask);
  };
  // The name is a toggle where the switcher is, and also while this chart's own filter holds it to one customer (a
  // host that scopes a chart's cross-filter to the chart itself): the filter can always be cleared from here.
  // One object while nothing about it changes, so the profile's context is not rebuilt on every render.
  const latestChoose = useRef(choose);
  latestChoose.current = choose;
  const nameId = selected?.profile.id;
  const active = nameId !== undefined && dashboard.filteredId === nameId;
  const nameToggle = dashboard.emitCrossFilters && nameId !== undefined && (customers.length > 1 || active);
  const nameFilter = useMemo(
    () => (nameToggle && nameId !== undefined ? { active, toggle: () => latestChoose.current(nameId) } : undefined),
    [nameToggle, nameId, active],
  );
  const menuHandlers = contextMenuHandlers(dashboard, selected);

  return (
    <ConfigProvider theme={antdTheme} prefixCls={ANTD_PREFIX} iconPrefixCls={ANTD_ICON_PREFIX}>
      <Frame boxWidth={width} boxHeight={height} className="customer-profile-360" {...menuHandlers}>
        {!selected ? (
          <ModelMessage props={props} />
        ) : (
          <>
            {customers.length > 1 && (
              <Switcher>
                <label htmlFor={switcherId}>{t('Customer')}</label>
                <Select
                  id={switcherId}
                  showSearch
                  value={selected.profile.id}
                  options={options}
                  optionFilterProp="label"
                  // onSelect, not onChange: choosing the customer already shown again is how its filter is cleared.
                  onSelect={(value: string) => choose(value)}
                  style={{ minWidth: tokens.space(50), maxWidth: '100%' }}
                  aria-label={t('Choose a customer (%s)', customers.length)}
                />
              </Switcher>
            )}
            <ErrorBoundary label={t('The customer profile')} key={selected.profile.id}>
              <ProfileView {...props} customer={selected} nameFilter={nameFilter} />
            </ErrorBoundary>
          </>
        )}
      </Frame>
    </ConfigProvider>
  );
}
