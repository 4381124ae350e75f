/**
 * Health & Risk: the score, what it is made of, and which component pulls it down most. Users' main complaint is
 * that nobody can explain a health score, so the weakest component is said in words, not left to a chart.
 */
import { Progress } from 'antd';
import { progressRailColor } from '../antdCompat';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import type { HealthStatus } from '../../model/constants';
import type { ComponentFact } from '../../model/facts';
import type { HealthComponent } from '../../model/types';
import { useProfile } from '../context';
import MiniChart, { ChartPoint } from '../MiniChart';
import {
  Badge,
  Columns,
  HealthBadge,
  EmptyState,
  FieldList,
  Missing,
  Muted,
  ProgressRow,
  Section,
  Stack,
  Table,
  TableScroll,
} from '../shared';

const ScoreLine = styled.div(
  withTokens(k => ({
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: k.space(2),
    marginBottom: k.space(2),
    color: k.colorText,
  })),
);

const Score = styled.span(
  withTokens(k => {
    return { fontSize: k.fontSizeXxl, fontWeight: k.fontWeightStrong, lineHeight: 1.2 };
  }),
);

const Callout = styled.p(
  withTokens(k => ({
    margin: `0 0 ${k.space(2)}`,
    padding: `${k.space(2)} ${k.space(3)}`,
    borderLeft: `${k.px(3)} solid ${k.colorWarning}`,
    background: k.colorBgSubtle,
    borderRadius: k.radius,
    fontSize: k.fontSize,
    color: k.colorText,
  })),
);

const clampScore = (value: number) => Math.min(100, Math.max(0, value));

function ScoreBar({ score, status, name }: { score: number | undefined; status?: HealthStatus; name: string }) {
  const { format, tokens } = useProfile();
  const text = format.integer(score);
  if (score === undefined || text === undefined) return <Missing />;
  const colour = { critical: tokens.colorError, 'at-risk': tokens.colorWarning, healthy: tokens.colorSuccess };
  return (
    <ProgressRow>
      <Progress
        percent={clampScore(score)}
        showInfo={false}
        size="small"
        strokeColor={status ? colour[status] : tokens.colorPrimary}
        {...progressRailColor(tokens.colorBgSubtle)}
        aria-label={t('%s score: %s/100', name, text)}
      />
      <span>{t('%s/100', text)}</span>
    </ProgressRow>
  );
}

function Breakdown({ components, weakest }: { components: ComponentFact[]; weakest?: HealthComponent }) {
  const { format } = useProfile();
  const nameOf = (c: HealthComponent) => c.component ?? t('Unnamed component');
  return (
    <>
      {weakest && weakest.score !== undefined && (
        <Callout>
          {t('%s pulls the score down most (%s/100)', nameOf(weakest), format.integer(weakest.score))}{' '}
          <Muted>{t('It has the largest weighted gap from 100.')}</Muted>
        </Callout>
      )}
      <TableScroll>
        <Table aria-label={t('Health score breakdown')}>
          <thead>
            <tr>
              <th scope="col">{t('Component')}</th>
              <th scope="col">{t('Score')}</th>
              <th scope="col" className="num">
                {t('Weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {components.map(({ component: c, status, weightPercent }, index) => (
              <tr key={`${c.component ?? ''}-${index}`}>
                <th scope="row">
                  {c.component ?? <Missing />}
                  {c === weakest && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('Pulls down most')}</Badge>
                    </>
                  )}
                </th>
                <td>
                  <ScoreBar score={c.score} status={status} name={nameOf(c)} />
                </td>
                <td className="num">{format.percent(weightPercent) ?? <Missing />}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableScroll>
    </>
  );
}

function History() {
  const { profile, format } = useProfile();
  const points: ChartPoint[] = profile.health.history
    .filter(p => p.score !== undefined)
    .map(p => ({ label: format.date(p.date) ?? '', value: p.score as number }));
  if (!points.length) return <EmptyState title={t('No health history')} columns={['health_history']} />;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <MiniChart
      points={points}
      kind="line"
      min={0}
      max={100}
      formatValue={format.integer}
      summary={t(
        'Health score from %s on %s to %s on %s',
        format.integer(first.value),
        first.label,
        format.integer(last.value),
        last.label,
      )}
    />
  );
}

/** Health & Risk panel. */
export default function HealthTab() {
  const { profile, facts, format, thresholds } = useProfile();
  const { health } = profile;
  const { status, components, weakest } = facts.health;
  const score = format.integer(health.score);
  const churnHigh = !!facts.churn?.high;
  const churnThreshold = format.integer(thresholds.churnRiskHigh);
  const churn = format.integer(health.churnRisk);
  const csat = format.decimal(health.csat);
  const hours = format.decimal(health.avgResolutionHours);

  return (
    <Stack>
      <Columns>
        <Section>
          <h3>{t('Health score')}</h3>
          <ScoreLine>
            {score === undefined ? <Missing /> : <Score>{t('%s/100', score)}</Score>}
            <HealthBadge status={status} />
          </ScoreLine>
          <FieldList
            items={[
              { label: t('NPS'), value: format.integer(health.nps) },
              { label: t('CSAT'), value: csat && t('%s/100', csat) },
              { label: t('Support tickets (30 days)'), value: format.integer(health.supportTickets30d) },
              {
                label: t('Average resolution time'),
                value: hours && t('%s hours', hours),
              },
              {
                label: t('Churn risk'),
                value: churn && (
                  <>
                    {t('%s/100', churn)}{' '}
                    <Badge tone={churnHigh ? 'error' : 'success'}>{churnHigh ? t('High') : t('Normal')}</Badge>{' '}
                    <Muted>{t('(high-risk threshold: %s)', churnThreshold)}</Muted>
                  </>
                ),
              },
            ]}
          />
        </Section>
        <Section>
          <h3>{t('Health history')}</h3>
          <History />
        </Section>
      </Columns>
      <Section>
        <h3>{t('Score breakdown')}</h3>
        {health.breakdown.length ? (
          <Breakdown components={components} weakest={weakest} />
        ) : (
          <EmptyState title={t('No score breakdown')} columns={['health_breakdown']} />
        )}
      </Section>
    </Stack>
  );
}
