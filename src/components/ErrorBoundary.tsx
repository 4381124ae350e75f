import { Component, ReactNode } from 'react';
import { t } from '../i18n';
import { EmptyState } from './shared';

interface Props {
  /** What failed, for the message: a tab's title, or the chart. */
  label: string;
  children: ReactNode;
}

/** Fault isolation: an error in one part shows a message in that part, and the rest keeps working. */
export default class ErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (this.state.failed)
      return (
        <EmptyState
          title={t('%s could not be shown because of an unexpected error in its data.', this.props.label)}
          columns={[]}
        />
      );
    return this.props.children;
  }
}
