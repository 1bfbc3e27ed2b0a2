import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { formatCount } from '../../../lib/format.ts';
import type { ReportFilters } from '../report-filters.ts';
import { overviewCsvUrl } from '../report-filters.ts';
import { formatDayRange, formatReportDuration, formatShare, trendOf } from '../report-format.ts';
import { ReportPanel } from './report-panel.tsx';

/** One figure: what it is, its value, and a line or two that put it in context. */
function Kpi({ id, label, value, children }: { id: string; label: string; value: string; children?: ReactNode }) {
  return (
    <div className="report-kpi" data-kpi={id}>
      <dt className="report-kpi-label">{label}</dt>
      <dd className="report-kpi-value">{value}</dd>
      {children}
    </div>
  );
}

const Note = ({ children }: { children: ReactNode }) => <dd className="report-kpi-note">{children}</dd>;

/** A median against the previous period's: longer is worse, so up is red and down is green. */
function TimeTrend({ figures, previousRange }: { figures: OverviewReport['times']['first_response']; previousRange: string }) {
  const { t } = useTranslation('reports');
  const trend = trendOf(figures.change);
  if (!trend) return <Note>{figures.previous.count === 0 ? t('kpi.noPrevious') : t('kpi.noTrend')}</Note>;
  const previous = formatReportDuration(figures.previous.median_seconds);
  return (
    <dd className={`report-kpi-note report-trend report-trend-${trend.direction}`} title={t('kpi.previousRange', { range: previousRange })}>
      <span aria-hidden="true" className="report-trend-arrow">
        {trend.text}
      </span>
      <span className="visually-hidden">{t(`kpi.trend.${trend.direction}`, { percent: trend.percent })}</span> {t('kpi.vsPrevious', { value: previous })}
    </dd>
  );
}

/** The figures of the range at a glance: tickets, times with their trend, and service levels. */
export function OverviewKpis({ report, filters }: { report: OverviewReport; filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const { totals, times, sla, resolved_by: resolvedBy } = report;
  const previousRange = formatDayRange(report.range.previous.from, report.range.previous.to);
  const resolutions = resolvedBy.agent + resolvedBy.customer + resolvedBy.system + resolvedBy.integration;
  const escalations = sla.escalations.reduce((sum, e) => sum + e.count, 0);
  const time = (id: 'first_response' | 'resolution') => (
    <Kpi id={id} label={t(`kpi.${id}`)} value={formatReportDuration(times[id].median_seconds)}>
      <Note>
        {times[id].count === 0 ? t('kpi.notMeasured') : t('kpi.p90', { value: formatReportDuration(times[id].p90_seconds), count: times[id].count, countText: formatCount(times[id].count) })}
      </Note>
      <TimeTrend figures={times[id]} previousRange={previousRange} />
    </Kpi>
  );
  const compliance = (id: 'first_response' | 'resolution') => (
    <Kpi id={`sla_${id}`} label={t(`kpi.sla_${id}`)} value={formatShare(sla[id].share)}>
      <Note>{sla[id].with_target === 0 ? t('kpi.noTarget') : t('kpi.slaMet', { met: formatCount(sla[id].met), total: formatCount(sla[id].with_target) })}</Note>
    </Kpi>
  );

  return (
    <div className="report-kpi-groups">
      <ReportPanel id="tickets" title={t('kpi.tickets')} csvHref={overviewCsvUrl(filters, 'volume')} className="report-kpi-panel">
        <dl className="report-kpis">
          <Kpi id="created" label={t('kpi.created')} value={formatCount(totals.created)} />
          <Kpi id="resolved" label={t('kpi.resolved')} value={formatCount(totals.resolved)} />
          <Kpi id="closed" label={t('kpi.closed')} value={formatCount(totals.closed)}>
            {totals.auto_closed > 0 && <Note>{t('kpi.autoClosed', { count: totals.auto_closed, countText: formatCount(totals.auto_closed) })}</Note>}
          </Kpi>
          <Kpi id="reopened" label={t('kpi.reopened')} value={formatCount(totals.reopened)} />
        </dl>
      </ReportPanel>
      <ReportPanel id="times" title={t('kpi.times')} csvHref={overviewCsvUrl(filters, 'times')} className="report-kpi-panel">
        <dl className="report-kpis">
          {time('first_response')}
          {time('resolution')}
        </dl>
      </ReportPanel>
      <ReportPanel id="service" title={t('kpi.service')} csvHref={overviewCsvUrl(filters, 'sla')} className="report-kpi-panel report-kpi-panel-wide">
        <dl className="report-kpis">
          {compliance('first_response')}
          {compliance('resolution')}
          <Kpi id="escalations" label={t('kpi.escalations')} value={formatCount(escalations)}>
            <Note>{escalations === 0 ? t('kpi.noEscalations') : sla.escalations.map((e) => t('kpi.level', { level: e.level, count: formatCount(e.count) })).join(' · ')}</Note>
          </Kpi>
          <Kpi id="self_resolved" label={t('kpi.self_resolved')} value={formatShare(resolvedBy.customer_share)}>
            <Note>{resolutions === 0 ? t('kpi.noResolutions') : t('kpi.selfResolvedOf', { customer: formatCount(resolvedBy.customer), total: formatCount(resolutions) })}</Note>
          </Kpi>
        </dl>
      </ReportPanel>
    </div>
  );
}
