/** The four KPI cards of the Overview: ARR, health, products, renewal. Missing data is said quietly. */
import { ReactNode } from 'react';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t, tn } from '../i18n';
import { useProfile } from './context';
import { Badge, HealthBadge, Section } from './shared';

const Grid = styled.div(
  withTokens(k => ({
    display: 'grid',
    gap: k.space(3),
    gridTemplateColumns: `repeat(auto-fit, minmax(${k.space(40)}, 1fr))`,
  })),
);

/** A section whose heading is a quiet label above the figure. */
const Card = styled(Section)(
  withTokens(k => ({
    h3: {
      margin: 0,
      fontSize: k.fontSizeSm,
      color: k.colorTextSecondary,
      fontWeight: 'normal',
      textTransform: 'uppercase',
      letterSpacing: '0.04em',
    },
  })),
);

const Value = styled.div(
  withTokens(k => ({
    fontSize: k.fontSizeXxl,
    fontWeight: k.fontWeightStrong,
    color: k.colorText,
    margin: `${k.space(1)} 0`,
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  })),
);

const NoValue = styled.div(
  withTokens(k => {
    return { fontSize: k.fontSizeLg, color: k.colorTextSecondary, margin: `${k.space(2)} 0` };
  }),
);

const Detail = styled.div(
  withTokens(k => {
    return { color: k.colorTextSecondary, fontSize: k.fontSizeSm, overflowWrap: 'anywhere' };
  }),
);

function Kpi({ title, value, detail }: { title: string; value?: string; detail?: ReactNode }) {
  return (
    <Card aria-label={title}>
      <h3>{title}</h3>
      {value === undefined ? <NoValue>{t('No data')}</NoValue> : <Value>{value}</Value>}
      {detail && <Detail>{detail}</Detail>}
    </Card>
  );
}

export default function KpiCards() {
  const { profile, facts, format } = useProfile();
  const { arrGrowth: growth, health, products, renewal } = facts;
  const renewalDate = format.date(renewal?.date);

  let renewalDetail: ReactNode = renewalDate;
  if (renewal?.state === 'overdue') renewalDetail = <Badge tone="error">{t('Overdue since %s', renewalDate)}</Badge>;
  else if (renewal?.state === 'urgent' || renewal?.state === 'today')
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
        value={health.score === undefined ? undefined : t('%s/100', format.integer(health.score))}
        detail={health.status && <HealthBadge status={health.status} />}
      />
      <Kpi
        title={t('Products')}
        value={products.count === undefined ? undefined : t('%s active', products.count.value)}
        detail={products.names.length ? products.names.join(', ') : undefined}
      />
      <Kpi
        title={t('Renewal')}
        value={
          renewal === undefined
            ? undefined
            : renewal.state === 'overdue'
              ? tn('%s day ago', '%s days ago', -renewal.days, -renewal.days)
              : renewal.state === 'today'
                ? t('Today')
                : tn('%s day', '%s days', renewal.days, renewal.days)
        }
        detail={renewalDetail}
      />
    </Grid>
  );
}
