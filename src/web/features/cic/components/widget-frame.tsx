import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardWidget } from '../../../../contract/cic.ts';

interface WidgetFrameProps {
  widget: DashboardWidget;
  /** A count beside the title, e.g. the widget's "All" total. */
  count?: number;
  isFirst: boolean;
  isLast: boolean;
  onMove: (by: -1 | 1) => void;
  onHide: () => void;
  children: ReactNode;
}

/** A dashboard widget's box: its title, Move up / Move down and the close (×) button that hides it. */
export function WidgetFrame({ widget, count, isFirst, isLast, onMove, onHide, children }: WidgetFrameProps) {
  const { t } = useTranslation('cic');
  const name = t(`widget.${widget}`);
  const titleId = `cic-widget-${widget}`;
  return (
    <section className="panel cic-widget" aria-labelledby={titleId} data-widget={widget}>
      <header className="cic-widget-head">
        <h2 id={titleId} className="panel-title">
          {name}
          {count !== undefined && <span className="cic-widget-count"> ({count})</span>}
        </h2>
        <div className="cic-widget-tools">
          <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('widget.moveUp', { name })} title={t('widget.moveUp', { name })} disabled={isFirst} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('widget.moveDown', { name })} title={t('widget.moveDown', { name })} disabled={isLast} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('widget.hide', { name })} title={t('widget.hide', { name })} onClick={onHide}>
            ×
          </button>
        </div>
      </header>
      {children}
    </section>
  );
}
