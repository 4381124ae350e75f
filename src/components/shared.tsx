/** Small shared pieces: sections, field lists, empty states, links, a status tag, a mini chart. */
import { ReactNode, useState } from 'react';
import { Button } from 'antd';
import { useProfile } from './context';
import { styled } from '../theme';
import { visuallyHidden, withTokens } from '../theme/styles';
import { t } from '../i18n';
import { antdClass, Tokens } from '../theme/tokens';
import { safeWebUrl } from '../model/url';
import type { HealthStatus, PaymentHealth } from '../model/constants';
import type { Lateness } from '../model/facts';
import { healthStatusLabel, paymentHealthLabel } from '../i18n/labels';

export const Section = styled.section(
  withTokens(k => ({
    border: `${k.lineWidth} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    padding: k.space(3),
    background: k.colorBg,
    minWidth: 0,
    h3: {
      margin: `0 0 ${k.space(2)}`,
      fontSize: k.fontSizeLg,
      fontWeight: k.fontWeightStrong,
      color: k.colorText,
    },
  })),
);

/** A panel's sections, one under the other. */
export const Stack = styled.div(
  withTokens(k => {
    return { display: 'flex', flexDirection: 'column', gap: k.space(3), minWidth: 0 };
  }),
);

/** A progress bar and its figure side by side (feature adoption, health components). */
export const ProgressRow = styled.div(
  withTokens(k => ({
    display: 'grid',
    gridTemplateColumns: `minmax(${k.space(16)}, 1fr) auto`,
    alignItems: 'center',
    gap: k.space(2),
    [`.${antdClass('progress')}`]: { margin: 0 },
  })),
);

/** Two columns on a wide tile, one on a narrow one. */
export const Columns = styled.div(
  withTokens(k => ({
    display: 'grid',
    gap: k.space(3),
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${k.px(k.breakpoints.narrow / 2)}), 1fr))`,
  })),
);

const Dl = styled.dl(
  withTokens(k => ({
    display: 'grid',
    gridTemplateColumns: 'minmax(max-content, 40%) 1fr',
    columnGap: k.space(3),
    rowGap: k.space(1),
    margin: 0,
    fontSize: k.fontSize,
    dt: { color: k.colorTextSecondary },
    dd: { margin: 0, color: k.colorText, overflowWrap: 'anywhere', minWidth: 0 },
  })),
);

/** Read by screen readers only. */
export const VisuallyHidden = styled.span(withTokens(visuallyHidden));

export const Muted = styled.span(withTokens(k => ({ color: k.colorTextSecondary })));

/** A missing value: quiet, and read out as "Not available". */
export function Missing() {
  return (
    <Muted role="note" aria-label={t('Not available')} title={t('Not available')}>
      —
    </Muted>
  );
}

export interface FieldItem {
  label: string;
  value: ReactNode | undefined;
}

export function FieldList({ items }: { items: FieldItem[] }) {
  return (
    <Dl>
      {items.map(({ label, value }) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value === undefined || value === null || value === '' ? <Missing /> : value}</dd>
        </div>
      ))}
    </Dl>
  );
}

const EmptyBox = styled.div(
  withTokens(k => ({
    padding: k.space(4),
    textAlign: 'center',
    color: k.colorTextSecondary,
    border: `${k.lineWidth} dashed ${k.colorBorder}`,
    borderRadius: k.radius,
    code: { color: k.colorText },
  })),
);

/** An empty tab or section: says what is missing and, for the chart author, which column feeds it. */
export function EmptyState({ title, columns }: { title: string; columns: string[] }) {
  return (
    <EmptyBox role="status">
      <div>{title}</div>
      {columns.length > 0 && (
        <div>
          {t('Fed by the column(s):')} <code>{columns.join(', ')}</code>
        </div>
      )}
    </EmptyBox>
  );
}

/** A link only when the URL is http(s); anything else is shown as plain text. */
export function WebLink({ url, children }: { url: string | undefined; children?: ReactNode }) {
  const href = safeWebUrl(url);
  if (!href) return <span>{children ?? url}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}

export type Tone = 'success' | 'warning' | 'error' | 'info' | 'neutral';

const toneColour = (k: Tokens, tone: Tone) => {
  return {
    success: k.colorSuccess,
    warning: k.colorWarning,
    error: k.colorError,
    info: k.colorInfo,
    neutral: k.colorTextSecondary,
  }[tone];
};

export const Badge = styled.span<{ tone: Tone }>(
  withTokens<{ tone: Tone }>((k, { tone }) => {
    const colour = toneColour(k, tone);
    return {
      display: 'inline-flex',
      alignItems: 'center',
      gap: k.space(1),
      padding: `0 ${k.space(1.5)}`,
      borderRadius: k.radius,
      border: `${k.lineWidth} solid ${colour}`,
      color: colour,
      fontSize: k.fontSizeSm,
      lineHeight: 1.6,
      whiteSpace: 'nowrap',
    };
  }),
);

/** The tone of each status the facts give: one mapping, so a status looks the same on every tab. */
export const HEALTH_TONE: Record<HealthStatus, Tone> = { critical: 'error', 'at-risk': 'warning', healthy: 'success' };
export const PAYMENT_TONE: Record<PaymentHealth, Tone> = { good: 'success', fair: 'warning', poor: 'error' };
export const LATENESS_TONE: Record<Lateness, 'success' | 'warning' | 'error'> = {
  'on-time': 'success',
  late: 'warning',
  'very-late': 'error',
};

export function HealthBadge({ status }: { status: HealthStatus | undefined }) {
  return status ? <Badge tone={HEALTH_TONE[status]}>{healthStatusLabel(status)}</Badge> : null;
}

export function PaymentHealthBadge({ health }: { health: PaymentHealth | undefined }) {
  return health ? <Badge tone={PAYMENT_TONE[health]}>{paymentHealthLabel(health)}</Badge> : null;
}

export const Dot = styled.span<{ tone: Tone }>(
  withTokens<{ tone: Tone }>((k, { tone }) => ({
    display: 'inline-block',
    width: k.space(2),
    height: k.space(2),
    borderRadius: '50%',
    background: toneColour(k, tone),
    flex: 'none',
  })),
);

export const Table = styled.table(
  withTokens(k => ({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: k.fontSize,
    color: k.colorText,
    'th, td': {
      textAlign: 'left',
      padding: `${k.space(1)} ${k.space(2)}`,
      borderBottom: `${k.lineWidth} solid ${k.colorBorder}`,
      verticalAlign: 'top',
    },
    th: { color: k.colorTextSecondary, fontWeight: k.fontWeightStrong, whiteSpace: 'nowrap' },
    'td.num, th.num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  })),
);

/** Horizontal scroll for wide tables on small tiles. */
export const TableScroll = styled.div({ overflowX: 'auto', maxWidth: '100%' });

/**
 * Long lists (a thousand invoices, hundreds of contacts) show their first rows and a button for the rest; the
 * print view shows everything.
 */
export function useFirstRows<T>(items: readonly T[], first: number) {
  const { printing } = useProfile();
  const [all, setAll] = useState(false);
  const shown = printing || all || items.length <= first ? items : items.slice(0, first);
  const more =
    shown.length < items.length ? (
      <Button size="small" onClick={() => setAll(true)}>
        {t('Show all %s', items.length)}
      </Button>
    ) : null;
  return { shown, more };
}
