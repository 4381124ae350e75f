/** Permissions: what the chart may query and show. They change the query, so they are not render triggers. */
import type { ControlPanelSectionConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { DEFAULT_FORM_DATA, DRILL_METRIC } from '../formData';
import { checkbox } from './controls';

export const permissionsSection = (): ControlPanelSectionConfig => ({
  label: t('Permissions'),
  expanded: true,
  controlSetRows: [
    [
      checkbox(
        'show_financial_data',
        t('Show financial data'),
        t('ARR, LTV, payments and invoices. Off: not queried and not shown.'),
        false,
      ),
    ],
    [
      checkbox(
        'show_sensitive_data',
        t('Show sensitive data'),
        t('Legal name, INN, address, phones and personal emails. Off: not queried and not shown.'),
        false,
      ),
    ],
    [
      {
        // Named `metric` because that is what Superset reads: a chart whose form data names a metric gets drill to
        // detail (formData.ts, DRILL_METRIC). Cleared, the chart names none. A chart saved with the earlier hidden
        // default (an adhoc COUNT(*)) shows it cleared here: saved again, drill to detail is off until chosen.
        name: 'metric',
        config: {
          type: 'SelectControl',
          label: t('Drill to detail'),
          description: t(
            "Superset's Drill to detail lists the dataset's rows with every column, including the ones the controls above hide. Off: drill to detail stays disabled on this chart.",
          ),
          choices: [[DRILL_METRIC, t('On: every column of the dataset')]],
          clearable: true,
          placeholder: t('Off'),
          default: DEFAULT_FORM_DATA.metric,
        },
      },
    ],
    [checkbox('allow_editing', t('Allow editing'), t('Viewers may keep notes and next steps in their own browser'))],
  ],
});
