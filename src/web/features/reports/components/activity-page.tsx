import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadMoreFoot } from '../../../components/ui/load-more-foot.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useActivityReport } from '../api/get-activity-report.ts';
import { activityCsvUrl, activityFilterKeys, checkReportRange, serverReportErrors, toActivityQuery } from '../report-filters.ts';
import { ActivityTable } from './activity-table.tsx';
import { FilterMenu } from './filter-menu.tsx';
import { ReportFiltersPanel, useIssueText } from './report-filters-panel.tsx';
import { ReportPanel } from './report-panel.tsx';
import { useActivityFilterOptions } from './use-filter-options.ts';
import { useReportParams } from './use-report-params.ts';

/** The activity report: every ticket event of the range with who acted and who resolved, a page at a time. */
export function ActivityPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const issueText = useIssueText();
  const { key, filters, activity, apply } = useReportParams('activity');
  const options = useActivityFilterOptions();
  const urlErrors = checkReportRange(filters);
  const query = Object.keys(urlErrors).length > 0 ? null : toActivityQuery(filters, activity);
  const report = useActivityReport(query);
  const fromServer = serverReportErrors(report.error);
  const isRefusedAtField = Object.keys(fromServer).length > 0;
  const errors = { ...urlErrors, ...fromServer };
  const rows = report.data?.pages.flatMap((p) => p.items) ?? [];
  const range = query ? report.data?.pages[0]?.range : undefined;
  const shown = t('activity.shown', { count: rows.length, countText: formatCount(rows.length) });

  return (
    <>
      <title>{tc('app.titleSuffix', { title: t('pageTitle', { tab: t('tabs.activity') }) })}</title>
      <ReportFiltersPanel urlKey={key} filters={filters} range={range} errors={errors} hasInterval={false} onApply={(next) => apply(next)}>
        {activityFilterKeys.map((k) => (
          <FilterMenu key={k} name={k} label={t(`filters.${k}`)} {...options[k]} chosen={activity[k]} error={issueText(errors[k])}
            onChange={(chosen) => apply(filters, { ...activity, [k]: chosen })} />
        ))}
      </ReportFiltersPanel>
      {report.isError && !report.data && !isRefusedAtField && <RetryAlert title={t('failed')} error={report.error} onRetry={() => void report.refetch()} />}
      {(isRefusedAtField || !query) && <Alert tone="info">{t('refused')}</Alert>}
      {query && !isRefusedAtField && (
        <ReportPanel id="activity" title={t('activity.title')} csvHref={activityCsvUrl(filters, activity)} className="report-panel-flush"
          meta={report.isSuccess && rows.length > 0 ? (report.hasNextPage ? t('activity.more', { shown }) : shown) : undefined}>
          {report.isPending ? (
            <p className="report-loading" aria-busy="true">
              <Spinner size="sm" /> {t('loading')}
            </p>
          ) : rows.length === 0 ? (
            <p className="report-empty">{t('activity.empty')}</p>
          ) : (
            <div aria-busy={report.isPlaceholderData || undefined} data-stale={report.isPlaceholderData || undefined}>
              <ActivityTable rows={rows} />
            </div>
          )}
          <LoadMoreFoot query={report} failed={(message) => t('activity.moreFailed', { message })} />
        </ReportPanel>
      )}
    </>
  );
}
