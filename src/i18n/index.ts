/**
 * The plugin's translator. Superset 6 moved `t` out of @superset-ui/core's own exports and its language packs hold
 * only Superset's strings, so the plugin translates its own strings from its own packs, in the host's language.
 * The language comes from Superset's bootstrap data (`common.locale`), else the page's `lang`, else English.
 */
import ru from './ru';

type Pack = Record<string, string[]>;
export const PACKS: Record<string, Pack> = { ru };

let chosen: string | undefined;
let detected: string | undefined;

function detectLocale(): string {
  if (typeof document === 'undefined') return 'en';
  try {
    const bootstrap = document.getElementById('app')?.getAttribute('data-bootstrap');
    const locale = bootstrap ? JSON.parse(bootstrap)?.common?.locale : undefined;
    if (typeof locale === 'string' && locale) return locale;
  } catch {
    // Unreadable bootstrap data: fall through to the page's language.
  }
  return document.documentElement.lang || 'en';
}

/** The language in use: "ru" for "ru", "ru-RU" or "ru_RU". */
export function getLocale(): string {
  if (chosen) return chosen;
  if (!detected) detected = detectLocale();
  return detected;
}

/** Sets the language explicitly (the demo's switch, tests); undefined goes back to detection. */
export function setLocale(locale: string | undefined): void {
  chosen = locale;
  detected = undefined;
}

const packOf = () => PACKS[getLocale().toLowerCase().split(/[-_]/)[0]];

/** %s placeholders, in order, as Superset's t() takes them. */
function interpolate(text: string, args: readonly unknown[]): string {
  let i = 0;
  return text.replace(/%s/g, () => (i < args.length ? String(args[i++]) : '%s'));
}

export function t(message: string, ...args: unknown[]): string {
  const translated = packOf()?.[message]?.[0];
  return interpolate(translated || message, args);
}

/** Plural form index: English two forms, Russian three (1 день, 2 дня, 5 дней). */
function pluralIndex(locale: string, n: number): number {
  if (locale === 'ru') {
    const n10 = n % 10;
    const n100 = n % 100;
    if (n10 === 1 && n100 !== 11) return 0;
    if (n10 >= 2 && n10 <= 4 && (n100 < 10 || n100 >= 20)) return 1;
    return 2;
  }
  return n === 1 ? 0 : 1;
}

export function tn(singular: string, plural: string, count: number, ...args: unknown[]): string {
  const language = getLocale().toLowerCase().split(/[-_]/)[0];
  const forms = packOf()?.[singular];
  const index = pluralIndex(language, Math.abs(Math.trunc(count)));
  const text = forms?.[index] || forms?.[forms.length - 1] || (index === 0 ? singular : plural);
  return interpolate(text, args);
}
