import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ReportPanelProps {
  /** Names the panel's heading, for the section's label. */
  id: string;
  title: string;
  /** The same numbers as CSV (GET …/overview.csv?table=…), for exactly the range and filters shown. */
  csvHref: string;
  /** A figure or a note beside the title. */
  meta?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One part of a report: its title, a note, the CSV of its numbers, and the chart or table itself. */
export function ReportPanel({ id, title, csvHref, meta, className, children }: ReportPanelProps) {
  const { t } = useTranslation('reports');
  return (
    <section className={['panel', 'report-panel', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-title`} data-report={id}>
      <div className="panel-head report-panel-head">
        <h2 className="panel-title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="report-panel-tools">
          {meta && <span className="panel-meta">{meta}</span>}
          <a className="report-csv" href={csvHref} download>
            {t('csv.download')}
            <span className="visually-hidden">: {title}</span>
          </a>
        </div>
      </div>
      <div className="panel-body report-panel-body">{children}</div>
    </section>
  );
}
