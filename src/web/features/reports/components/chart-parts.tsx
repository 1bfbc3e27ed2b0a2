import type { CSSProperties, ReactNode } from 'react';

/**
 * What every report chart shares. Colours are the stylesheet's variables (reports.css names the
 * series after styles.css's theme colours), so a chart reads in the light and the dark theme alike.
 */

export const axisTick = { fill: 'var(--chart-axis)', fontSize: 12 };
export const axisLine = { stroke: 'var(--chart-grid-strong)' };
export const gridStroke = 'var(--chart-grid)';

export const tooltipStyle: CSSProperties = {
  background: 'var(--surface)',
  border: '1px solid var(--border-strong)',
  borderRadius: 8,
  boxShadow: 'var(--shadow-lg)',
  color: 'var(--text)',
  fontSize: 13,
};
export const tooltipLabelStyle: CSSProperties = { color: 'var(--text)', fontWeight: 600, marginBottom: 4 };
/** The band behind the bars under the pointer: the default light grey glares in the dark theme. */
export const barCursor = { fill: 'var(--chart-cursor)' };

/** The legend's words in the text colour; the series' colour is in its mark. */
export const legendText = (value: ReactNode) => <span className="report-legend-text">{value}</span>;

/**
 * The drawing of a chart, one picture to screen readers: its label says what it shows and where
 * the numbers are (the table under it).
 */
export function ChartFigure({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  return (
    <div className="report-chart" role="img" aria-label={label} style={{ height }}>
      {children}
    </div>
  );
}
