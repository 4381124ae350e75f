import { screen, within } from '@testing-library/dom';
import HealthTab from '../../../src/components/tabs/HealthTab';
import { renderPanel } from '../../support/render';
import { rowWith, sparseRow } from '../../support/fixtures';

const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('HealthTab', () => {
  it('shows the score out of 100 with its status', () => {
    renderPanel(HealthTab);
    expect(screen.getByText('45/100')).toBeTruthy();
    // 45 is below the default critical threshold of 50.
    expect(screen.getByText('Critical')).toBeTruthy();
  });

  it.each([
    { score: 65, status: 'At risk' },
    { score: 70, status: 'Healthy' },
    { score: 49, status: 'Critical' },
  ])('labels a score of $score as $status', ({ score, status }) => {
    renderPanel(HealthTab, { row: rowWith({ health_score: score }) });
    expect(screen.getByText(status)).toBeTruthy();
  });

  it('calls out the component that pulls the score down most', () => {
    renderPanel(HealthTab);
    expect(screen.getByText('Support pulls the score down most (25/100)')).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: /Support/ }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Pulls down most')).toBeTruthy();
  });

  it('weighs the components: a heavy middling component can outweigh a light poor one', () => {
    renderPanel(HealthTab, {
      row: rowWith({
        health_breakdown: [
          { component: 'Usage', score: 40, weight: 80 },
          { component: 'Support', score: 10, weight: 20 },
        ],
      }),
    });
    expect(screen.getByText('Usage pulls the score down most (40/100)')).toBeTruthy();
  });

  it('lists each component with its score bar and weight', () => {
    renderPanel(HealthTab);
    const table = screen.getByRole('table', { name: 'Health score breakdown' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    const usage = within(table).getByRole('rowheader', { name: 'Product usage' }).closest('tr') as HTMLElement;
    expect(within(usage).getByRole('progressbar', { name: 'Product usage score: 60/100' })).toBeTruthy();
    expect(within(usage).getByText('30%')).toBeTruthy();
  });

  it('draws the health history on a 0-100 scale', () => {
    renderPanel(HealthTab);
    expect(screen.getByRole('img', { name: /Health score from 60 .* to 45 / })).toBeTruthy();
  });

  it('shows NPS, CSAT, tickets, resolution time and churn risk', () => {
    renderPanel(HealthTab);
    expect(value('NPS')).toBe('20');
    expect(value('CSAT')).toBe('78/100');
    expect(value('Support tickets (30 days)')).toBe('12');
    expect(value('Average resolution time')).toBe('18.5 hours');
    expect(value('Churn risk')).toBe('62/100 Normal (high-risk threshold: 70)');
  });

  it('marks churn risk high at the threshold', () => {
    renderPanel(HealthTab, { formData: { churn_risk_high_threshold: 62 } });
    expect(value('Churn risk')).toBe('62/100 High (high-risk threshold: 62)');
  });

  it('names the columns of empty breakdown and history', () => {
    renderPanel(HealthTab, { row: rowWith({ health_breakdown: null, health_history: '[]' }) });
    const texts = screen.getAllByRole('status').map(s => s.textContent);
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringContaining('health_breakdown'), expect.stringContaining('health_history')]),
    );
    expect(screen.queryByText(/pulls the score down most/)).toBeNull();
  });

  it('renders the sparse customer without NaN, Invalid Date or $0', () => {
    const { container } = renderPanel(HealthTab, { row: sparseRow, compact: true });
    expect(container.textContent).not.toMatch(/NaN|Invalid Date|\$0|undefined/);
    expect(screen.queryByText(/\/100/)).toBeNull();
    expect(value('Churn risk')).toBe('—');
  });
});
