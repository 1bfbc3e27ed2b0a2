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

/** The layout with a widget moved by `by` places among the shown ones (hidden ones keep their place). */
export function moveWidget(layout: CicLayout, widget: DashboardWidget, by: -1 | 1): CicLayout {
  const order = orderedWidgets(layout);
  const shown = order.filter((w) => !layout.hidden.includes(w));
  const at = shown.indexOf(widget);
  const target = shown[at + by];
  if (at < 0 || target === undefined) return { order, hidden: layout.hidden };
  const from = order.indexOf(widget);
  const to = order.indexOf(target);
  order[from] = target;
  order[to] = widget;
  return { order, hidden: layout.hidden };
}
