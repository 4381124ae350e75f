/** Permissions: what the chart may query and show. They change the query, so they are not render triggers. */
import type { ControlPanelSectionConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
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
    [checkbox('allow_editing', t('Allow editing'), t('Viewers may keep notes and next steps in their own browser'))],
  ],
});
