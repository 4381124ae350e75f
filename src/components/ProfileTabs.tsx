/**
 * The tabs of one customer, in the forms the space allows: each panel lazy and inside its own error boundary; on a
 * small tile, a native chooser instead of a tab bar that would overflow; for printing, every tab one after another.
 */
import { Suspense } from 'react';
import { Button, Spin } from 'antd';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import { tabTitle } from '../i18n/labels';
import type { TabId } from '../model/constants';
import type { TabDefinition } from './tabs/registry';
import ErrorBoundary from './ErrorBoundary';

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

/** Every visible tab one after another, with Print and Close. */
export function PrintView({ tabs, onClose }: { tabs: TabDefinition[]; onClose: () => void }) {
  return (
    <div aria-label={t('Print view')} role="region">
      <PrintBar>
        <Button type="primary" onClick={() => window.print()}>
          {t('Print')}
        </Button>
        <Button onClick={onClose}>{t('Close print view')}</Button>
      </PrintBar>
      {tabs.map(tab => (
        <PrintSection key={tab.id}>
          <h2>{tabTitle(tab.id)}</h2>
          <TabPanel tab={tab} />
        </PrintSection>
      ))}
    </div>
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
