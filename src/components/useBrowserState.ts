/**
 * Watchlist and local edits, per signed-in user, dataset and customer, in the browser's storage (see ./storage);
 * failures become a message, never a crash.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { t } from '../i18n';
import { EntryRef, readEntry, StorageResult, writeEntry } from './storage';

const problemText = (result: StorageResult<unknown>): string | undefined => {
  if (result.ok) return undefined;
  switch (result.reason) {
    case 'full':
      return t('The browser storage is full: this change is kept until the page is closed.');
    case 'malformed':
      return t('The saved entry in this browser was unreadable and has been reset.');
    case 'signed-out':
      return t('Not kept in this browser for a viewer who is not signed in: changes last until the page is closed.');
    case 'no-dataset':
      return t('This chart has no dataset to keep changes under: they last until the page is closed.');
    default:
      return t('This browser does not allow saving: changes last until the page is closed.');
  }
};

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** Local edits: field -> text. */
export type LocalEdits = Record<string, string>;
const isEdits = (v: unknown): v is LocalEdits =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every(x => typeof x === 'string');

function usePersistent<T>(
  kind: EntryRef['kind'],
  dataset: string | undefined,
  customerId: string,
  isValid: (v: unknown) => v is T,
  fallback: T,
) {
  const [value, setValue] = useState<T>(fallback);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    const ref = { kind, dataset, customerId };
    const read = readEntry(ref, isValid);
    setValue(read.ok && read.value !== undefined ? read.value : fallback);
    setProblem(problemText(read));
    if (!read.ok && read.reason === 'malformed') writeEntry(ref, undefined);
    // fallback is a constant per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, dataset, customerId]);
  const save = useCallback(
    (next: T | undefined) => {
      setValue(next ?? fallback);
      setProblem(problemText(writeEntry({ kind, dataset, customerId }, next)));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kind, dataset, customerId],
  );
  return { value, save, problem };
}

const NO_EDITS: LocalEdits = {};

/** `dataset` is the chart's (`formData.datasource`, through the props and the profile's context). */
export function useWatchlist(dataset: string | undefined, customerId: string) {
  const { value, save, problem } = usePersistent('watchlist', dataset, customerId, isBoolean, false);
  // Unwatching removes the entry rather than storing false.
  const toggle = useCallback(() => save(value ? undefined : true), [save, value]);
  return { watched: value, toggle, problem };
}

export function useLocalEdits(dataset: string | undefined, customerId: string) {
  const { value, save, problem } = usePersistent('edits', dataset, customerId, isEdits, NO_EDITS);
  const setEdits = useCallback(
    (next: LocalEdits) => {
      const cleaned = Object.fromEntries(Object.entries(next).filter(([, text]) => text.trim() !== ''));
      save(Object.keys(cleaned).length ? cleaned : undefined);
    },
    [save],
  );
  const discard = useCallback(() => save(undefined), [save]);
  // One object per change, so the profile context is not rebuilt on every render.
  return useMemo(() => ({ edits: value, setEdits, discard, problem }), [value, setEdits, discard, problem]);
}
