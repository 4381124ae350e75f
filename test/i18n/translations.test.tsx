import { screen } from '@testing-library/dom';
import { setLocale, t, tn, PACKS } from '../../src/i18n';
import { catalogue } from './catalogue';
import { fixToday, renderChart } from '../support/render';

const placeholders = (text: string) => (text.match(/%s/g) ?? []).length;
const entries = catalogue();

afterEach(() => setLocale(undefined));

test('the catalogue finds the plugin strings', () => {
  expect(entries.length).toBeGreaterThan(250);
  expect(entries.map(e => e.msgid)).toEqual(expect.arrayContaining(['Overview', 'Renewal in %s days']));
});

test.each(entries.map(e => [e.msgid, e]))('Russian has "%s" with the same placeholders', (_, entry) => {
  const forms = PACKS.ru[entry.msgid];
  expect(forms?.length).toBe(entry.plural ? 3 : 1);
  forms.forEach(form => expect(placeholders(form)).toBe(placeholders(entry.msgid)));
});

test('Russian plurals take the right form', () => {
  setLocale('ru');
  expect([1, 2, 5, 11, 21, 22, 25].map(n => tn('%s day', '%s days', n, n))).toEqual([
    '1 день',
    '2 дня',
    '5 дней',
    '11 дней',
    '21 день',
    '22 дня',
    '25 дней',
  ]);
  setLocale('en');
  expect([1, 2].map(n => tn('%s day', '%s days', n, n))).toEqual(['1 day', '2 days']);
});

test('the language comes from Superset bootstrap data, and unknown languages fall back to English', () => {
  const app = document.createElement('div');
  app.id = 'app';
  app.setAttribute('data-bootstrap', JSON.stringify({ common: { locale: 'ru' } }));
  document.body.appendChild(app);
  setLocale(undefined);
  expect(t('Overview')).toBe('Обзор');
  app.remove();
  setLocale('de');
  expect(t('Overview')).toBe('Overview');
});

describe('in Russian', () => {
  fixToday();
  test('the chart reads in Russian', () => {
    setLocale('ru_RU');
    renderChart();
    expect(screen.getByRole('tab', { name: 'Обзор' })).toBeTruthy();
    expect(screen.getByText('Продление через 25 дн.')).toBeTruthy();
  });
});
