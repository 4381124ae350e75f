import { t } from '@superset-ui/core';
import { EmptyState } from '../shared';

/** Placeholder panel: built out in its own change. */
export default function HealthTab() {
  return <EmptyState title={t('No data')} columns={[]} />;
}
