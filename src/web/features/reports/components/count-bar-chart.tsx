import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../../lib/format.ts';
import { axisLine, axisTick, barCursor, ChartFigure, gridStroke, legendText, tooltipLabelStyle, tooltipStyle } from './chart-parts.tsx';

export interface BarSeries {
  key: string;
  label: string;
  /** A colour for the whole series, or one per row (a status, a star rating). */
  color: string | ((index: number) => string);
}

export type BarRow = { name: string } & Record<string, string | number>;

interface CountBarChartProps {
  label: string;
  rows: readonly BarRow[];
  series: readonly BarSeries[];
  /** Columns for a few fixed groups (statuses, ages, stars); bars across for named rows (channels, categories), whose names need the room. */
  layout: 'columns' | 'bars';
  height?: number;
}

const barSize = (layout: CountBarChartProps['layout'], seriesCount: number) => (layout === 'bars' ? (seriesCount > 1 ? 12 : 18) : seriesCount > 1 ? 18 : 36);

/** Counts as bars, each with its number at its end, so the chart reads without hovering. */
export function CountBarChart({ label, rows, series, layout, height }: CountBarChartProps) {
  const isBars = layout === 'bars';
  const chartHeight = height ?? (isBars ? 56 + rows.length * (series.length > 1 ? 38 : 30) : 240);
  const size = barSize(layout, series.length);
  return (
    <ChartFigure label={label} height={chartHeight}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...rows]} layout={isBars ? 'vertical' : 'horizontal'} margin={{ top: 18, right: isBars ? 36 : 8, bottom: 0, left: 0 }} accessibilityLayer={false} barGap={2}>
          <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={!isBars} vertical={isBars} />
          {isBars ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={axisTick} axisLine={axisLine} tickLine={false} tickFormatter={formatCount} />
              <YAxis type="category" dataKey="name" width={150} tick={axisTick} axisLine={axisLine} tickLine={false} interval={0} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="name" tick={axisTick} axisLine={axisLine} tickLine={false} interval={0} />
              <YAxis type="number" allowDecimals={false} width={40} tick={axisTick} axisLine={axisLine} tickLine={false} tickFormatter={formatCount} />
            </>
          )}
          <Tooltip cursor={barCursor} contentStyle={tooltipStyle} labelStyle={tooltipLabelStyle} formatter={(value) => formatCount(Number(value))} />
          {series.length > 1 && <Legend formatter={legendText} itemSorter={null} wrapperStyle={{ fontSize: 13 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={typeof s.color === 'string' ? s.color : undefined} barSize={size} radius={isBars ? [0, 3, 3, 0] : [3, 3, 0, 0]} isAnimationActive={false}>
              {typeof s.color === 'function' && rows.map((row, i) => <Cell key={row.name} fill={(s.color as (index: number) => string)(i)} />)}
              <LabelList dataKey={s.key} position={isBars ? 'right' : 'top'} fill="var(--text)" fontSize={12} formatter={(v: unknown) => formatCount(Number(v))} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
