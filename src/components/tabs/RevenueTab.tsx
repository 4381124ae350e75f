/**
 * Revenue History: ARR over time, how the customer pays, and the invoices. Financial data only: the tab is not
 * offered without it, and the panel still refuses to render anything when the model has no revenue.
 */
import { useMemo, useState } from 'react';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import type { Invoice, RevenueInfo } from '../../model/types';
import { useProfile } from '../context';
import MiniChart, { ChartPoint } from '../MiniChart';
import {
  Badge,
  LATENESS_TONE,
  PaymentHealthBadge,
  Columns,
  Dot,
  EmptyState,
  FieldList,
  Missing,
  Muted,
  Section,
  Stack,
  Table,
  TableScroll,
  Tone,
  useFirstRows,
} from '../shared';

const Legend = styled.ul(
  withTokens(k => ({
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${k.space(1)} ${k.space(3)}`,
    listStyle: 'none',
    margin: `${k.space(2)} 0`,
    padding: 0,
    fontSize: k.fontSizeSm,
    color: k.colorTextSecondary,
    li: { display: 'inline-flex', alignItems: 'center', gap: k.space(1) },
  })),
);

/** A column header that sorts: a real button, so it is reachable and operable from the keyboard. */
const SortButton = styled.button(
  withTokens(k => ({
    display: 'inline-flex',
    alignItems: 'center',
    gap: k.space(1),
    padding: 0,
    border: 0,
    background: 'none',
    font: 'inherit',
    fontWeight: k.fontWeightStrong,
    color: 'inherit',
    cursor: 'pointer',
    '&:hover': { color: k.colorText },
    '&:focus-visible': { outline: `${k.px(2)} solid ${k.colorPrimary}`, outlineOffset: k.px(2) },
  })),
);

type SortKey = 'issued' | 'amount' | 'status';
type Direction = 'ascending' | 'descending';
interface Sort {
  key: SortKey;
  direction: Direction;
}
/** Newest invoice first, as an account manager reads them. */
const DEFAULT_SORT: Sort = { key: 'issued', direction: 'descending' };
/** The first click on a column: largest amount first, statuses A-Z. */
const FIRST_DIRECTION: Record<SortKey, Direction> = {
  issued: 'descending',
  amount: 'descending',
  status: 'ascending',
};

const INVOICE_TONE: Record<string, Tone> = { paid: 'success', open: 'info', overdue: 'error' };

function invoiceStatusLabel(status: string): string {
  switch (status.toLowerCase()) {
    case 'paid':
      return t('Paid');
    case 'open':
      return t('Open');
    case 'overdue':
      return t('Overdue');
    case 'void':
      return t('Void');
    default:
      return status;
  }
}

type SortValue = string | number | undefined;
function sortValue(invoice: Invoice, key: SortKey): SortValue {
  if (key === 'issued') return invoice.issuedDate;
  if (key === 'amount') return invoice.amount;
  return invoice.status === undefined ? undefined : invoiceStatusLabel(invoice.status);
}

/** Sorted copy; invoices without the value go last whichever the direction. */
function sortInvoices(invoices: Invoice[], { key, direction }: Sort): Invoice[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...invoices].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * sign;
  });
}

function SortHeader({
  label,
  column,
  sort,
  onSort,
  numeric = false,
}: {
  label: string;
  column: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? sort.direction : 'none'}>
      <SortButton type="button" onClick={() => onSort(column)}>
        {label}
        {active && <span aria-hidden>{sort.direction === 'ascending' ? '▲' : '▼'}</span>}
      </SortButton>
    </th>
  );
}

/** Invoices shown before 'Show all': a thousand rows would cost a tab switch hundreds of milliseconds. */
const FIRST_INVOICES = 50;

function InvoiceTable({ invoices }: { invoices: Invoice[] }) {
  const { format } = useProfile();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const onSort = (key: SortKey) =>
    setSort(current =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );
  const sorted = useMemo(() => sortInvoices(invoices, sort), [invoices, sort]);
  const { shown: rows, more } = useFirstRows(sorted, FIRST_INVOICES);
  return (
    <>
      <TableScroll>
        <Table aria-label={t('Invoices')}>
          <thead>
            <tr>
              <th scope="col">{t('Invoice')}</th>
              <SortHeader label={t('Issued')} column="issued" sort={sort} onSort={onSort} />
              <th scope="col">{t('Due')}</th>
              <th scope="col">{t('Paid')}</th>
              <SortHeader label={t('Amount')} column="amount" sort={sort} onSort={onSort} numeric />
              <SortHeader label={t('Status')} column="status" sort={sort} onSort={onSort} />
            </tr>
          </thead>
          <tbody>
            {rows.map((invoice, index) => (
              <tr key={`${invoice.invoiceId ?? ''}-${index}`}>
                <th scope="row">{invoice.invoiceId ?? <Missing />}</th>
                <td>{format.date(invoice.issuedDate) ?? <Missing />}</td>
                <td>{format.date(invoice.dueDate) ?? <Missing />}</td>
                <td>{format.date(invoice.paidDate) ?? <Missing />}</td>
                <td className="num">{format.money(invoice.amount) ?? <Missing />}</td>
                <td>
                  {invoice.status === undefined ? (
                    <Missing />
                  ) : (
                    <Badge tone={INVOICE_TONE[invoice.status.toLowerCase()] ?? 'neutral'}>
                      {invoiceStatusLabel(invoice.status)}
                    </Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableScroll>
      {more}
    </>
  );
}

function ArrHistory({ revenue }: { revenue: RevenueInfo }) {
  const { format } = useProfile();
  const known = revenue.arrHistory.filter(p => p.arr !== undefined && format.month(p.month) !== undefined);
  if (!known.length) return <EmptyState title={t('No ARR history')} columns={['arr_history']} />;
  const points: ChartPoint[] = known.map(p => ({ label: format.month(p.month) as string, value: p.arr as number }));
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <>
      <MiniChart
        points={points}
        kind="line"
        min={0}
        formatValue={format.money}
        summary={t(
          'ARR from %s in %s to %s in %s',
          format.money(first.value),
          first.label,
          format.money(last.value),
          last.label,
        )}
      />
      <FieldList
        items={[
          { label: t('First: %s', first.label), value: format.money(first.value) },
          ...(points.length > 1 ? [{ label: t('Last: %s', last.label), value: format.money(last.value) }] : []),
        ]}
      />
    </>
  );
}

/** Bars in the payment timeline: past this, bars are thinner than a pixel on a dashboard tile. */
const MAX_PAYMENT_BARS = 60;

function PaymentTimeline({ revenue }: { revenue: RevenueInfo }) {
  const { format, thresholds, facts } = useProfile();
  const { payments } = revenue;
  const {
    timed,
    onTime,
    late,
    avgDelay: avg,
    health,
    lateness,
  } = facts.payments ?? { timed: 0, onTime: 0, late: 0, lateness: [] };
  const avgDelay = avg?.value;
  // Payments are in date order: the chart draws the most recent ones, the figures below count them all.
  const paid = payments.flatMap((p, index) =>
    p.amount === undefined ? [] : [{ payment: p, amount: p.amount, lateness: lateness[index] }],
  );
  const bars: ChartPoint[] = paid.slice(-MAX_PAYMENT_BARS).map(p => ({
    label: format.date(p.payment.paymentDate) ?? '',
    value: p.amount,
    tone: p.lateness && LATENESS_TONE[p.lateness],
  }));

  if (!payments.length && avgDelay === undefined)
    return <EmptyState title={t('No payments')} columns={['payments', 'avg_payment_delay']} />;
  return (
    <>
      {bars.length > 0 && (
        <MiniChart
          points={bars}
          kind="bars"
          min={0}
          formatValue={format.money}
          summary={t(
            '%s payments: %s on time, %s late',
            format.integer(payments.length),
            format.integer(onTime),
            format.integer(late),
          )}
        />
      )}
      {bars.length > 0 && (
        <Legend aria-label={t('Legend')}>
          <li>
            <Dot tone="success" aria-hidden />
            {t('On time')}
          </li>
          <li>
            <Dot tone="warning" aria-hidden />
            {t('Late')}
          </li>
          <li>
            <Dot tone="error" aria-hidden />
            {t('More than %s days late', format.integer(thresholds.paymentDelayAlertDays))}
          </li>
          <li>{t('Bar height: amount paid')}</li>
          {paid.length > bars.length && <li>{t('The last %s payments', format.integer(bars.length))}</li>}
        </Legend>
      )}
      <FieldList
        items={[
          { label: t('On time'), value: timed ? format.integer(onTime) : undefined },
          { label: t('Late'), value: timed ? format.integer(late) : undefined },
          {
            label: t('Average delay'),
            value: avgDelay === undefined ? undefined : t('%s days', format.decimal(avgDelay)),
          },
          {
            label: t('Payment health'),
            value: health && <PaymentHealthBadge health={health} />,
          },
        ]}
      />
      {!payments.length && <Muted>{t('No individual payments listed')}</Muted>}
    </>
  );
}

/** Revenue History panel. */
export default function RevenueTab() {
  const { profile, facts, format } = useProfile();
  const { revenue } = profile;
  if (!revenue) return <EmptyState title={t('Financial data is hidden by the chart settings')} columns={[]} />;
  const growth = facts.arrGrowth;
  return (
    <Stack>
      <Columns>
        <Section>
          <h3>{t('Revenue summary')}</h3>
          <FieldList
            items={[
              { label: t('Current ARR'), value: format.money(revenue.currentArr) },
              { label: t('Previous month ARR'), value: format.money(revenue.prevMonthArr) },
              {
                label: growth?.period === 'mom' ? t('ARR growth (month over month)') : t('ARR growth (year over year)'),
                value: format.growth(growth?.value),
              },
              { label: t('Lifetime value'), value: format.money(revenue.ltv) },
              { label: t('Total paid'), value: format.money(revenue.totalPaid) },
              { label: t('Total invoices'), value: format.integer(revenue.totalInvoices) },
              { label: t('First payment'), value: format.date(revenue.firstPaymentDate) },
              { label: t('Last payment'), value: format.date(revenue.lastPaymentDate) },
            ]}
          />
        </Section>
        <Section>
          <h3>{t('ARR history')}</h3>
          <ArrHistory revenue={revenue} />
        </Section>
      </Columns>
      <Section>
        <h3>{t('Payments')}</h3>
        <PaymentTimeline revenue={revenue} />
      </Section>
      <Section>
        <h3>{t('Invoices')}</h3>
        {revenue.invoices.length ? (
          <InvoiceTable invoices={revenue.invoices} />
        ) : (
          <EmptyState title={t('No invoices')} columns={['invoices']} />
        )}
      </Section>
    </Stack>
  );
}
