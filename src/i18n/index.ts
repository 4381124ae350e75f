/**
 * The plugin's own translations. Superset's language pack holds only Superset's strings, so the plugin adds its
 * own to the host's translator for the host's current locale (English is the key language and needs no pack).
 */
import * as core from '@superset-ui/core';
import ru from './ru';

type LocaleData = Record<string, Record<string, string[]>>;

export const LOCALE_DATA: LocaleData = { ru };

export function registerTranslations(): void {
  // addLocaleData exists in @superset-ui/core since 0.18; an older host simply keeps English.
  const add = (core as unknown as { addLocaleData?: (data: LocaleData) => void }).addLocaleData;
  if (typeof add !== 'function') return;
  // addLocaleData falls back to `en` when the locale has no pack: an empty English pack keeps that quiet.
  add({ en: {}, ...LOCALE_DATA });
}
