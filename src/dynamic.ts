/**
 * Entry of the DYNAMIC_PLUGINS bundle (`npm run build:dynamic`, webpack.dynamic.config.js).
 *
 * Superset's loader only `import()`s the bundle; it registers nothing, so the bundle registers the chart itself
 * under the key the `/dynamic-plugins/api/read` entry announces (the key is the chart's viz_type). `ChartPlugin`
 * resolves to the host's `@superset-ui/core` in that bundle, so the registration lands in the host's registries.
 *
 * Importing this module anywhere else registers nothing: the registration only runs where the bundler defined
 * `__CUSTOMER_PROFILE_DYNAMIC_BUNDLE__` as true (webpack.dynamic.config.js does, with DefinePlugin).
 */
import CustomerProfileChartPlugin from './plugin';

declare const __CUSTOMER_PROFILE_DYNAMIC_BUNDLE__: boolean | undefined;

/** The viz_type the bundle registers, and the key of its `dynamic_plugin` entry. */
export const DYNAMIC_PLUGIN_KEY = 'customer_profile';

/** Registers the chart with the host's registries under `key`; returns the configured plugin. */
export function registerCustomerProfile(key: string = DYNAMIC_PLUGIN_KEY): CustomerProfileChartPlugin {
  return new CustomerProfileChartPlugin().configure({ key }).register() as CustomerProfileChartPlugin;
}

export { CustomerProfileChartPlugin };

if (typeof __CUSTOMER_PROFILE_DYNAMIC_BUNDLE__ !== 'undefined' && __CUSTOMER_PROFILE_DYNAMIC_BUNDLE__) {
  registerCustomerProfile();
}
