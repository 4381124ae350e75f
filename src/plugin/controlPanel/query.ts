/** Query: filters and the row limit (one row is one customer). */
import type { ControlPanelSectionConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';

export const querySection = (): ControlPanelSectionConfig => ({
  label: t('Query'),
  expanded: true,
  controlSetRows: [['adhoc_filters'], ['row_limit']],
});
