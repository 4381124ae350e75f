/** For printing: every visible tab one after another, with Print and Close. Loaded when asked for. */
import { Button } from 'antd';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import { tabTitle } from '../i18n/labels';
import type { TabDefinition } from './tabs/registry';
import { TabPanel } from './ProfileTabs';

const PrintSection = styled.section(
  withTokens(k => ({
    breakInside: 'avoid-page',
    h2: { fontSize: k.fontSizeXl, margin: `${k.space(4)} 0 ${k.space(2)}`, color: k.colorText },
  })),
);

const PrintBar = styled.div(
  withTokens(k => ({
    display: 'flex',
    gap: k.space(2),
    '@media print': { display: 'none' },
  })),
);

/** Every visible tab one after another, with Print and Close. */
export default function PrintView({ tabs, onClose }: { tabs: TabDefinition[]; onClose: () => void }) {
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
