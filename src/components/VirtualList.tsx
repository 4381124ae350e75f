/**
 * A windowed list: only the rows in view, plus a small overscan, are in the DOM, so ten thousand items cost what
 * twenty do. Rows have one fixed height and the viewport a known height (both from the theme tokens), so the window
 * is computed from scrollTop alone: no layout reads, which also makes it exact under jsdom.
 */
import { ReactNode, UIEvent, useCallback, useState } from 'react';
import { styled, useTheme } from '../theme';
import { withTokens } from '../theme/styles';
import { getTokens } from '../theme/tokens';

const Viewport = styled.div(
  withTokens(k => ({
    position: 'relative',
    overflowY: 'auto',
    overscrollBehavior: 'contain',
    border: `${k.px(1)} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    background: k.colorBg,
    '&:focus-visible': { outline: `${k.px(2)} solid ${k.colorPrimary}`, outlineOffset: k.px(1) },
  })),
);

/** The full height of every row, so the scrollbar is true to the list's length. */
const Spacer = styled.div({ position: 'relative', width: '100%' });

const Rows = styled.ul({
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

const Row = styled.li(
  withTokens(k => ({
    boxSizing: 'border-box',
    overflow: 'hidden',
    borderBottom: `${k.px(1)} solid ${k.colorBorder}`,
    '&:last-of-type': { borderBottom: 'none' },
  })),
);

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Height of one row, in pixels. */
  rowHeight: number;
  /** Largest height of the viewport, in pixels; a short list is only as tall as its rows. */
  height: number;
  /** Rows rendered above and below the ones in view, so a fast scroll does not show a blank edge. */
  overscan?: number;
  /** The accessible name of the scrolling region and of the list. */
  label: string;
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
}

/** The first and last (exclusive) indexes to render for a scroll position. */
export function visibleWindow(
  scrollTop: number,
  { count, rowHeight, height, overscan }: { count: number; rowHeight: number; height: number; overscan: number },
): { start: number; end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const maxTop = Math.max(0, count * rowHeight - height);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + height) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

export default function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 4,
  label,
  itemKey,
  renderItem,
}: VirtualListProps<T>) {
  const k = getTokens(useTheme());
  const [scrollTop, setScrollTop] = useState(0);
  // Re-render only when the first row in view changes, not on every pixel of scroll.
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const top = event.currentTarget.scrollTop;
      setScrollTop(Math.floor(top / rowHeight) * rowHeight);
    },
    [rowHeight],
  );
  const total = items.length * rowHeight;
  const viewportHeight = Math.min(height, total);
  const { start, end } = visibleWindow(scrollTop, { count: items.length, rowHeight, height, overscan });

  return (
    // A scrolling region must be focusable, so a keyboard can scroll it.
    <Viewport
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={onScroll}
      style={{ height: k.px(viewportHeight) }}
    >
      <Spacer style={{ height: k.px(total) }}>
        <Rows aria-label={label} style={{ transform: `translateY(${k.px(start * rowHeight)})` }}>
          {items.slice(start, end).map((item, offset) => {
            const index = start + offset;
            return (
              <Row
                key={itemKey(item, index)}
                aria-setsize={items.length}
                aria-posinset={index + 1}
                style={{ height: k.px(rowHeight) }}
              >
                {renderItem(item, index)}
              </Row>
            );
          })}
        </Rows>
      </Spacer>
    </Viewport>
  );
}
