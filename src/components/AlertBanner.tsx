import { memo } from 'react';
/** The active alerts, most severe first; each shows the rule behind it on hover and on keyboard focus. */
import { Tooltip } from 'antd';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import { alertRule, alertText } from '../i18n/labels';
import type { Severity } from '../model/constants';
import { useProfile } from './context';
import { VisuallyHidden } from './shared';

const List = styled.ul(
  withTokens(k => ({
    display: 'flex',
    flexWrap: 'wrap',
    gap: k.space(2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  })),
);

const Item = styled.li<{ severity: Severity }>(
  withTokens<{ severity: Severity }>((k, { severity }) => {
    const colour = severity === 'critical' ? k.colorError : severity === 'warning' ? k.colorWarning : k.colorInfo;
    return {
      borderLeft: `${k.space(1)} solid ${colour}`,
      background: k.colorBgSubtle,
      color: k.colorText,
      padding: `${k.space(1)} ${k.space(2)}`,
      borderRadius: k.radius,
      cursor: 'help',
      '&:focus-visible': { outline: `${k.focusWidth} solid ${k.colorPrimary}`, outlineOffset: k.px(1) },
    };
  }),
);

/** Memoised: a tab switch does not re-render the banner. */
export default memo(function AlertBanner() {
  const { alerts } = useProfile();
  if (!alerts.length) return null;
  return (
    <List aria-label={t('Alerts')} role="list">
      {alerts.map(alert => {
        const rule = alertRule(alert.kind, Math.round(alert.value), alert.threshold);
        return (
          <Tooltip key={alert.kind} title={rule} trigger={['hover', 'focus']}>
            <Item severity={alert.severity} tabIndex={0} data-alert={alert.kind} data-severity={alert.severity}>
              {alert.severity === 'critical' ? '⚠ ' : ''}
              {alertText(alert.kind, Math.round(alert.value))}
              <VisuallyHidden>. {rule}</VisuallyHidden>
            </Item>
          </Tooltip>
        );
      })}
    </List>
  );
});
