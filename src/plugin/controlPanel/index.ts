/**
 * The control panel, one section a file. Built by a function so that every label is translated when Superset
 * (or the demo) asks for it, after the plugin has registered its translations.
 * Display, threshold and formatting controls are `renderTrigger`: they re-render without a new query.
 * The permission controls change the query (hidden columns are not requested) and so do not.
 */
import type { ControlPanelConfig } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { DEFAULT_FORM_DATA } from '../formData';
import { columnMappingSection } from './columnMapping';
import { displaySection } from './display';
import { formatsSection } from './formats';
import { permissionsSection } from './permissions';
import { querySection } from './query';
import { thresholdsSection } from './thresholds';

export { datasetColumnNames } from './columnMapping';
export type { DatasourceLike } from './columnMapping';

export function getControlPanel(): ControlPanelConfig {
  return {
    controlPanelSections: [
      querySection(),
      columnMappingSection(),
      displaySection(),
      thresholdsSection(),
      permissionsSection(),
      formatsSection(),
    ],
    controlOverrides: {
      row_limit: {
        default: DEFAULT_FORM_DATA.row_limit,
        description: t('One row is one customer. Several rows give a customer switcher.'),
      },
    },
  };
}
