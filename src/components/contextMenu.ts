/**
 * Opening Superset's context menu for the customer shown. Loaded at the first right-click or Shift+F10 (the chart's
 * handler has already kept the browser's menu away by then): a dashboard's first paint does not wait for it.
 */
import type { ContextMenuFilters } from '@superset-ui/core';
import { CustomerRef, DashboardLink, toggleMask } from '../plugin/dashboard';

/** The filters Superset's context menu opens with: drill to detail by this customer, and the cross-filter entry. */
export function contextMenuFilters(link: DashboardLink, customer: CustomerRef): ContextMenuFilters {
  const { mask, selected } = toggleMask(link, customer);
  return {
    drillToDetail: [{ col: link.column, op: '==', val: customer.id, formattedVal: customer.name }],
    ...(link.emitCrossFilters ? { crossFilter: { dataMask: mask, isCurrentValueSelected: selected } } : {}),
  };
}

/** The menus shown on the page outside the chart (Superset's navigation bar has some too). */
const visibleMenus = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[role="menu"]')).filter(
    el => el.offsetParent !== null && !el.closest('.customer-profile-360'),
  );

/**
 * Superset renders its menu in a portal a frame or two later: the first visible menu that was not there before it was
 * asked for. Give it the focus once it is there, for at most about a second.
 */
function focusMenuWhenShown(before: Set<HTMLElement>, attempt = 0) {
  const menu = visibleMenus().find(el => !before.has(el));
  // antd 5 and 6 make the menu focusable; antd 4's (Superset 4.1, 5.0) is not, its items are.
  const target = menu?.hasAttribute('tabindex') ? menu : menu?.querySelector<HTMLElement>('[role="menuitem"]');
  if (target) target.focus();
  else if (!menu && attempt < 60) requestAnimationFrame(() => focusMenuWhenShown(before, attempt + 1));
}

/** Opens the menu at (x, y); opened from the keyboard, the focus then moves into it so its keys work there. */
export function openContextMenu(
  link: DashboardLink,
  customer: CustomerRef,
  x: number,
  y: number,
  fromKeyboard: boolean,
): void {
  if (!link.onContextMenu) return;
  const before = new Set(visibleMenus());
  link.onContextMenu(x, y, contextMenuFilters(link, customer));
  if (fromKeyboard) focusMenuWhenShown(before);
}
