import { fireEvent, screen, within } from '@testing-library/dom';
import { supersetTheme } from '@superset-ui/core';
import ActivityTab, { rowHeightOf } from '../../../src/components/tabs/ActivityTab';
import { getTokens } from '../../../src/theme/tokens';
import { renderPanel } from '../../support/render';
import { daysFrom, rowWith, shortDate, sparseRow, TODAY } from '../../support/fixtures';

const events = () => within(screen.getByRole('list', { name: 'Activity events' })).getAllByRole('listitem');
const subjects = () => events().map(li => li.querySelector('span[title]')?.textContent);
const filterButtons = () => within(screen.getByRole('group', { name: 'Filter events by type' })).getAllByRole('button');
const figure = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

/** `count` events, newest first: "Event 0" is the newest, an hour apart. */
function manyEvents(count: number) {
  const start = TODAY.getTime() - 86_400_000;
  return Array.from({ length: count }, (_, i) => ({
    activity_id: `E${i}`,
    activity_date: new Date(start - i * 3_600_000).toISOString(),
    type: ['meeting', 'call', 'email', 'ticket', 'note'][i % 5],
    subject: `Event ${i}`,
    owner: 'John Smith',
    outcome: null,
  }));
}

test("shows Acme's totals and last interaction date", () => {
  renderPanel(ActivityTab);
  expect(figure('Total interactions')).toBe('5');
  expect(figure('Last interaction')).toBe(shortDate(daysFrom(-3)));
});

test("lists Acme's events newest first, with date, type, owner and outcome", () => {
  renderPanel(ActivityTab);
  expect(subjects()).toEqual([
    'QBR preparation',
    'Renewal check-in',
    'Pricing follow-up',
    'SSO login failures',
    'Champion changed roles',
  ]);
  const first = events()[0];
  within(first).getByText(shortDate(daysFrom(-3)));
  within(first).getByText('Meeting · Owner: John Smith · Outcome: Agreed agenda');
  // No outcome in the data: nothing is invented for it.
  within(events()[2]).getByText('Email · Owner: John Smith');
});

test('offers All and only the types present, each with its count', () => {
  renderPanel(ActivityTab);
  expect(filterButtons().map(b => b.textContent)).toEqual([
    'All 5',
    'Meetings 1',
    'Calls 1',
    'Emails 1',
    'Tickets 1',
    'Notes 1',
  ]);
  expect(screen.getByRole('button', { name: 'All 5' }).getAttribute('aria-pressed')).toBe('true');
});

test('filtering by Calls shows only the call, and back to All shows every event', () => {
  renderPanel(ActivityTab);
  fireEvent.click(screen.getByRole('button', { name: 'Calls 1' }));
  expect(subjects()).toEqual(['Renewal check-in']);
  expect(screen.getByRole('button', { name: 'Calls 1' }).getAttribute('aria-pressed')).toBe('true');
  expect(screen.getByRole('button', { name: 'All 5' }).getAttribute('aria-pressed')).toBe('false');
  screen.getByText('1 of 5 events, newest first');
  // The counts do not change with the filter.
  expect(filterButtons().map(b => b.textContent)).toContain('Meetings 1');

  fireEvent.click(screen.getByRole('button', { name: 'All 5' }));
  expect(subjects()).toHaveLength(5);
});

test('falls back to the item count and the newest item when the summary columns are empty', () => {
  renderPanel(ActivityTab, { row: rowWith({ total_interactions: null, last_interaction_date: null }) });
  expect(figure('Total interactions')).toBe('5');
  expect(figure('Last interaction')).toBe(shortDate(daysFrom(-3)));
});

test('an event without a subject or date shows them as not available', () => {
  renderPanel(ActivityTab, { row: rowWith({ activities: [{ activity_id: 'X', type: 'call' }] }) });
  expect(within(events()[0]).getAllByRole('note', { name: 'Not available' })).toHaveLength(2);
  within(events()[0]).getByText('Call');
});

test('names the activities column when there is nothing to show', () => {
  renderPanel(ActivityTab, { row: sparseRow });
  const empty = screen.getByRole('status');
  expect(empty.textContent).toContain('activities');
  expect(screen.queryByRole('list')).toBeNull();
});

test('keeps the totals and names the column when only the list is missing', () => {
  renderPanel(ActivityTab, { row: rowWith({ activities: null }) });
  expect(figure('Total interactions')).toBe('5');
  expect(screen.getByRole('status').textContent).toContain('activities');
});

describe('10,000 events', () => {
  const COUNT = 10_000;
  const rowHeight = rowHeightOf(getTokens(supersetTheme));

  test.each([false, true])('renders only a window of rows, and scrolling shows later events (compact %s)', compact => {
    const { container } = renderPanel(ActivityTab, {
      row: rowWith({ activities: manyEvents(COUNT), total_interactions: COUNT }),
      compact,
    });
    expect(figure('Total interactions')).toBe('10,000');
    expect(container.querySelectorAll('li').length).toBeLessThan(100);
    screen.getByText('Event 0');
    expect(screen.queryByText('Event 5000')).toBeNull();
    // Screen readers still hear the list's real length.
    expect(events()[0].getAttribute('aria-setsize')).toBe(String(COUNT));

    const viewport = screen.getByRole('region', { name: 'Activity events' });
    viewport.scrollTop = 5000 * rowHeight;
    fireEvent.scroll(viewport);
    screen.getByText('Event 5000');
    expect(screen.queryByText('Event 0')).toBeNull();
    expect(container.querySelectorAll('li').length).toBeLessThan(100);

    viewport.scrollTop = COUNT * rowHeight;
    fireEvent.scroll(viewport);
    screen.getByText(`Event ${COUNT - 1}`);
    expect(container.querySelectorAll('li').length).toBeLessThan(100);
  });

  test('filtering a long list is windowed too and starts at the top', () => {
    const { container } = renderPanel(ActivityTab, { row: rowWith({ activities: manyEvents(COUNT) }) });
    const viewport = screen.getByRole('region', { name: 'Activity events' });
    viewport.scrollTop = 3000 * rowHeight;
    fireEvent.scroll(viewport);
    fireEvent.click(screen.getByRole('button', { name: 'Calls 2,000' }));
    expect(subjects()[0]).toBe('Event 1');
    expect(container.querySelectorAll('li').length).toBeLessThan(100);
    screen.getByText('2,000 of 10,000 events, newest first');
  });
});
