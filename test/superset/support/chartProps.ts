/** What the chart gets from a real chart-data answer: the plugin's own transformProps on the first result. */
import transformProps, { CustomerProfileChartProps, CustomerProfileProps } from '../../../src/plugin/transformProps';
import type { CustomerProfileFormData } from '../../../src/plugin/formData';

export interface QueryResult {
  data: Record<string, unknown>[];
  colnames: string[];
  coltypes: number[];
  rowcount?: number;
  query?: string;
  status?: string;
}

export function toProps(formData: CustomerProfileFormData, result: QueryResult): CustomerProfileProps {
  return transformProps({
    width: 1200,
    height: 800,
    rawFormData: formData,
    formData,
    queriesData: [result],
  } as unknown as CustomerProfileChartProps);
}
