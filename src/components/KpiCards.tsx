/** The four KPI cards of the Overview: ARR, health, products, renewal. Missing data is said quietly. */
import { ReactNode } from 'react';
import { styled } from '../theme';
import { t, tn } from '../i18n';
import { arrGrowth, daysToRenewal, healthStatus, renewalDateOf } from '../model/rules';
import { healthStatusLabel } from '../i18n/labels';
import { getTokens } from '../theme/tokens';
import { useProfile } from './context';
import { Badge, Tone } from './shared';

const Grid = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    display: 'grid',
    gap: k.space(3),
    gridTemplateColumns: `repeat(auto-fit, minmax(${k.space(40)}, 1fr))`,
  };
});

const Card = styled.section(({ theme }) => {
  const k = getTokens(theme);
  return {
    border: `1px solid ${k.colorBorder}`,
    borderRadius: k.radius,
    padding: k.space(3),
    background: k.colorBg,
    minWidth: 0,
    h3: {
      margin: 0,
      fontSize: k.fontSizeSm,
      color: k.colorTextSecondary,
      fontWeight: 'normal',
      textTransform: 'uppercase',
      letterSpacing: '0.04em',
    },
  };
});

const Value = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    fontSize: k.fontSizeXxl,
    fontWeight: k.fontWeightStrong,
    color: k.colorText,
    margin: `${k.space(1)} 0`,
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  };
});

const NoValue = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return { fontSize: k.fontSizeLg, color: k.colorTextSecondary, margin: `${k.space(2)} 0` };
});

const Detail = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return { color: k.colorTextSecondary, fontSize: k.fontSizeSm, overflowWrap: 'anywhere' };
});

function Kpi({ title, value, detail }: { title: string; value?: string; detail?: ReactNode }) {
  return (
    <Card aria-label={title}>
      <h3>{title}</h3>
      {value === undefined ? <NoValue>{t('No data')}</NoValue> : <Value>{value}</Value>}
      {detail && <Detail>{detail}</Detail>}
    </Card>
  );
}

const STATUS_TONE: Record<string, Tone> = { critical: 'error', 'at-risk': 'warning', healthy: 'success' };

export default function KpiCards() {
  const { profile, format, thresholds, today } = useProfile();
  const growth = arrGrowth(profile);
  const status = healthStatus(profile.health.score, thresholds);
  const products = profile.products.active.length
    ? profile.products.active
    : profile.products.usage.map(p => p.productName).filter((n): n is string => !!n);
  const productCount = profile.products.count ?? (products.length ? products.length : undefined);
  const renewalDays = daysToRenewal(profile, today);
  const renewalDate = format.date(renewalDateOf(profile));

  let renewalDetail: ReactNode = renewalDate;
  if (renewalDays !== undefined && renewalDays < 0) renewalDetail = <Badge tone="error">{t('Overdue since %s', renewalDate)}</Badge>;
  else if (renewalDays !== undefined && renewalDays <= thresholds.renewalUrgentDays)
    renewalDetail = (
      <>
        <Badge tone="warning">⚠ {t('Urgent')}</Badge> {renewalDate}
      </>
    );

  return (
    <Grid>
      {profile.revenue && (
        <Kpi
          title={t('ARR')}
          value={format.money(profile.revenue.currentArr)}
          detail={
            growth &&
            (growth.period === 'yoy'
              ? t('%s %s YoY', growth.value >= 0 ? '▲' : '▼', format.growth(growth.value))
              : t('%s %s MoM', growth.value >= 0 ? '▲' : '▼', format.growth(growth.value)))
          }
        />
      )}
      <Kpi
        title={t('Health')}
        value={profile.health.score === undefined ? undefined : t('%s/100', format.integer(profile.health.score))}
        detail={status && <Badge tone={STATUS_TONE[status]}>{healthStatusLabel(status)}</Badge>}
      />
      <Kpi
        title={t('Products')}
        value={productCount === undefined ? undefined : t('%s active', productCount)}
        detail={products.length ? products.join(', ') : undefined}
      />
      <Kpi
        title={t('Renewal')}
        value={
          renewalDays === undefined
            ? undefined
            : renewalDays < 0
              ? tn('%s day ago', '%s days ago', -renewalDays, -renewalDays)
              : renewalDays === 0
                ? t('Today')
                : tn('%s day', '%s days', renewalDays, renewalDays)
        }
        detail={renewalDetail}
      />
    </Grid>
  );
}
