/**
 * Export serialisation of the redacted profile. It only ever sees the redacted model, so a hidden value cannot be
 * exported. Local edits are included and marked as such.
 */
import type { Alert, CustomerProfile } from './types';

export interface ExportInput {
  profile: CustomerProfile;
  alerts: Alert[];
  localEdits?: Record<string, string>;
  exportedAt: Date;
}

export function toJson({ profile, alerts, localEdits, exportedAt }: ExportInput): string {
  return JSON.stringify(
    {
      exported_at: exportedAt.toISOString(),
      profile,
      alerts,
      ...(localEdits && Object.keys(localEdits).length ? { local_edits: localEdits } : {}),
    },
    null,
    2,
  );
}

/** Flattens nested objects to dotted keys; arrays become JSON text in one cell. */
function flatten(value: unknown, prefix: string, out: [string, string][]) {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    out.push([prefix, String(value)]);
  } else if (Array.isArray(value)) {
    if (value.length) out.push([prefix, JSON.stringify(value)]);
  } else {
    Object.entries(value as Record<string, unknown>).forEach(([key, v]) =>
      flatten(v, prefix ? `${prefix}.${key}` : key, out),
    );
  }
}

/** Spreadsheets run a cell that starts with = + - @ as a formula: such text is prefixed with a quote. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Two columns, field and value: one line per field, readable in any spreadsheet. */
export function toCsv({ profile, alerts, localEdits, exportedAt }: ExportInput): string {
  const rows: [string, string][] = [['exported_at', exportedAt.toISOString()]];
  flatten(profile, '', rows);
  alerts.forEach((alert, i) => rows.push([`alerts.${i}`, `${alert.kind} (${alert.value} / ${alert.threshold})`]));
  Object.entries(localEdits ?? {}).forEach(([key, value]) => rows.push([`local_edits.${key}`, value]));
  return ['field,value', ...rows.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`)].join('\r\n');
}

/** A file name that is safe on every OS. */
export function exportFileName(profile: CustomerProfile, extension: string): string {
  const base = profile.id.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 60) || 'customer';
  return `customer-profile-${base}.${extension}`;
}
