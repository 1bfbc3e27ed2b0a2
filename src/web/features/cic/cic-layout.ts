import { type CicLayout, type DashboardWidget, dashboardWidgets } from '../../../contract/cic.ts';

/** Every widget once: the saved order first, any left out after it in the default order. */
export function orderedWidgets(layout: CicLayout | undefined): DashboardWidget[] {
  const order = (layout?.order ?? []).filter((w) => dashboardWidgets.includes(w));
  return [...new Set([...order, ...dashboardWidgets])];
}

/** The layout with one widget hidden or shown again. */
export function setHidden(layout: CicLayout, widget: DashboardWidget, isHidden: boolean): CicLayout {
  const hidden = layout.hidden.filter((w) => w !== widget);
  return { order: orderedWidgets(layout), hidden: isHidden ? [...hidden, widget] : hidden };
}

/**
 * The layout with a shown widget dropped where another shown one is (as a sortable list does:
 * the others shift by one). Hidden widgets keep their slots, so showing one again puts it back
 * where it was.
 */
export function placeWidget(layout: CicLayout, widget: DashboardWidget, target: DashboardWidget): CicLayout {
  const order = orderedWidgets(layout);
  const isShown = (w: DashboardWidget) => !layout.hidden.includes(w);
  const shown = order.filter(isShown);
  const from = shown.indexOf(widget);
  const to = shown.indexOf(target);
  if (from < 0 || to < 0 || from === to) return { order, hidden: layout.hidden };
  shown.splice(to, 0, ...shown.splice(from, 1));
  let next = 0;
  return { order: order.map((w) => (isShown(w) ? (shown[next++] as DashboardWidget) : w)), hidden: layout.hidden };
}
