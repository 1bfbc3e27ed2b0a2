import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardWidget } from '../../../../contract/cic.ts';

interface WidgetFrameProps {
  widget: DashboardWidget;
  /** A count beside the title, e.g. the widget's "All" total. */
  count?: number;
  onHide: () => void;
  children: ReactNode;
}

/** A dashboard widget's box: its drag handle, its title and the close (×) button that hides it. */
export function WidgetFrame({ widget, count, onHide, children }: WidgetFrameProps) {
  const { t } = useTranslation('cic');
  const name = t(`widget.${widget}`);
  const titleId = `cic-widget-${widget}`;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: widget });
  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`panel cic-widget${isDragging ? ' is-dragging' : ''}`}
      aria-labelledby={titleId}
      data-widget={widget}
    >
      <header className="cic-widget-head">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="btn btn-ghost btn-md cic-tool cic-drag"
          {...attributes}
          {...listeners}
          aria-label={t('widget.drag', { name })}
          title={t('widget.drag', { name })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h2 id={titleId} className="panel-title">
          {name}
          {count !== undefined && <span className="cic-widget-count"> ({count})</span>}
        </h2>
        <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('widget.hide', { name })} title={t('widget.hide', { name })} onClick={onHide}>
          ×
        </button>
      </header>
      {children}
    </section>
  );
}
