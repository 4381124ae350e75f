/** Query: filters and the row limit (one row is one customer). */
import type { ControlPanelSectionConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { DEFAULT_FORM_DATA } from '../formData';

export const querySection = (): ControlPanelSectionConfig => ({
  label: t('Query'),
  expanded: true,
  controlSetRows: [
    ['adhoc_filters'],
    ['row_limit'],
    [
      {
        name: 'metric',
        config: {
          // Never shown, never queried: it lets Superset offer drill to detail (formData.ts, DRILL_METRIC).
          type: 'HiddenControl',
          label: 'metric',
          hidden: true,
          default: DEFAULT_FORM_DATA.metric,
        },
      },
    ],
  ],
});
