/**
 * Tabs as data: id, availability and panel. Overview is in the first bundle; every other panel loads lazily, on
 * first open, so the first paint only pays for the Overview.
 */
import { ComponentType, lazy } from 'react';
import type { TabId } from '../../model/constants';
import type { ProfileContextValue } from '../context';
import OverviewTab from './OverviewTab';

export interface TabDefinition {
  id: TabId;
  Panel: ComponentType;
  /** A tab may be unavailable whatever visible_tabs says (Revenue without financial data). */
  isAvailable: (context: ProfileContextValue) => boolean;
}

export const TABS: readonly TabDefinition[] = [
  { id: 'overview', Panel: OverviewTab, isAvailable: () => true },
  { id: 'products', Panel: lazy(() => import('./ProductsTab')), isAvailable: () => true },
  {
    id: 'revenue',
    Panel: lazy(() => import('./RevenueTab')),
    isAvailable: ({ permissions, profile }) => permissions.showFinancialData && !!profile.revenue,
  },
  { id: 'health', Panel: lazy(() => import('./HealthTab')), isAvailable: () => true },
  { id: 'activity', Panel: lazy(() => import('./ActivityTab')), isAvailable: () => true },
  { id: 'contacts', Panel: lazy(() => import('./ContactsTab')), isAvailable: () => true },
  { id: 'documents', Panel: lazy(() => import('./DocumentsTab')), isAvailable: () => true },
];

/** The tabs to show, in the seed's order, and the one to open first (default_tab, else the first shown). */
export function tabsFor(context: ProfileContextValue): { tabs: TabDefinition[]; initial: TabId | undefined } {
  const tabs = TABS.filter(tab => context.display.visibleTabs.includes(tab.id) && tab.isAvailable(context));
  const initial = tabs.some(tab => tab.id === context.display.defaultTab) ? context.display.defaultTab : tabs[0]?.id;
  return { tabs, initial };
}
