/**
 * Activity Timeline: how much and how recently the customer was in touch, a filter by type, and every event,
 * newest first, in a windowed list that stays smooth with tens of thousands of events.
 */
import { useMemo, useState } from 'react';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t, tn } from '../../i18n';
import { ACTIVITY_TYPES, ActivityType } from '../../model/constants';
import type { Activity } from '../../model/types';
import { activityTypeLabel, eventTypeLabel } from '../../i18n/labels';
import type { Tokens } from '../../theme/tokens';
import { useProfile } from '../context';
import { EmptyState, Missing, Section, Stack } from '../shared';
import VirtualList from '../VirtualList';

type Filter = ActivityType | 'all';

/** Row geometry in grid units: two lines of text and the padding around them. Fixed, so the list can be windowed. */
const LINE_UNITS = 5;
const PAD_UNITS = 2;
const ROW_UNITS = 2 * LINE_UNITS + 2 * PAD_UNITS;
/** The timeline's viewport, in grid units: shorter on a small dashboard tile. */
const VIEWPORT_UNITS = { compact: 48, full: 120 } as const;

export const rowHeightOf = (k: Tokens) => ROW_UNITS * k.unit;
export const viewportHeightOf = (k: Tokens, compact: boolean) =>
  (compact ? VIEWPORT_UNITS.compact : VIEWPORT_UNITS.full) * k.unit;

const Figures = styled.dl(
  withTokens(k => ({
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${k.space(40)}), 1fr))`,
    gap: k.space(2),
    margin: 0,
    dt: { color: k.colorTextSecondary, fontSize: k.fontSizeSm },
    dd: { margin: 0, color: k.colorText, fontSize: k.fontSizeXl, fontWeight: k.fontWeightStrong },
  })),
);

const FilterBar = styled.div(
  withTokens(k => {
    return { display: 'flex', flexWrap: 'wrap', gap: k.space(1.5), marginBottom: k.space(2) };
  }),
);

const FilterButton = styled.button(
  withTokens(k => ({
    display: 'inline-flex',
    alignItems: 'center',
    gap: k.space(1.5),
    padding: `${k.space(0.5)} ${k.space(2.5)}`,
    border: `${k.px(1)} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    background: k.colorBg,
    color: k.colorText,
    font: 'inherit',
    fontSize: k.fontSizeSm,
    cursor: 'pointer',
    '&[aria-pressed="true"]': { borderColor: k.colorPrimary, color: k.colorPrimary, background: k.colorBgSubtle },
    '&:focus-visible': { outline: `${k.px(2)} solid ${k.colorPrimary}`, outlineOffset: k.px(1) },
  })),
);

const Count = styled.span(
  withTokens(k => {
    return { color: k.colorTextSecondary, fontVariantNumeric: 'tabular-nums' };
  }),
);

const Summary = styled.p(
  withTokens(k => {
    return { margin: `0 0 ${k.space(2)}`, color: k.colorTextSecondary, fontSize: k.fontSizeSm };
  }),
);

const EventBody = styled.div(
  withTokens(k => ({
    height: '100%',
    boxSizing: 'border-box',
    padding: `${k.space(PAD_UNITS)} ${k.space(3)}`,
    display: 'grid',
    gridTemplateRows: `${k.space(LINE_UNITS)} ${k.space(LINE_UNITS)}`,
    lineHeight: k.space(LINE_UNITS),
    minWidth: 0,
  })),
);

const Line = styled.div(
  withTokens(k => {
    return { display: 'flex', alignItems: 'center', gap: k.space(2), minWidth: 0 };
  }),
);

/** Text cut to one line: rows have a fixed height; the full text stays in the DOM and in the tooltip. */
const Clip = styled.span({
  flex: '1 1 auto',
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
});

const Subject = styled(Clip)(
  withTokens(k => {
    return { color: k.colorText, fontSize: k.fontSize, fontWeight: k.fontWeightStrong };
  }),
);

const Meta = styled(Clip)(
  withTokens(k => {
    return { color: k.colorTextSecondary, fontSize: k.fontSizeSm, paddingLeft: k.space(4) };
  }),
);

const When = styled.time(
  withTokens(k => {
    return { flex: 'none', color: k.colorTextSecondary, fontSize: k.fontSizeSm, fontVariantNumeric: 'tabular-nums' };
  }),
);

/** The type's mark: one series colour per type; the type is also written out, so colour is never the only cue. */
const TypeMark = styled.span<{ colourIndex: number }>(
  withTokens<{ colourIndex: number }>((k, { colourIndex }) => ({
    flex: 'none',
    width: k.space(2),
    height: k.space(2),
    borderRadius: '50%',
    background: k.series[colourIndex % k.series.length],
  })),
);

function EventRow({ event }: { event: Activity }) {
  const { format } = useProfile();
  const date = format.date(event.activityDate);
  const meta = [
    eventTypeLabel(event.type),
    event.owner !== undefined ? t('Owner: %s', event.owner) : undefined,
    event.outcome !== undefined ? t('Outcome: %s', event.outcome) : undefined,
  ].filter((part): part is string => part !== undefined);
  return (
    <EventBody>
      <Line>
        <TypeMark colourIndex={ACTIVITY_TYPES.indexOf(event.type)} aria-hidden="true" />
        <Subject title={event.subject}>{event.subject ?? <Missing />}</Subject>
        {date ? <When dateTime={event.activityDate}>{date}</When> : <Missing />}
      </Line>
      <Meta title={meta.join(' · ')}>{meta.join(' · ')}</Meta>
    </EventBody>
  );
}

export default function ActivityTab() {
  const { profile, format, tokens, compact, printing } = useProfile();
  const { items, totalInteractions, lastInteractionDate } = profile.activity;
  const [filter, setFilter] = useState<Filter>('all');

  const counts = useMemo(() => {
    const byType = Object.fromEntries(ACTIVITY_TYPES.map(type => [type, 0])) as Record<ActivityType, number>;
    items.forEach(item => {
      byType[item.type] += 1;
    });
    return byType;
  }, [items]);
  const present = ACTIVITY_TYPES.filter(type => counts[type] > 0);
  // A filter whose type has gone (another customer, new data) falls back to All.
  const active: Filter = filter !== 'all' && counts[filter] > 0 ? filter : 'all';
  const shown = useMemo(() => (active === 'all' ? items : items.filter(item => item.type === active)), [items, active]);

  const total = totalInteractions ?? (items.length ? items.length : undefined);
  // Items are newest first and undated ones last, so the first dated item is the newest.
  const lastDate = format.date(lastInteractionDate ?? items.find(item => item.activityDate)?.activityDate);

  if (!items.length && total === undefined && lastDate === undefined)
    return <EmptyState title={t('No activity recorded')} columns={['activities']} />;

  const filters: { id: Filter; label: string; count: number }[] = [
    { id: 'all', label: t('All'), count: items.length },
    ...present.map(type => ({ id: type, label: activityTypeLabel(type), count: counts[type] })),
  ];

  return (
    <Stack>
      <Figures>
        <div>
          <dt>{t('Total interactions')}</dt>
          <dd>{format.integer(total) ?? <Missing />}</dd>
        </div>
        <div>
          <dt>{t('Last interaction')}</dt>
          <dd>{lastDate ?? <Missing />}</dd>
        </div>
      </Figures>
      <Section>
        <h3>{t('Events')}</h3>
        {!items.length ? (
          <EmptyState title={t('No activity events to list')} columns={['activities']} />
        ) : (
          <>
            <FilterBar role="group" aria-label={t('Filter events by type')}>
              {filters.map(({ id, label, count }) => (
                <FilterButton
                  key={id}
                  type="button"
                  aria-pressed={active === id}
                  onClick={() => setFilter(id)}
                  title={tn('%s event', '%s events', count, format.integer(count))}
                >
                  {label} <Count>{format.integer(count)}</Count>
                </FilterButton>
              ))}
            </FilterBar>
            <Summary aria-live="polite">
              {active === 'all'
                ? tn('%s event, newest first', '%s events, newest first', items.length, format.integer(items.length))
                : t('%s of %s events, newest first', format.integer(shown.length), format.integer(items.length))}
            </Summary>
            <VirtualList
              // A new filter starts at the top of its list.
              key={active}
              items={shown}
              rowHeight={rowHeightOf(tokens)}
              // Printed, the list is as tall as all its rows, so every event is on paper.
              height={printing ? shown.length * rowHeightOf(tokens) : viewportHeightOf(tokens, compact)}
              label={t('Activity events')}
              // Ids may repeat in the data; the position makes the key unique.
              itemKey={(item, index) => `${index}:${item.activityId ?? ''}`}
              renderItem={item => <EventRow event={item} />}
            />
          </>
        )}
      </Section>
    </Stack>
  );
}
