import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useOverviewReport } from '../api/get-overview-report.ts';
import { checkReportRange, overviewCsvUrl, serverReportErrors, toOverviewQuery } from '../report-filters.ts';
import { AgentsTable } from './agents-table.tsx';
import { OverviewBreakdowns } from './overview-breakdowns.tsx';
import { OverviewKpis } from './overview-kpis.tsx';
import { ReportFiltersPanel } from './report-filters-panel.tsx';
import { ReportPanel } from './report-panel.tsx';
import { useReportParams } from './use-report-params.ts';
import { VolumeChart } from './volume-chart.tsx';

/** The overview report (DESIGN.md §3 "Reports"): figures, charts and tables of a range, each downloadable as CSV. */
export function OverviewPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const { key, filters, apply } = useReportParams('overview');
  // A hand-edited URL is checked like the panel, and sends nothing the page itself would refuse.
  const urlErrors = checkReportRange(filters);
  const query = Object.keys(urlErrors).length > 0 ? null : toOverviewQuery(filters);
  const report = useOverviewReport(query);
  const fromServer = serverReportErrors(report.error);
  const isRefusedAtField = Object.keys(fromServer).length > 0;
  // A range the page refuses shows no figures, not the last range's.
  const data = query ? report.data : undefined;

  return (
    <>
      <title>{tc('app.titleSuffix', { title: t('pageTitle', { tab: t('tabs.overview') }) })}</title>
      <ReportFiltersPanel urlKey={key} filters={filters} range={data?.range} errors={{ ...urlErrors, ...fromServer }} hasInterval onApply={apply} />
      {report.isError && !isRefusedAtField && <RetryAlert title={t('failed')} error={report.error} onRetry={() => void report.refetch()} />}
      {(isRefusedAtField || !query) && <Alert tone="info">{t('refused')}</Alert>}
      {query && report.isPending && (
        <p className="report-loading" aria-busy="true">
          <Spinner size="sm" /> {t('loading')}
        </p>
      )}
      {data && (
        <div className="report-content" aria-busy={report.isPlaceholderData || undefined} data-stale={report.isPlaceholderData || undefined}>
          <OverviewKpis report={data} filters={filters} />
          <ReportPanel id="volume" title={t('volume.title')} csvHref={overviewCsvUrl(filters, 'volume')} meta={t(`volume.per.${data.range.interval}`)}>
            <VolumeChart report={data} />
          </ReportPanel>
          <OverviewBreakdowns report={data} filters={filters} />
          <AgentsTable report={data} filters={filters} />
        </div>
      )}
    </>
  );
}
