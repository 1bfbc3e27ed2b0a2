import { useTranslation } from 'react-i18next';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { formatCount } from '../../../lib/format.ts';
import { overviewCsvUrl, type ReportFilters } from '../report-filters.ts';
import { formatReportDuration } from '../report-format.ts';
import { ReportPanel } from './report-panel.tsx';
import { ReportTable } from './report-table.tsx';

/** Each agent's part of the range: tickets replied on, resolved, and their median times. */
export function AgentsTable({ report, filters }: { report: OverviewReport; filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const title = t('agents.title');
  return (
    <ReportPanel id="agents" title={title} csvHref={overviewCsvUrl(filters, 'agents')} className="report-panel-flush">
      {report.by_agent.length === 0 ? (
        <p className="report-empty">{t('agents.empty')}</p>
      ) : (
        <ReportTable
          caption={title}
          columns={[
            { label: t('agents.agent') },
            { label: t('agents.handled'), isNumber: true },
            { label: t('agents.resolved'), isNumber: true },
            { label: t('agents.firstResponse'), isNumber: true },
            { label: t('agents.resolution'), isNumber: true },
          ]}
          rows={report.by_agent.map((a) => ({
            key: String(a.agent.id),
            cells: [a.agent.name, formatCount(a.handled), formatCount(a.resolved), formatReportDuration(a.median_first_response_seconds), formatReportDuration(a.median_resolution_seconds)],
          }))}
        />
      )}
    </ReportPanel>
  );
}
