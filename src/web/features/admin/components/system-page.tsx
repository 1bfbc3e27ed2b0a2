import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SystemInfo } from '../../../../contract/system.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { currentLocale } from '../../../i18n/languages.ts';
import { formatCount, formatDateTime, formatDuration, formatRelative } from '../../../lib/format.ts';
import { useSystemInfo } from '../api/get-system-info.ts';
import { useRunMaintenance } from '../api/run-maintenance.ts';
import { isForbidden } from '../admin-access.ts';
import { formatBytes } from '../byte-size.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { SystemQueues } from './system-queues.tsx';
import './service-levels.css';
import './system.css';

/** One fact of a panel: its name, its value and a line under it. */
function Fact({ label, sub, children }: { label: string; sub?: ReactNode; children: ReactNode }) {
  return (
    <div className="system-fact">
      <dt>{label}</dt>
      <dd>
        <span className="system-fact-value">{children}</span>
        {sub && <span className="system-fact-sub">{sub}</span>}
      </dd>
    </div>
  );
}

/** A moment as "5 minutes ago" with the date and time under it, or a word for never. */
function Moment({ label, iso, never }: { label: string; iso: string | null; never: string }) {
  return iso ? (
    <Fact label={label} sub={<time dateTime={iso}>{formatDateTime(iso)}</time>}>
      {formatRelative(iso)}
    </Fact>
  ) : (
    <Fact label={label}>
      <span className="muted">{never}</span>
    </Fact>
  );
}

function VersionPanel({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('admin');
  return (
    <section className="panel system-panel" aria-labelledby="system-version-title">
      <div className="panel-head">
        <h2 id="system-version-title" className="panel-title">
          {t('system.version.title')}
        </h2>
      </div>
      <dl className="system-facts">
        <Fact label={t('system.version.caredesk')}>{info.version}</Fact>
        <Fact label={t('system.version.node')}>{info.node_version}</Fact>
        <Moment label={t('system.version.started')} iso={info.started_at} never="—" />
      </dl>
    </section>
  );
}

function DatabasePanel({ database }: { database: SystemInfo['database'] }) {
  const { t } = useTranslation('admin');
  const run = useRunMaintenance();
  const isEmbedded = database.engine === 'pglite';
  const minutes = database.vacuum_interval_minutes;
  const interval =
    minutes === null ? t('system.database.autovacuum') : minutes > 0 ? t('system.database.every', { every: formatDuration(minutes * 60) }) : t('system.database.off');
  return (
    <section className="panel system-panel" aria-labelledby="system-database-title" aria-busy={run.isPending || undefined}>
      <div className="panel-head">
        <h2 id="system-database-title" className="panel-title">
          {t('system.database.title')}
        </h2>
      </div>
      <dl className="system-facts">
        <Fact label={t('system.database.engine')} sub={isEmbedded ? t('system.database.pgliteVersion', { version: database.server_version }) : undefined}>
          {isEmbedded ? t('system.database.pglite') : t('system.database.postgresql', { version: database.server_version })}
        </Fact>
        <Fact label={t('system.database.size')} sub={t('system.database.sizeHint')}>
          {database.size_bytes === null ? (
            t('system.database.sizeShared')
          ) : (
            <span title={`${formatCount(database.size_bytes)} B`}>{formatBytes(database.size_bytes, currentLocale())}</span>
          )}
        </Fact>
        <Moment label={t('system.database.lastVacuum')} iso={database.last_vacuum_at} never={t('system.database.never')} />
        <Moment label={t('system.database.lastAnalyze')} iso={database.last_analyze_at} never={t('system.database.never')} />
        <Fact label={t('system.database.interval')}>{interval}</Fact>
      </dl>
      {/* PostgreSQL keeps itself with autovacuum: the server refuses a run there (409), so it is not offered. */}
      {isEmbedded && (
        <div className="panel-foot system-maintenance">
          <Button variant="secondary" isBusy={run.isPending} onClick={() => run.mutate()}>
            {t('system.database.run')}
          </Button>
          <p className="field-hint">{t('system.database.runHint')}</p>
          <p className="system-maintenance-result" role="status">
            {run.isSuccess ? t('system.database.ran', { ms: formatCount(run.data.ms) }) : ''}
          </p>
          {run.isError && <Alert>{t('system.database.runFailed', { message: run.error.message })}</Alert>}
        </div>
      )}
    </section>
  );
}

/** The system's health for admins (DESIGN.md §3, Admin): the version, the database and its upkeep, and what waits to be sent. */
export function SystemPage() {
  const { t } = useTranslation(['admin', 'common']);
  const system = useSystemInfo();
  if (isForbidden(system.error)) return <AdminOnly />;

  return (
    <AdminPage
      title={t('system.title')}
      intro={t('system.intro')}
      action={
        <div className="system-actions">
          <Button variant="secondary" isBusy={system.isFetching && Boolean(system.data)} onClick={() => void system.refetch()}>
            {t('system.refresh')}
          </Button>
          <Link className="btn btn-secondary btn-md" to="/admin/jobs">
            {t('system.jobsLink')}
          </Link>
        </div>
      }
    >
      {system.isError && !system.data ? (
        <RetryAlert title={t('system.loadFailed')} error={system.error} onRetry={() => void system.refetch()} />
      ) : !system.data ? (
        <div className="panel panel-loading">
          <Spinner label={t('common:app.loading')} />
        </div>
      ) : (
        <div className="system-grid">
          <VersionPanel info={system.data} />
          <DatabasePanel database={system.data.database} />
          <SystemQueues info={system.data} />
        </div>
      )}
    </AdminPage>
  );
}
