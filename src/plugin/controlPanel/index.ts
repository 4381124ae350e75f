/**
 * The control panel, grouped by section. Built by a function so that every label is translated when Superset
 * (or the demo) asks for it, after the plugin has registered its translations.
 * Display, threshold and formatting controls are `renderTrigger`: they re-render without a new query.
 * The permission controls change the query (hidden columns are not requested) and so do not.
 */
import { t } from '../i18n';
import type {
  ControlPanelConfig,
  ControlPanelState,
  ControlSetItem,
  ControlSetRow,
} from '@superset-ui/chart-controls';
import { TAB_IDS } from '../model/constants';
import { CONTRACT_COLUMNS, REQUIRED_COLUMNS } from '../model/columns';
import { tabTitle } from '../i18n/labels';
import { DEFAULT_FORM_DATA, mappingControlName } from './formData';

const d = DEFAULT_FORM_DATA;

const checkbox = (name: string, label: string, description: string, renderTrigger = true): ControlSetItem => ({
  name,
  config: {
    type: 'CheckboxControl',
    label,
    description,
    default: (d as unknown as Record<string, boolean>)[name],
    renderTrigger,
  },
});

const numberInput = (name: string, label: string, description: string): ControlSetItem => ({
  name,
  config: {
    type: 'TextControl',
    isInt: true,
    label,
    description,
    default: (d as unknown as Record<string, number>)[name],
    renderTrigger: true,
  },
});

interface DatasourceLike {
  columns?: { column_name?: string; name?: string }[];
}

/** The dataset's column names, as explore's state holds them. */
export function datasetColumnNames(state: Partial<ControlPanelState> | undefined): string[] {
  const datasource = state?.datasource as DatasourceLike | undefined | null;
  return (datasource?.columns ?? [])
    .map(column => column.column_name ?? column.name)
    .filter((name): name is string => typeof name === 'string');
}

/** `column_<name>` controls: each defaults to the dataset column of the contract's name when there is one. */
function mappingRows(): ControlSetRow[] {
  const items = CONTRACT_COLUMNS.map(
    (column): ControlSetItem => ({
      name: mappingControlName(column),
      config: {
        type: 'SelectControl',
        label: column,
        description: REQUIRED_COLUMNS.includes(column)
          ? t('Required. The dataset column that feeds %s.', column)
          : t('The dataset column that feeds %s. Empty: the chart does without it.', column),
        clearable: true,
        mapStateToProps: (state: ControlPanelState) => {
          const names = datasetColumnNames(state);
          return {
            choices: names.map(name => [name, name]),
            default: names.includes(column) ? column : null,
          };
        },
      },
    }),
  );
  const rows: ControlSetRow[] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}

export function getControlPanel(): ControlPanelConfig {
  const config: ControlPanelConfig = {
    controlPanelSections: [
      {
        label: t('Query'),
        expanded: true,
        controlSetRows: [['adhoc_filters'], ['row_limit']],
      },
      {
        label: t('Column mapping'),
        expanded: false,
        description: t(
          'Columns named as in the data contract are found automatically. Map a field here when your dataset names it differently.',
        ),
        controlSetRows: mappingRows(),
      },
      {
        label: t('Display'),
        expanded: true,
        controlSetRows: [
          [
            {
              name: 'default_tab',
              config: {
                type: 'SelectControl',
                label: t('Default tab'),
                description: t('The tab that opens first'),
                default: d.default_tab,
                choices: TAB_IDS.map(tab => [tab, tabTitle(tab)]),
                renderTrigger: true,
              },
            },
          ],
          [
            {
              name: 'visible_tabs',
              config: {
                type: 'SelectControl',
                multi: true,
                label: t('Visible tabs'),
                description: t('The tabs to show, always in the same order'),
                default: d.visible_tabs,
                choices: TAB_IDS.map(tab => [tab, tabTitle(tab)]),
                renderTrigger: true,
              },
            },
          ],
          [
            checkbox('show_alerts', t('Show alerts'), t('Show the alert banner')),
            checkbox('show_quick_actions', t('Show quick actions'), t('Email the CSM, open the website or CRM')),
          ],
          [
            checkbox('show_watchlist', t('Show watchlist toggle'), t('Let viewers add the customer to their watchlist')),
            checkbox('show_export', t('Show export button'), t('CSV, JSON and a print view')),
          ],
          [
            {
              name: 'crm_url_template',
              config: {
                type: 'TextControl',
                label: t('CRM link template'),
                description: t(
                  'An http(s) address with {customer_id}, e.g. https://crm.example.com/accounts/{customer_id}',
                ),
                default: d.crm_url_template,
                renderTrigger: true,
              },
            },
          ],
        ],
      },
      {
        label: t('Thresholds'),
        expanded: true,
        controlSetRows: [
          [
            numberInput('health_critical_threshold', t('Health critical'), t('A health score below this is critical')),
            numberInput('health_at_risk_threshold', t('Health at-risk'), t('A health score below this is at risk')),
          ],
          [
            numberInput('renewal_urgent_days', t('Renewal urgent days'), t('Alert when renewal is this close')),
            numberInput(
              'inactivity_alert_days',
              t('Inactivity alert days'),
              t('Alert after this many days without activity'),
            ),
          ],
          [
            numberInput('churn_risk_high_threshold', t('Churn risk high'), t('Alert at or above this churn risk')),
            numberInput(
              'payment_delay_alert_days',
              t('Payment delay alert days'),
              t('Alert when customers pay this many days late on average'),
            ),
          ],
        ],
      },
      {
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
            checkbox(
              'allow_editing',
              t('Allow editing'),
              t('Viewers may keep notes and next steps in their own browser'),
            ),
          ],
        ],
      },
      {
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
      },
    ],
    controlOverrides: {
      row_limit: {
        default: d.row_limit,
        description: t('One row is one customer. Several rows give a customer switcher.'),
      },
    },
  };
  return config;
}
