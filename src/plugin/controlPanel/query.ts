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
          type: 'HiddenControl',
          label: t('Drill to detail'),
          hidden: true,
          default: DEFAULT_FORM_DATA.metric,
          description: t('Lets Superset offer drill to detail by the customer shown; never queried.'),
        },
      },
    ],
  ],
});
