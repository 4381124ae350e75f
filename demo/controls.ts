/**
 * The demo's reading of the plugin's control panel: every section and control of getControlPanel(), with its
 * default, as explore would build them. mapStateToProps runs against a datasource that holds the dataset's columns,
 * and controlOverrides apply to the shared controls they name. Pure: no React here.
 */
import type { ControlPanelConfig } from '@superset-ui/chart-controls';
import type { QueryFormData } from '@superset-ui/core';

export type ControlKind = 'checkbox' | 'select' | 'multi' | 'freeform' | 'text' | 'number';
export type Choice = [value: string, label: string];
type Value = unknown;

export interface DemoControl {
  name: string;
  kind: ControlKind;
  label: string;
  description?: string;
  choices: Choice[];
  default: Value;
  /** Re-render without a new query when it changes. */
  renderTrigger: boolean;
  clearable: boolean;
  visibility?: (state: { controls: Record<string, { value: Value }>; form_data: Record<string, Value> }) => boolean;
}

export interface DemoSection {
  label: string;
  description?: string;
  expanded: boolean;
  rows: DemoControl[][];
}

export interface DatasourceColumn {
  column_name: string;
  type?: unknown;
  type_generic?: number;
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => !!value && typeof value === 'object' && !Array.isArray(value);

/** Labels may be strings or functions of the control-panel state, as in Superset. */
function text(value: unknown, state: Dict): string | undefined {
  const resolved = typeof value === 'function' ? (value as (s: Dict) => unknown)(state) : value;
  return typeof resolved === 'string' || typeof resolved === 'number' ? String(resolved) : undefined;
}

function choicesOf(value: unknown): Choice[] {
  if (!Array.isArray(value)) return [];
  return value.map(choice =>
    Array.isArray(choice) ? [String(choice[0]), String(choice[1] ?? choice[0])] : [String(choice), String(choice)],
  );
}

function kindOf(config: Dict): ControlKind | undefined {
  switch (config.type) {
    case 'CheckboxControl':
      return 'checkbox';
    case 'SelectControl':
      if (config.multi) return 'multi';
      return config.freeForm ? 'freeform' : 'select';
    case 'TextControl':
      return config.isInt || config.isFloat ? 'number' : 'text';
    default:
      return undefined;
  }
}

function toControl(name: string, rawConfig: Dict, state: Dict): DemoControl | undefined {
  const mapped = typeof rawConfig.mapStateToProps === 'function' ? rawConfig.mapStateToProps(state, {}) : {};
  const config = { ...rawConfig, ...(isDict(mapped) ? mapped : {}) };
  const kind = kindOf(config);
  if (!kind) return undefined;
  return {
    name,
    kind,
    label: text(config.label, state) ?? name,
    description: text(config.description, state),
    choices: choicesOf(config.choices),
    default: config.default,
    renderTrigger: config.renderTrigger === true,
    clearable: config.clearable === true,
    visibility: typeof config.visibility === 'function' ? (config.visibility as DemoControl['visibility']) : undefined,
  };
}

/** Shared controls named by string. adhoc_filters is driven by the page's customer picker instead. */
function sharedControl(name: string, overrides: Dict, fallbackRowLimit: number): DemoControl | undefined {
  if (name !== 'row_limit') return undefined;
  return {
    name,
    kind: 'number',
    label: typeof overrides.label === 'string' ? overrides.label : 'Row limit',
    description: typeof overrides.description === 'string' ? overrides.description : undefined,
    choices: [],
    default: overrides.default ?? fallbackRowLimit,
    // Superset's shared row_limit changes the query.
    renderTrigger: false,
    clearable: false,
  };
}

export function readControlPanel(
  config: ControlPanelConfig,
  columns: DatasourceColumn[],
  fallbackRowLimit: number,
): DemoSection[] {
  const state: Dict = { datasource: { columns }, controls: {}, form_data: {} };
  const overrides = (config.controlOverrides ?? {}) as Record<string, Dict>;
  return config.controlPanelSections
    .filter((section): section is NonNullable<typeof section> => !!section)
    .map(section => ({
      label: text(section.label, state) ?? '',
      description: text(section.description, state),
      expanded: section.expanded === true,
      rows: section.controlSetRows
        .map(row =>
          row
            .map(item => {
              if (typeof item === 'string') return sharedControl(item, overrides[item] ?? {}, fallbackRowLimit);
              if (isDict(item) && typeof item.name === 'string' && isDict(item.config))
                return toControl(item.name, { ...(overrides[item.name] ?? {}), ...item.config }, state);
              return undefined;
            })
            .filter((control): control is DemoControl => !!control),
        )
        .filter(row => row.length > 0),
    }))
    .filter(section => section.rows.length > 0);
}

export const allControls = (sections: DemoSection[]): DemoControl[] => sections.flatMap(s => s.rows.flat());

/** Form data as a new chart gets it: every control at its default. */
export function defaultFormData(sections: DemoSection[], base: Partial<QueryFormData>): QueryFormData {
  const values = Object.fromEntries(allControls(sections).map(control => [control.name, control.default ?? null]));
  return { ...base, ...values } as QueryFormData;
}

/**
 * Whether going from `before` to `after` needs a new query: any changed key that is not a renderTrigger control
 * (the filters, row limit, permissions, column mapping, url_params) does.
 */
export function needsQuery(before: Dict | undefined, after: Dict, renderTriggers: Set<string>): boolean {
  if (!before) return true;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Array.from(keys).some(
    key => !renderTriggers.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
