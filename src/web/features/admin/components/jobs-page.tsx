import { useTranslation } from 'react-i18next';
import type { Job } from '../../../../contract/jobs.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { currentLocale } from '../../../i18n/languages.ts';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { jobsRefreshMs, useJobs } from '../api/get-jobs.ts';
import { isForbidden } from '../admin-access.ts';
import { isKnownDuty, jobState, jobStateTone, orderedCounts } from '../job-status.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ListPanel } from './list-panel.tsx';
import './service-levels.css';

/** The time of day to the second: the page is read again every few seconds. */
const formatClock = (ms: number) => new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'medium' }).format(ms);

function When({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="muted">—</span>;
}

function JobRow({ job }: { job: Job }) {
  const { t } = useTranslation('admin');
  const state = jobState(job);
  const counts = orderedCounts(job.last_counts);
  return (
    <tr data-duty={job.duty}>
      <th scope="row" className="cell-name">
        <span className="cell-main">{isKnownDuty(job.duty) ? t(`jobs.duty.${job.duty}.name`) : job.duty}</span>
        <span className="cell-sub">{isKnownDuty(job.duty) ? t(`jobs.duty.${job.duty}.what`) : ''}</span>
      </th>
      <td>
        <Badge tone={jobStateTone[state]}>{t(`jobs.state.${state}`)}</Badge>
      </td>
      <td className="cell-when">
        <When iso={job.last_started_at} />
      </td>
      <td className="cell-when">
        <When iso={job.last_finished_at} />
      </td>
      <td>
        {counts.length ? (
          <ul className="plain-list job-counts">
            {counts.map(([key, value]) => (
              <li key={key}>
                {['claimed', 'done', 'skipped', 'failed', 'retried'].includes(key) ? t(`jobs.count.${key as 'claimed'}`) : key}: <strong>{formatCount(value)}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="col-number">{formatCount(job.total_runs)}</td>
      <td className="cell-when">
        <When iso={job.last_checked_at} />
      </td>
      <td className="cell-error">{job.last_error ? <span className="job-error">{job.last_error}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}

/** The background sweeper's duties (auto-close, reminders, SLA warnings, escalation) and how their last runs went; read again every 15 s. */
export function JobsPage() {
  const { t } = useTranslation('admin');
  const jobs = useJobs();
  if (isForbidden(jobs.error)) return <AdminOnly />;
  const interval = jobs.data?.sweep_interval_ms;

  return (
    <AdminPage
      title={t('jobs.title')}
      intro={t('jobs.intro', { seconds: jobsRefreshMs / 1000 })}
      action={
        <Button variant="secondary" onClick={() => void jobs.refetch()}>
          {t('jobs.refresh')}
        </Button>
      }
    >
      {interval !== undefined && (
        <p className="jobs-interval">{interval > 0 ? t('jobs.interval', { every: interval >= 1000 ? `${formatCount(interval / 1000)} s` : `${formatCount(interval)} ms` }) : t('jobs.noSweep')}</p>
      )}
      <ListPanel
        id="jobs-title"
        title={t('jobs.listTitle')}
        meta={jobs.dataUpdatedAt > 0 ? t('jobs.updated', { time: formatClock(jobs.dataUpdatedAt) }) : undefined}
        list={jobs}
        loadFailed={t('jobs.loadFailed')}
      >
        {(data) => (
          <div className="table-scroll">
            <table className="admin-table jobs-table">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.column.duty')}</th>
                  <th scope="col">{t('jobs.column.status')}</th>
                  <th scope="col">{t('jobs.column.started')}</th>
                  <th scope="col">{t('jobs.column.finished')}</th>
                  <th scope="col">{t('jobs.column.counts')}</th>
                  <th scope="col" className="col-number">
                    {t('jobs.column.runs')}
                  </th>
                  <th scope="col">{t('jobs.column.checked')}</th>
                  <th scope="col">{t('jobs.column.error')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((job) => (
                  <JobRow key={job.duty} job={job} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListPanel>
    </AdminPage>
  );
}
