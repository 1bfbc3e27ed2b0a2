import { useTranslation } from 'react-i18next';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { formatCount } from '../../../lib/format.ts';
import { type BreakdownDimension, breakdownName, type BreakdownRow, chartRows, hasCounts } from '../breakdown.ts';
import { type OverviewTable, overviewCsvUrl, type ReportFilters } from '../report-filters.ts';
import { formatShare } from '../report-format.ts';
import { type BarRow, type BarSeries, CountBarChart } from './count-bar-chart.tsx';
import { ReportPanel } from './report-panel.tsx';
import { ChartData } from './report-table.tsx';

/** The most rows a breakdown charts; the table and the CSV have them all. */
const chartRoom = 10;

const statusColor = { new: 'var(--chart-new)', open: 'var(--chart-open)', pending: 'var(--chart-pending)' } as const;
const ratingColors = ['var(--chart-rating-1)', 'var(--chart-rating-2)', 'var(--chart-rating-3)', 'var(--chart-rating-4)', 'var(--chart-rating-5)'];
const resolverColors = ['var(--chart-agent)', 'var(--chart-customer)', 'var(--chart-system)', 'var(--chart-integration)'];

interface CountPanelProps {
  id: string;
  title: string;
  table: OverviewTable;
  filters: ReportFilters;
  meta?: string;
  rows: BarRow[];
  series: BarSeries[];
  layout: 'columns' | 'bars';
  /** The head of the table's first column. */
  nameLabel: string;
  empty: string;
  /** Rows beyond the chart's room, listed in the table only. */
  more?: BarRow[];
}

/** A panel of counts: the chart (or a sentence when all are zero), and its numbers as a table. */
function CountPanel({ id, title, table, filters, meta, rows, series, layout, nameLabel, empty, more = [] }: CountPanelProps) {
  const { t } = useTranslation('reports');
  const keys = series.map((s) => s.key);
  return (
    <ReportPanel id={id} title={title} csvHref={overviewCsvUrl(filters, table)} meta={meta}>
      {hasCounts(rows, keys) ? <CountBarChart label={t('chart.label', { title })} rows={rows} series={series} layout={layout} /> : <p className="report-empty">{empty}</p>}
      {more.length > 0 && <p className="report-more">{t('chart.more', { count: more.length, shown: rows.length })}</p>}
      <ChartData
        caption={title}
        columns={[{ label: nameLabel }, ...series.map((s) => ({ label: s.label, isNumber: true }))]}
        rows={[...rows, ...more].map((r) => ({ key: r.name, cells: [r.name, ...keys.map((k) => formatCount(Number(r[k])))] }))}
      />
    </ReportPanel>
  );
}

/** Backlog now, who resolves, the breakdowns by channel, category and department, and review ratings. */
export function OverviewBreakdowns({ report, filters }: { report: OverviewReport; filters: ReportFilters }) {
  const { t } = useTranslation(['reports', 'common']);
  const countSeries = (label: string, color: BarSeries['color']): BarSeries[] => [{ key: 'count', label, color }];
  const createdResolved: BarSeries[] = [
    { key: 'created', label: t('volume.created'), color: 'var(--chart-created)' },
    { key: 'resolved', label: t('volume.resolved'), color: 'var(--chart-resolved)' },
  ];
  const nameOf = (dimension: BreakdownDimension, row: BreakdownRow) => {
    const name = breakdownName(dimension, row);
    if (name.kind === 'channel') return t(`common:channel.${name.channel === 'review' ? 'reviews' : name.channel}`);
    return name.kind === 'none' ? t(`breakdown.none.${name.dimension}`) : name.label;
  };
  const breakdown = (dimension: BreakdownDimension, rows: BreakdownRow[], table: OverviewTable) => {
    const named = rows.map((r) => ({ name: nameOf(dimension, r), created: r.created, resolved: r.resolved }));
    const { shown } = chartRows(named, chartRoom);
    return (
      <CountPanel id={`by_${dimension}`} title={t(`breakdown.${dimension}`)} table={table} filters={filters} rows={shown} more={named.slice(shown.length)} series={createdResolved}
        layout="bars" nameLabel={t(`breakdown.name.${dimension}`)} empty={t('breakdown.empty')} />
    );
  };
  const resolutions = [
    { name: t('resolvedBy.agent'), count: report.resolved_by.agent },
    { name: t('resolvedBy.customer'), count: report.resolved_by.customer },
    { name: t('resolvedBy.system'), count: report.resolved_by.system },
    { name: t('resolvedBy.integration'), count: report.resolved_by.integration },
  ];
  const backlogMeta = t('backlog.total', { count: report.backlog.total, countText: formatCount(report.backlog.total) });

  return (
    <div className="report-grid">
      <CountPanel id="backlog_status" title={t('backlog.byStatus')} table="backlog" filters={filters} meta={backlogMeta} layout="columns" nameLabel={t('backlog.status')}
        rows={report.backlog.by_status.map((b) => ({ name: t(`common:status.${b.status}`), count: b.count }))}
        series={countSeries(t('backlog.tickets'), (i) => statusColor[report.backlog.by_status[i].status])} empty={t('backlog.empty')} />
      <CountPanel id="backlog_age" title={t('backlog.byAge')} table="backlog" filters={filters} meta={backlogMeta} layout="columns" nameLabel={t('backlog.age')}
        rows={report.backlog.by_age.map((b) => ({ name: t(`backlog.ages.${b.age}`), count: b.count }))} series={countSeries(t('backlog.tickets'), 'var(--chart-age)')} empty={t('backlog.empty')} />
      <CountPanel id="resolved_by" title={t('resolvedBy.title')} table="resolved_by" filters={filters} layout="bars" nameLabel={t('resolvedBy.who')}
        meta={t('resolvedBy.selfShare', { share: formatShare(report.resolved_by.customer_share) })} rows={resolutions}
        series={countSeries(t('resolvedBy.resolutions'), (i) => resolverColors[i])} empty={t('resolvedBy.empty')} />
      <CountPanel id="ratings" title={t('ratings.title')} table="ratings" filters={filters} layout="columns" nameLabel={t('ratings.rating')}
        rows={report.ratings.map((r) => ({ name: t('ratings.stars', { count: r.rating }), count: r.count }))} series={countSeries(t('ratings.reviews'), (i) => ratingColors[i])} empty={t('ratings.empty')} />
      {breakdown('channel', report.by_channel, 'channels')}
      {breakdown('category', report.by_category, 'categories')}
      {breakdown('department', report.by_department, 'departments')}
    </div>
  );
}
