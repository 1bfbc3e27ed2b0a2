import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useAgents } from '../api/get-agents.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useEscalationLevels } from '../api/get-escalation-levels.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { EscalationEditor } from './escalation-editor.tsx';
import './service-levels.css';

/** Escalation levels per department (DESIGN.md §3, Admin): the department is in the address, so each has its own link. */
export function EscalationPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [params, setParams] = useSearchParams();
  const departments = useDepartments();
  const agents = useAgents();
  const list = departments.data?.items ?? [];
  const asked = Number(params.get('department'));
  const department = list.find((d) => d.id === asked) ?? list[0] ?? null;
  const levels = useEscalationLevels(department?.id ?? null);

  if (isForbidden(levels.error) || isForbidden(agents.error)) return <AdminOnly />;
  const failed = departments.error ?? agents.error ?? levels.error;

  return (
    <AdminPage title={t('escalation.title')} intro={t('escalation.intro')} tabTitle={department ? `${t('escalation.title')} · ${department.name}` : undefined}>
      {list.length > 0 && department && (
        <div className="escalation-department">
          <SelectField
            label={t('escalation.department')}
            name="department"
            value={String(department.id)}
            options={list.map((d) => ({ value: String(d.id), label: d.name }))}
            onChange={(e) => setParams({ department: e.target.value }, { replace: true })}
          />
        </div>
      )}
      {failed && !levels.data ? (
        <RetryAlert
          title={t('escalation.loadFailed')}
          error={failed}
          onRetry={() => void Promise.all([departments.refetch(), agents.refetch(), department ? levels.refetch() : null])}
        />
      ) : departments.isSuccess && list.length === 0 ? (
        <section className="panel empty-state">
          <h2>{t('escalation.noDepartmentsTitle')}</h2>
          <p>{t('escalation.noDepartments')}</p>
        </section>
      ) : department && levels.data && agents.data ? (
        <EscalationEditor key={department.id} department={department} saved={levels.data.levels} agents={agents.data.items} departments={list} />
      ) : (
        <div className="panel panel-loading">
          <Spinner label={t('common:app.loading')} />
        </div>
      )}
    </AdminPage>
  );
}
