/** Display: tabs, alerts and the viewer's actions. Every control re-renders without a new query. */
import type { ControlPanelSectionConfig, ControlPanelsContainerProps } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { tabTitle } from '../../i18n/labels';
import { TAB_IDS } from '../../model/constants';
import { DEFAULT_FORM_DATA as d } from '../formData';
import { checkbox } from './controls';

/** The CRM link is one of the quick actions: its template matters only while they are shown. */
export const showsQuickActions = ({ controls }: Pick<ControlPanelsContainerProps, 'controls'>): boolean =>
  controls?.show_quick_actions?.value !== false;

export const displaySection = (): ControlPanelSectionConfig => ({
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
          description: t('An http(s) address with {customer_id}, e.g. https://crm.example.com/accounts/{customer_id}'),
          default: d.crm_url_template,
          renderTrigger: true,
          visibility: showsQuickActions,
        },
      },
    ],
  ],
});
