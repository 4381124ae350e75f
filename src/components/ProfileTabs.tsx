/**
 * The tabs of one customer, in the forms the space allows: each panel lazy and inside its own error boundary; on a
 * small tile, a native chooser instead of a tab bar that would overflow. Printing is PrintView.tsx.
 */
import { Suspense } from 'react';
import { Spin } from 'antd';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import { tabTitle } from '../i18n/labels';
import type { TabId } from '../model/constants';
import type { TabDefinition } from './tabs/registry';
import ErrorBoundary from './ErrorBoundary';

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

/** One tab's panel: loaded when first shown, its failures kept to itself. */
export function TabPanel({ tab }: { tab: TabDefinition }) {
  return (
    <ErrorBoundary label={tabTitle(tab.id)}>
      <Suspense fallback={<Spin aria-label={t('Loading')} />}>
        <tab.Panel />
      </Suspense>
    </ErrorBoundary>
  );
}

interface CompactTabsProps {
  tabs: TabDefinition[];
  active: TabId | undefined;
  onChange: (tab: TabId) => void;
}

/** A small tile: a native chooser and the chosen tab's panel. */
export function CompactTabs({ tabs, active, onChange }: CompactTabsProps) {
  return (
    <>
      <TabChooser aria-label={t('Tab')} value={active} onChange={event => onChange(event.target.value as TabId)}>
        {tabs.map(tab => (
          <option key={tab.id} value={tab.id}>
            {tabTitle(tab.id)}
          </option>
        ))}
      </TabChooser>
      {tabs
        .filter(tab => tab.id === active)
        .map(tab => (
          <div key={tab.id} role="region" aria-label={tabTitle(tab.id)}>
            <TabPanel tab={tab} />
          </div>
        ))}
    </>
  );
}
