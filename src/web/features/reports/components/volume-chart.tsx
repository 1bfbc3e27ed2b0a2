import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { formatCount } from '../../../lib/format.ts';
import { hasCounts } from '../breakdown.ts';
import { formatBucket } from '../report-format.ts';
import { axisLine, axisTick, ChartFigure, gridStroke, legendText, tooltipLabelStyle, tooltipStyle } from './chart-parts.tsx';
import { ChartData } from './report-table.tsx';

// Closed is drawn dashed: told apart by its line as well as its colour.
const series = [
  { key: 'created', color: 'var(--chart-created)', dash: undefined },
  { key: 'resolved', color: 'var(--chart-resolved)', dash: undefined },
  { key: 'closed', color: 'var(--chart-closed)', dash: '6 4' },
  { key: 'reopened', color: 'var(--chart-reopened)', dash: undefined },
] as const;

/** Created, resolved, closed and reopened tickets per day, week or month of the range. */
export function VolumeChart({ report }: { report: OverviewReport }) {
  const { t } = useTranslation('reports');
  const { interval } = report.range;
  // Week buckets are named by their first day: "week of 23 Mar 2026".
  const full = (bucket: string) => (interval === 'week' ? t('volume.weekOf', { day: formatBucket(bucket, interval, 'full') }) : formatBucket(bucket, interval, 'full'));
  const rows = report.volume.map((v) => ({ ...v, axis: formatBucket(v.bucket, interval, 'axis'), full: full(v.bucket) }));
  const title = t('volume.title');
  const keys = series.map((s) => s.key);

  return (
    <>
      {hasCounts(rows, keys) ? (
        <ChartFigure label={t('chart.label', { title })} height={300}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="axis" tick={axisTick} axisLine={axisLine} tickLine={false} minTickGap={18} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} width={40} tick={axisTick} axisLine={axisLine} tickLine={false} tickFormatter={formatCount} />
              <Tooltip
                contentStyle={tooltipStyle}
                labelStyle={tooltipLabelStyle}
                cursor={{ stroke: 'var(--chart-grid-strong)' }}
                labelFormatter={(_, payload) => (payload?.[0]?.payload as { full?: string } | undefined)?.full ?? ''}
                formatter={(value) => formatCount(Number(value))}
              />
              <Legend formatter={legendText} itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="linear"
                  dataKey={s.key}
                  name={t(`volume.${s.key}`)}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                  dot={rows.length <= 31 ? { r: 2.5, fill: s.color, strokeWidth: 0 } : false}
                  activeDot={{ r: 4, fill: s.color, stroke: 'var(--surface)', strokeWidth: 2 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFigure>
      ) : (
        <p className="report-empty">{t('volume.empty')}</p>
      )}
      <ChartData
        caption={title}
        columns={[{ label: t(`volume.bucket.${interval}`) }, ...series.map((s) => ({ label: t(`volume.${s.key}`), isNumber: true })), { label: t('volume.auto_closed'), isNumber: true }]}
        rows={rows.map((r) => ({ key: r.bucket, cells: [r.full, ...series.map((s) => formatCount(r[s.key])), formatCount(r.auto_closed)] }))}
      />
    </>
  );
}
