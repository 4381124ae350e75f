/**
 * Products & Usage: what the customer runs, how much of it they use, and whether they have gone quiet.
 * Usage per product comes from `product_usage`; when that is empty the names from `active_products` still show.
 */
import { Progress } from 'antd';
import { progressRailColor } from '../antdCompat';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import type { ProductUsage } from '../../model/types';
import { useProfile } from '../context';
import MiniChart, { ChartPoint } from '../MiniChart';
import {
  Badge,
  Columns,
  Dot,
  EmptyState,
  FieldList,
  Missing,
  Muted,
  ProgressRow,
  Section,
  Stack,
  Table,
  TableScroll,
  Tone,
} from '../shared';

const Warning = styled.div(
  withTokens(k => ({
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: k.space(2),
    padding: `${k.space(2)} ${k.space(3)}`,
    border: `${k.lineWidth} solid ${k.colorWarning}`,
    borderRadius: k.radius,
    background: k.colorBgSubtle,
    color: k.colorText,
    fontSize: k.fontSize,
    strong: { fontWeight: k.fontWeightStrong },
  })),
);

const NameList = styled.ul(
  withTokens(k => ({
    display: 'flex',
    flexWrap: 'wrap',
    gap: k.space(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
    fontSize: k.fontSize,
    color: k.colorText,
  })),
);

/** Known product statuses; anything else is shown as written, in a neutral tone. */
function productStatus(status: string | undefined): { label: string; tone: Tone } | undefined {
  switch (status?.toLowerCase()) {
    case undefined:
      return undefined;
    case 'active':
      return { label: t('Active'), tone: 'success' };
    case 'trial':
      return { label: t('Trial'), tone: 'info' };
    case 'churned':
      return { label: t('Churned'), tone: 'error' };
    default:
      return { label: status as string, tone: 'neutral' };
  }
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

function AdoptionBar({ value, name }: { value: number | undefined; name: string }) {
  const { format, tokens } = useProfile();
  const text = format.percent(value);
  if (value === undefined || text === undefined) return <Missing />;
  return (
    <ProgressRow>
      <Progress
        percent={clampPercent(value)}
        showInfo={false}
        size="small"
        strokeColor={tokens.colorPrimary}
        {...progressRailColor(tokens.colorBgSubtle)}
        aria-label={t('Feature adoption of %s: %s', name, text)}
      />
      <span>{text}</span>
    </ProgressRow>
  );
}

function UsageTable({ usage }: { usage: ProductUsage[] }) {
  const { format } = useProfile();
  return (
    <TableScroll>
      <Table aria-label={t('Product usage')}>
        <thead>
          <tr>
            <th scope="col">{t('Product')}</th>
            <th scope="col">{t('Status')}</th>
            <th scope="col" className="num">
              {t('Licenses')}
            </th>
            <th scope="col" className="num">
              {t('Active users')}
            </th>
            <th scope="col">{t('Feature adoption')}</th>
            <th scope="col">{t('Last active')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.map((product, index) => {
            const status = productStatus(product.status);
            const name = product.productName ?? t('Unnamed product');
            return (
              <tr key={`${product.productName ?? ''}-${index}`}>
                <th scope="row">{product.productName ?? <Missing />}</th>
                <td>{status ? <Badge tone={status.tone}>{status.label}</Badge> : <Missing />}</td>
                <td className="num">{format.integer(product.licenses) ?? <Missing />}</td>
                <td className="num">{format.integer(product.activeUsers) ?? <Missing />}</td>
                <td>
                  <AdoptionBar value={product.featureAdoption} name={name} />
                </td>
                <td>{format.date(product.lastActiveDate) ?? <Missing />}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableScroll>
  );
}

function UsageTrend() {
  const { profile, format } = useProfile();
  const points: ChartPoint[] = profile.products.usageTrend
    .filter(p => p.activeUsers !== undefined)
    .map(p => ({ label: format.date(p.date) ?? '', value: p.activeUsers as number }));
  if (!points.length) return <EmptyState title={t('No usage trend')} columns={['usage_trend']} />;
  const first = points[0];
  const last = points[points.length - 1];
  const summary = t(
    'Active users over time, from %s on %s to %s on %s',
    format.integer(first.value),
    first.label,
    format.integer(last.value),
    last.label,
  );
  return (
    <>
      <MiniChart points={points} kind="line" min={0} summary={summary} formatValue={format.integer} />
      <FieldList
        items={[
          { label: t('Latest active users'), value: format.integer(last.value) },
          { label: t('As of'), value: last.label || undefined },
        ]}
      />
    </>
  );
}

/** Products & Usage panel. */
export default function ProductsTab() {
  const { profile, facts, format, thresholds } = useProfile();
  const { products } = profile;
  const nothing =
    !products.usage.length &&
    !products.active.length &&
    !products.usageTrend.length &&
    products.count === undefined &&
    products.avgFeatureAdoption === undefined &&
    products.lastActiveDate === undefined;
  if (nothing)
    return (
      <EmptyState title={t('No product or usage data')} columns={['product_usage', 'usage_trend', 'active_products']} />
    );

  const { count, adoption } = facts.products;
  const { inactivity } = facts;

  return (
    <Stack>
      {inactivity?.alert && (
        <Warning role="status">
          <Dot tone="warning" aria-hidden />
          <strong>{t('No activity for %s days', format.integer(inactivity.days))}</strong>
          <Muted>{t('The alert limit is %s days', format.integer(thresholds.inactivityAlertDays))}</Muted>
        </Warning>
      )}
      <Columns>
        <Section>
          <h3>{t('Usage summary')}</h3>
          <FieldList
            items={[
              { label: t('Products'), value: format.integer(count?.value) },
              { label: t('Average feature adoption'), value: format.percent(adoption?.value) },
              { label: t('Last active'), value: format.date(inactivity?.lastActive.value) },
            ]}
          />
        </Section>
        <Section>
          <h3>{t('Usage trend')}</h3>
          <UsageTrend />
        </Section>
      </Columns>
      <Section>
        <h3>{t('Active products')}</h3>
        {products.usage.length ? (
          <UsageTable usage={products.usage} />
        ) : products.active.length ? (
          <NameList>
            {products.active.map((name, index) => (
              <li key={`${name}-${index}`}>
                <Badge tone="neutral">{name}</Badge>
              </li>
            ))}
          </NameList>
        ) : (
          <EmptyState title={t('No products listed')} columns={['product_usage', 'active_products']} />
        )}
      </Section>
    </Stack>
  );
}
