/** Formats of amounts, numbers and dates. */
import type { ControlPanelSectionConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { DEFAULT_FORM_DATA as d } from '../formData';

export const formatsSection = (): ControlPanelSectionConfig => ({
  label: t('Formatting'),
  expanded: false,
  controlSetRows: [
    [
      {
        name: 'currency',
        config: {
          type: 'SelectControl',
          freeForm: true,
          label: t('Currency'),
          description: t('ISO 4217 code of the amounts'),
          default: d.currency,
          choices: ['USD', 'EUR', 'GBP', 'RUB', 'JPY', 'CNY', 'INR', 'BRL', 'CAD', 'AUD'].map(c => [c, c]),
          renderTrigger: true,
        },
      },
      {
        name: 'number_format',
        config: {
          type: 'SelectControl',
          freeForm: true,
          label: t('Number format'),
          description: t('A D3 format, as in other Superset charts'),
          default: d.number_format,
          choices: [
            [',.0f', ',.0f (250,000)'],
            [',.2f', ',.2f (250,000.00)'],
            ['SMART_NUMBER', t('Adaptive (250k)')],
            ['.3s', '.3s (250k)'],
          ],
          renderTrigger: true,
        },
      },
    ],
    [
      {
        name: 'date_format',
        config: {
          type: 'SelectControl',
          freeForm: true,
          label: t('Date format'),
          description: t('A dayjs format'),
          default: d.date_format,
          choices: ['MMM D, YYYY', 'YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'D MMM YYYY'].map(f => [f, f]),
          renderTrigger: true,
        },
      },
    ],
  ],
});
