import { Behavior, ChartMetadata, ChartPlugin, ChartProps } from '@superset-ui/core';
import buildQuery from './buildQuery';
import { getControlPanel } from './controlPanel';
import transformProps from './transformProps';
import { CustomerProfileFormData } from './formData';
import { t } from '../i18n';
import thumbnail from '../images/thumbnail.png';

/** Built when the plugin is constructed, so labels are translated in the host's language, not at import time. */
function pluginConfig() {
  return {
    buildQuery,
    controlPanel: getControlPanel(),
    loadChart: () => import('../components/CustomerProfileChart'),
    metadata: new ChartMetadata({
      name: t('Customer Profile 360'),
      description: t(
        "One customer's 360° view from one row of SQL: a header, alerts, KPI cards and tabs for products, revenue, health, activity, contacts and documents. Several rows give a customer switcher.",
      ),
      category: t('KPI'),
      // A dashboard citizen: choosing a customer cross-filters the other charts (InteractiveChart), and a right-click
      // opens Superset's context menu with drill to detail by the customer shown (DrillToDetail). See dashboard.ts.
      behaviors: [Behavior.InteractiveChart, Behavior.DrillToDetail],
      tags: [t('Business'), t('Report'), t('Text')],
      thumbnail,
    }),
    transformProps,
  };
}

/**
 * The Customer Profile 360 chart. Register it in Superset's MainPreset:
 * `new CustomerProfileChartPlugin().configure({ key: 'customer_profile' })`.
 * @public
 */
export default class CustomerProfileChartPlugin extends ChartPlugin<
  CustomerProfileFormData,
  ChartProps<CustomerProfileFormData>
> {
  constructor() {
    super(pluginConfig());
  }
}
