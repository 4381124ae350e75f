/** One customer: header, alert banner, notes for the chart author, and the tabs in the form the space allows. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Tabs } from 'antd';
import { styled, useTheme } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import type { ParsedCustomer } from '../model/types';
import type { TabId } from '../model/constants';
import type { CustomerProfileProps } from '../plugin/transformProps';
import { tabTitle } from '../i18n/labels';
import { antdClass, getTokens } from '../theme/tokens';
import { NameFilter, ProfileContext } from './context';
import { buildContextValue } from './buildContext';
import { toDay } from '../model/facts';
import { tabsFor } from './tabs/registry';
import { CompactTabs, TabPanel } from './ProfileTabs';
import Header from './Header';
import AlertBanner from './AlertBanner';
import { EmptyState } from './shared';
import { useLocalEdits } from './useBrowserState';
import { useUniqueId } from './useUniqueId';

// For the chart's author only, and only when the data gave something to say: loaded then, not before the first paint.
const AuthorNotes = lazy(() => import('./AuthorNotes'));
// Only when printing is asked for.
const PrintView = lazy(() => import('./PrintView'));

const Body = styled.div<{ compact: boolean }>(
  withTokens<{ compact: boolean }>((k, { compact }) => ({
    padding: compact ? k.space(2) : k.space(3),
    display: 'flex',
    flexDirection: 'column',
    gap: k.space(3),
    [`.${antdClass('tabs-nav')}`]: { marginBottom: k.space(3) },
  })),
);

export interface ProfileViewProps extends CustomerProfileProps {
  customer: ParsedCustomer;
  nameFilter?: NameFilter;
}

export default function ProfileView({
  customer,
  width,
  display,
  thresholds,
  permissions,
  exposure,
  showAuthorNotes,
  today,
  nameFilter,
  dataset,
}: ProfileViewProps) {
  const tokens = getTokens(useTheme());
  const compact = width < tokens.breakpoints.narrow;
  // "Today" comes with the props (transformProps passes the current date), so every count of days has one reference.
  const day = useMemo(() => toDay(today), [today]);
  const edits = useLocalEdits(dataset, customer.profile.id);
  const [printing, setPrinting] = useState(false);
  const context = useMemo(
    () => ({
      ...buildContextValue(customer.profile, { display, thresholds, permissions }, tokens, day, compact),
      edits,
      printing,
      nameFilter,
      dataset,
    }),
    [customer.profile, display, thresholds, permissions, tokens, day, compact, edits, printing, nameFilter, dataset],
  );
  const { tabs, initial } = useMemo(() => tabsFor(context), [context]);
  // The same elements on every render: switching tabs does not re-render the panels already visited.
  const items = useMemo(
    () => tabs.map(tab => ({ key: tab.id, label: tabTitle(tab.id), children: <TabPanel tab={tab} /> })),
    [tabs],
  );
  const [active, setActive] = useState<TabId | undefined>(initial);
  // The tabs' element ids derive from this one: two charts on a page never share them.
  const tabsId = useUniqueId('customer-profile-tabs');
  const openPrintView = useCallback(() => setPrinting(true), []);
  const closePrintView = useCallback(() => setPrinting(false), []);
  // A new default tab or tab list from the control panel takes effect at once.
  useEffect(() => setActive(initial), [initial]);
  const activeTab = tabs.some(tab => tab.id === active) ? active : initial;

  return (
    <ProfileContext.Provider value={context}>
      <Header onPrint={openPrintView} />
      <Body compact={compact}>
        {display.showAlerts && <AlertBanner />}
        {showAuthorNotes && (customer.issues.length > 0 || exposure.hiddenColumns.length > 0) && (
          <Suspense fallback={null}>
            <AuthorNotes issues={customer.issues} exposure={exposure} />
          </Suspense>
        )}
        {!tabs.length ? (
          <EmptyState
            title={t('No tab is visible. Choose tabs in the control panel under Visible tabs.')}
            columns={[]}
          />
        ) : printing ? (
          <Suspense fallback={null}>
            <PrintView tabs={tabs} onClose={closePrintView} />
          </Suspense>
        ) : compact ? (
          <CompactTabs tabs={tabs} active={activeTab} onChange={setActive} />
        ) : (
          <Tabs
            id={tabsId}
            activeKey={activeTab}
            onChange={key => setActive(key as TabId)}
            size="middle"
            items={items}
          />
        )}
      </Body>
    </ProfileContext.Provider>
  );
}
