/** Display formatting: numbers through Superset's number formatters, dates through dayjs. Missing stays missing. */
import { getNumberFormatter } from '@superset-ui/core';
import dayjs from 'dayjs';

export interface Formatters {
  money: (value: number | undefined) => string | undefined;
  number: (value: number | undefined) => string | undefined;
  integer: (value: number | undefined) => string | undefined;
  /** Counts of hours or days: at most one decimal, whatever the amounts' number format. */
  decimal: (value: number | undefined) => string | undefined;
  percent: (value: number | undefined) => string | undefined;
  growth: (value: number | undefined) => string | undefined;
  date: (iso: string | undefined) => string | undefined;
  month: (iso: string | undefined) => string | undefined;
}

const currencyCache = new Map<string, { symbol: string; before: boolean }>();

/** The currency's symbol and whether it goes before the number, as the browser's Intl knows them. */
function currencyParts(currency: string): { symbol: string; before: boolean } {
  const cached = currencyCache.get(currency);
  if (cached) return cached;
  const parts = readCurrencyParts(currency);
  currencyCache.set(currency, parts);
  return parts;
}

function readCurrencyParts(currency: string): { symbol: string; before: boolean } {
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(1);
    const index = parts.findIndex(p => p.type === 'currency');
    const numberIndex = parts.findIndex(p => p.type === 'integer');
    return { symbol: parts[index].value, before: index < numberIndex };
  } catch {
    // Not an ISO code: show it as written, after the number.
    return { symbol: currency, before: false };
  }
}

export function createFormatters(numberFormat: string, currency: string, dateFormat: string): Formatters {
  const formatNumber = getNumberFormatter(numberFormat);
  const formatInteger = getNumberFormatter(',d');
  const formatOneDecimal = getNumberFormatter(',.1~f');
  const { symbol, before } = currencyParts(currency);
  const guard = (fn: (v: number) => string) => (value: number | undefined) =>
    value === undefined || !Number.isFinite(value) ? undefined : fn(value);
  // Long lists repeat dates (a thousand invoices, ten thousand events): each date is formatted once per formatter.
  const formatDate = (format: string) => {
    const cache = new Map<string, string | undefined>();
    return (iso: string | undefined) => {
      if (!iso) return undefined;
      if (cache.has(iso)) return cache.get(iso);
      const d = dayjs(iso.length === 10 ? `${iso}T00:00:00` : iso);
      const text = d.isValid() ? d.format(format) : undefined;
      cache.set(iso, text);
      return text;
    };
  };
  return {
    money: guard(v => {
      const text = formatNumber(Math.abs(v));
      const sign = v < 0 ? '-' : '';
      return before ? `${sign}${symbol}${text}` : `${sign}${text} ${symbol}`;
    }),
    number: guard(v => formatNumber(v)),
    integer: guard(v => formatInteger(Math.round(v))),
    decimal: guard(v => formatOneDecimal(v)),
    percent: guard(v => `${formatOneDecimal(v)}%`),
    growth: guard(v => `${v > 0 ? '+' : ''}${formatOneDecimal(v)}%`),
    date: formatDate(dateFormat),
    month: formatDate('MMM YYYY'),
  };
}
