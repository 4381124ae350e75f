/** Public face of the package: the plugin class and the public types. */
import CustomerProfileChartPlugin from './plugin';

export { CustomerProfileChartPlugin };
export default CustomerProfileChartPlugin;

export { DEFAULT_FORM_DATA } from './plugin/formData';
export type { CustomerProfileFormData, CustomerProfileOptions, DisplayOptions } from './plugin/formData';
export type { CustomerProfileProps, ModelState } from './plugin/transformProps';
export type {
  Activity,
  Alert,
  ArrPoint,
  Contact,
  CustomerDocument,
  CustomerProfile,
  HealthComponent,
  Invoice,
  ParseIssue,
  Payment,
  ProductUsage,
  Thresholds,
} from './model/types';
export type { TabId, HealthStatus, AlertKind, Severity } from './model/constants';
