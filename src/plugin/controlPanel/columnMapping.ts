/** Column mapping: one `column_<name>` control per contract column, generated from the contract table. */
import type {
  ControlPanelSectionConfig,
  ControlPanelState,
  ControlSetItem,
  ControlSetRow,
} from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { CONTRACT_COLUMNS, REQUIRED_COLUMNS } from '../../model/columns';
import { mappingControlName } from '../formData';

export interface DatasourceLike {
  columns?: { column_name?: string; name?: string }[];
}

/** The dataset's column names, as explore's state (and a chart's props) hold them. */
export function datasetColumnNames(state: { datasource?: DatasourceLike | object | null } | undefined): string[] {
  const datasource: DatasourceLike | undefined | null = state?.datasource;
  return (datasource?.columns ?? [])
    .map(column => column.column_name ?? column.name)
    .filter((name): name is string => typeof name === 'string');
}

/** Each defaults to the dataset column of the contract's name when there is one. */
function mappingRows(): ControlSetRow[] {
  const items = CONTRACT_COLUMNS.map((column): ControlSetItem => ({
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
  }));
  const rows: ControlSetRow[] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}

export const columnMappingSection = (): ControlPanelSectionConfig => ({
  label: t('Column mapping'),
  expanded: false,
  description: t(
    'Columns named as in the data contract are found automatically. Map a field here when your dataset names it differently.',
  ),
  controlSetRows: mappingRows(),
});
