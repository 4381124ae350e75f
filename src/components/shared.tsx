/** Small shared pieces: sections, field lists, empty states, links, a status tag, a mini chart. */
import { ReactNode, useState } from 'react';
import { Button } from 'antd';
import { useProfile } from './context';
import { styled } from '../theme';
import { t } from '../i18n';
import { antdClass, getTokens } from '../theme/tokens';
import { safeWebUrl } from '../model/url';

export const Section = styled.section(({ theme }) => {
  const k = getTokens(theme);
  return {
    border: `1px solid ${k.colorBorder}`,
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
  };
});

/** A panel's sections, one under the other. */
export const Stack = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return { display: 'flex', flexDirection: 'column', gap: k.space(3), minWidth: 0 };
});

/** A progress bar and its figure side by side (feature adoption, health components). */
export const ProgressRow = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    display: 'grid',
    gridTemplateColumns: `minmax(${k.space(16)}, 1fr) auto`,
    alignItems: 'center',
    gap: k.space(2),
    [`.${antdClass('progress')}`]: { margin: 0 },
  };
});

/** Two columns on a wide tile, one on a narrow one. */
export const Columns = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    display: 'grid',
    gap: k.space(3),
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${k.px(k.breakpoints.narrow / 2)}), 1fr))`,
  };
});

const Dl = styled.dl(({ theme }) => {
  const k = getTokens(theme);
  return {
    display: 'grid',
    gridTemplateColumns: 'minmax(max-content, 40%) 1fr',
    columnGap: k.space(3),
    rowGap: k.space(1),
    margin: 0,
    fontSize: k.fontSize,
    dt: { color: k.colorTextSecondary },
    dd: { margin: 0, color: k.colorText, overflowWrap: 'anywhere', minWidth: 0 },
  };
});

export const Muted = styled.span(({ theme }) => ({ color: getTokens(theme).colorTextSecondary }));

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

const EmptyBox = styled.div(({ theme }) => {
  const k = getTokens(theme);
  return {
    padding: k.space(4),
    textAlign: 'center',
    color: k.colorTextSecondary,
    border: `1px dashed ${k.colorBorder}`,
    borderRadius: k.radius,
    code: { color: k.colorText },
  };
});

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

const toneColour = (theme: unknown, tone: Tone) => {
  const k = getTokens(theme);
  return {
    success: k.colorSuccess,
    warning: k.colorWarning,
    error: k.colorError,
    info: k.colorInfo,
    neutral: k.colorTextSecondary,
  }[tone];
};

export const Badge = styled.span<{ tone: Tone }>(({ theme, tone }) => {
  const k = getTokens(theme);
  const colour = toneColour(theme, tone);
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: k.space(1),
    padding: `0 ${k.space(1.5)}`,
    borderRadius: k.radius,
    border: `1px solid ${colour}`,
    color: colour,
    fontSize: k.fontSizeSm,
    lineHeight: 1.6,
    whiteSpace: 'nowrap',
  };
});

export const Dot = styled.span<{ tone: Tone }>(({ theme, tone }) => {
  const k = getTokens(theme);
  return {
    display: 'inline-block',
    width: k.space(2),
    height: k.space(2),
    borderRadius: '50%',
    background: toneColour(theme, tone),
    flex: 'none',
  };
});

export const Table = styled.table(({ theme }) => {
  const k = getTokens(theme);
  return {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: k.fontSize,
    color: k.colorText,
    'th, td': {
      textAlign: 'left',
      padding: `${k.space(1)} ${k.space(2)}`,
      borderBottom: `1px solid ${k.colorBorder}`,
      verticalAlign: 'top',
    },
    th: { color: k.colorTextSecondary, fontWeight: k.fontWeightStrong, whiteSpace: 'nowrap' },
    'td.num, th.num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  };
});

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
