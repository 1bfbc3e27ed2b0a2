import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ReportColumn {
  label: string;
  /** Numbers line up on the right. */
  isNumber?: boolean;
}

export interface ReportRow {
  key: string;
  /** The first cell heads the row. */
  cells: ReactNode[];
}

/** A report's numbers as a table: the agents' figures, and every chart's data for screen readers and exact reading. */
export function ReportTable({ caption, columns, rows, isCaptionShown = false }: { caption: string; columns: readonly ReportColumn[]; rows: readonly ReportRow[]; isCaptionShown?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="report-table">
        <caption className={isCaptionShown ? 'report-table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.isNumber ? 'report-number' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={columns[i]?.isNumber ? 'report-number' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart's numbers behind a "Show as table" disclosure. */
export function ChartData(props: { caption: string; columns: readonly ReportColumn[]; rows: readonly ReportRow[] }) {
  const { t } = useTranslation('reports');
  return (
    <details className="report-chart-data">
      <summary>{t('chart.showTable')}</summary>
      <ReportTable {...props} />
    </details>
  );
}
