/**
 * A small SVG chart (line or bars) for histories and trends, drawn from theme tokens. It carries a text summary
 * for screen readers; the numbers themselves are in the tables and fields around it.
 */
import { useMemo } from 'react';
import { styled, useTheme } from '../theme';
import { withTokens } from '../theme/styles';
import { getTokens } from '../theme/tokens';

export interface ChartPoint {
  label: string;
  value: number;
  /** Bar colour key; bars without one use the primary colour. */
  tone?: 'success' | 'warning' | 'error';
}

export interface MiniChartProps {
  points: ChartPoint[];
  kind?: 'line' | 'bars';
  /** Accessible summary of what the chart shows. */
  summary: string;
  /** Fixed lower bound (0 for amounts and scores). */
  min?: number;
  max?: number;
  /** Formats values as the rest of the chart does (money, counts): in each point's title and in the caption under a line chart. */
  formatValue: (value: number) => string | undefined;
}

const VIEW_W = 600;
const VIEW_H = 160;
const PAD = 6;

const Caption = styled.div(
  withTokens(k => ({
    display: 'flex',
    justifyContent: 'space-between',
    gap: k.space(2),
    color: k.colorTextSecondary,
    fontSize: k.fontSizeSm,
    fontVariantNumeric: 'tabular-nums',
  })),
);

const Svg = styled.svg(
  withTokens(k => {
    return { width: '100%', height: k.space(30), display: 'block' };
  }),
);

export default function MiniChart({ points, kind = 'line', summary, min, max, formatValue }: MiniChartProps) {
  const k = getTokens(useTheme());
  const shapes = useMemo(() => {
    const values = points.map(p => p.value);
    const lo = min ?? Math.min(...values);
    const hi = Math.max(max ?? -Infinity, ...values);
    const span = hi - lo || 1;
    const y = (v: number) => VIEW_H - PAD - ((v - lo) / span) * (VIEW_H - 2 * PAD);
    const step = points.length > 1 ? (VIEW_W - 2 * PAD) / (points.length - 1) : 0;
    const x = (i: number) => (points.length > 1 ? PAD + i * step : VIEW_W / 2);
    return { y, x, step };
  }, [points, min, max]);

  if (!points.length) return null;
  const colour = { success: k.colorSuccess, warning: k.colorWarning, error: k.colorError };
  const { x, y } = shapes;
  const barWidth = Math.max(1, ((VIEW_W - 2 * PAD) / points.length) * 0.7);
  const first = points[0];
  const last = points[points.length - 1];
  const labelOf = (p: ChartPoint) => `${p.label}: ${formatValue(p.value) ?? ''}`;
  return (
    <figure style={{ margin: 0 }}>
      <Svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <line x1={PAD} x2={VIEW_W - PAD} y1={VIEW_H - PAD} y2={VIEW_H - PAD} stroke={k.colorBorder} />
        {kind === 'line' ? (
          <polyline
            fill="none"
            stroke={k.colorPrimary}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
          />
        ) : (
          points.map((p, i) => (
            <rect
              key={`${p.label}-${i}`}
              x={PAD + ((VIEW_W - 2 * PAD) / points.length) * i}
              width={barWidth}
              y={Math.min(y(p.value), y(Math.max(min ?? 0, 0)))}
              height={Math.max(1, Math.abs(y(Math.max(min ?? 0, 0)) - y(p.value)))}
              fill={p.tone ? colour[p.tone] : k.colorPrimary}
            >
              <title>{labelOf(p)}</title>
            </rect>
          ))
        )}
      </Svg>
      {kind === 'line' && (
        // The summary already tells a screen reader the same.
        <Caption aria-hidden="true">
          <span>{labelOf(first)}</span>
          {points.length > 1 && <span>{labelOf(last)}</span>}
        </Caption>
      )}
    </figure>
  );
}
