/** One customer: header, alert banner, notes for the chart author, and the tabs (or the print view). */
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Spin, Tabs } from 'antd';
import { styled, useTheme } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import type { ParsedCustomer } from '../model/types';
import type { TabId } from '../model/constants';
import type { CustomerProfileProps } from '../plugin/transformProps';
import { tabTitle } from '../i18n/labels';
import { antdClass, getTokens } from '../theme/tokens';
import { ProfileContext } from './context';
import { buildContextValue } from './buildContext';
import { toDay } from '../model/facts';
import { tabsFor, TabDefinition } from './tabs/registry';
import Header from './Header';
import AlertBanner from './AlertBanner';
import AuthorNotes from './AuthorNotes';
import ErrorBoundary from './ErrorBoundary';
import { EmptyState } from './shared';
import { useLocalEdits } from './useBrowserState';

const Body = styled.div<{ compact: boolean }>(
  withTokens<{ compact: boolean }>((k, { compact }) => ({
    padding: compact ? k.space(2) : k.space(3),
    display: 'flex',
    flexDirection: 'column',
    gap: k.space(3),
    [`.${antdClass('tabs-nav')}`]: { marginBottom: k.space(3) },
  })),
);

const PrintSection = styled.section(
  withTokens(k => ({
    breakInside: 'avoid-page',
    h2: { fontSize: k.fontSizeXl, margin: `${k.space(4)} 0 ${k.space(2)}`, color: k.colorText },
  })),
);

const TabChooser = styled.select(
  withTokens(k => ({
    alignSelf: 'flex-start',
    padding: `${k.space(1)} ${k.space(2)}`,
    border: `${k.lineWidth} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    background: k.colorBg,
    color: k.colorText,
    fontSize: k.fontSize,
    fontFamily: 'inherit',
  })),
);

const PrintBar = styled.div(
  withTokens(k => ({
    display: 'flex',
    gap: k.space(2),
    '@media print': { display: 'none' },
  })),
);

function Panel({ tab }: { tab: TabDefinition }) {
  return (
    <ErrorBoundary label={tabTitle(tab.id)}>
      <Suspense fallback={<Spin aria-label={t('Loading')} />}>
        <tab.Panel />
      </Suspense>
    </ErrorBoundary>
  );
}

export interface ProfileViewProps extends CustomerProfileProps {
  customer: ParsedCustomer;
}

export default function ProfileView({
  customer,
  width,
  display,
  thresholds,
  permissions,
  exposedSensitiveColumns,
  showAuthorNotes,
  today,
}: ProfileViewProps) {
  const tokens = getTokens(useTheme());
  const compact = width < tokens.breakpoints.narrow;
  // "Today" comes with the props (transformProps passes the current date), so every count of days has one reference.
  const day = useMemo(() => toDay(today), [today]);
  const edits = useLocalEdits(customer.profile.id);
  const [printing, setPrinting] = useState(false);
  const context = useMemo(
    () => ({
      ...buildContextValue(customer.profile, { display, thresholds, permissions }, tokens, day, compact),
      edits,
      printing,
    }),
    [customer.profile, display, thresholds, permissions, tokens, day, compact, edits, printing],
  );
  const { tabs, initial } = useMemo(() => tabsFor(context), [context]);
  // The same elements on every render: switching tabs does not re-render the panels already visited.
  const items = useMemo(
    () => tabs.map(tab => ({ key: tab.id, label: tabTitle(tab.id), children: <Panel tab={tab} /> })),
    [tabs],
  );
  const [active, setActive] = useState<TabId | undefined>(initial);
  const openPrintView = useCallback(() => setPrinting(true), []);
  // A new default tab or tab list from the control panel takes effect at once.
  useEffect(() => setActive(initial), [initial]);
  const activeTab = tabs.some(tab => tab.id === active) ? active : initial;

  return (
    <ProfileContext.Provider value={context}>
      <Header onPrint={openPrintView} />
      <Body compact={compact}>
        {display.showAlerts && <AlertBanner />}
        {showAuthorNotes && <AuthorNotes issues={customer.issues} exposedSensitiveColumns={exposedSensitiveColumns} />}
        {!tabs.length ? (
          <EmptyState
            title={t('No tab is visible. Choose tabs in the control panel under Visible tabs.')}
            columns={[]}
          />
        ) : printing ? (
          <div aria-label={t('Print view')} role="region">
            <PrintBar>
              <Button type="primary" onClick={() => window.print()}>
                {t('Print')}
              </Button>
              <Button onClick={() => setPrinting(false)}>{t('Close print view')}</Button>
            </PrintBar>
            {tabs.map(tab => (
              <PrintSection key={tab.id}>
                <h2>{tabTitle(tab.id)}</h2>
                <Panel tab={tab} />
              </PrintSection>
            ))}
          </div>
        ) : compact ? (
          // A small tile: a native chooser instead of a tab bar that would overflow into a "more" menu.
          <>
            <TabChooser
              aria-label={t('Tab')}
              value={activeTab}
              onChange={event => setActive(event.target.value as TabId)}
            >
              {tabs.map(tab => (
                <option key={tab.id} value={tab.id}>
                  {tabTitle(tab.id)}
                </option>
              ))}
            </TabChooser>
            {tabs
              .filter(tab => tab.id === activeTab)
              .map(tab => (
                <div key={tab.id} role="region" aria-label={tabTitle(tab.id)}>
                  <Panel tab={tab} />
                </div>
              ))}
          </>
        ) : (
          <Tabs
            activeKey={activeTab}
            onChange={key => setActive(key as TabId)}
            size={compact ? 'small' : 'middle'}
            items={items}
          />
        )}
      </Body>
    </ProfileContext.Provider>
  );
}
