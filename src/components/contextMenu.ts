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

/** Whether the element's box lies at least partly inside the window. */
const inWindow = (el: HTMLElement) => {
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
};

/**
 * Superset renders its menu in a portal a frame or two later: the first visible menu that was not there before it was
 * asked for. Give it the focus once it is there and placed, for at most about a second.
 *
 * antd's dropdown first renders its popup far outside the window (rc-trigger parks it at -1000vw/-1000vh) and moves
 * it beside its anchor a frame later. A plain `focus()` on the parked menu scrolls the page towards it; the menu then
 * lands at its fixed anchor over whatever content the scroll brought there, and moves again under the pointer. So the
 * focus waits until the menu is inside the window, and never scrolls.
 */
function focusMenuWhenShown(before: Set<HTMLElement>, attempt = 0) {
  const menu = visibleMenus().find(el => !before.has(el));
  // antd 5 and 6 make the menu focusable; antd 4's (Superset 4.1, 5.0) is not, its items are.
  const target = menu?.hasAttribute('tabindex') ? menu : menu?.querySelector<HTMLElement>('[role="menuitem"]');
  if (target && inWindow(target)) target.focus({ preventScroll: true });
  else if (attempt < 60) requestAnimationFrame(() => focusMenuWhenShown(before, attempt + 1));
}

/** A point inside the window: Superset places its menu at the point it is given, and one outside is out of sight. */
const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max - 1, 0));

/**
 * Opens the menu at (x, y), kept inside the window (a focused element may be partly scrolled out of it); opened from
 * the keyboard, the focus then moves into it so its keys work there.
 */
export function openContextMenu(
  link: DashboardLink,
  customer: CustomerRef,
  x: number,
  y: number,
  fromKeyboard: boolean,
): void {
  if (!link.onContextMenu) return;
  const before = new Set(visibleMenus());
  link.onContextMenu(clamp(x, window.innerWidth), clamp(y, window.innerHeight), contextMenuFilters(link, customer));
  if (fromKeyboard) focusMenuWhenShown(before);
}
