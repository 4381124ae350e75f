/** Control builders shared by the sections: each takes its default from the one source of defaults. */
import type { ControlSetItem, CustomControlConfig } from '@superset-ui/chart-controls';
import { CustomerProfileOptions, DEFAULT_FORM_DATA } from '../formData';

type OptionsOf<T> = {
  [K in keyof CustomerProfileOptions]: CustomerProfileOptions[K] extends T ? K : never;
}[keyof CustomerProfileOptions];

export const checkbox = (
  name: OptionsOf<boolean>,
  label: string,
  description: string,
  renderTrigger = true,
): ControlSetItem => ({
  name,
  config: { type: 'CheckboxControl', label, description, default: DEFAULT_FORM_DATA[name], renderTrigger },
});

export const numberInput = (
  name: OptionsOf<number>,
  label: string,
  description: string,
  extra: Partial<CustomControlConfig> = {},
): ControlSetItem => ({
  name,
  config: {
    type: 'TextControl',
    isInt: true,
    label,
    description,
    default: DEFAULT_FORM_DATA[name],
    renderTrigger: true,
    ...extra,
  },
});
