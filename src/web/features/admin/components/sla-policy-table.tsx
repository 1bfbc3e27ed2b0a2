import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../contract/sla.ts';
import { formatDuration } from '../duration.ts';
import { nameOf } from '../ordered-list.ts';
import { targetFields } from '../sla-policy-form.ts';
import { OrderedTable } from './ordered-table.tsx';

interface SlaPolicyTableProps {
  policies: SlaPolicy[];
  /** Names of the workspace's departments, categories and calendars by id. */
  names: { departments: Map<number, string>; categories: Map<number, string>; calendars: Map<number, string> };
  onMove: (policy: SlaPolicy, by: -1 | 1) => void;
  onEdit: (policy: SlaPolicy) => void;
  onDelete: (policy: SlaPolicy) => void;
}

/** The policies in the order they are tried, with what each matches, its targets and its calendar. */
export function SlaPolicyTable({ policies, names, onMove, onEdit, onDelete }: SlaPolicyTableProps) {
  const { t } = useTranslation(['admin', 'common']);
  const matches = (p: SlaPolicy): string[] => [
    ...(p.priorities ? [t('policies.match.priorities', { list: p.priorities.map((v) => t(`common:priority.${v}`)).join(', ') })] : []),
    ...(p.department_ids ? [t('policies.match.departments', { list: p.department_ids.map((id) => nameOf(names.departments, id)).join(', ') })] : []),
    ...(p.channels ? [t('policies.match.channels', { list: p.channels.map((v) => t(`common:channel.${v}`)).join(', ') })] : []),
    ...(p.category_ids ? [t('policies.match.categories', { list: p.category_ids.map((id) => nameOf(names.categories, id)).join(', ') })] : []),
  ];
  const targets = (policy: SlaPolicy) => (
    <>
      <dl className="policy-targets">
        {targetFields.map((field) => (
          <div key={field}>
            <dt>{t(`policies.target.${field}`)}</dt>
            <dd>{policy[field] === null ? <span className="muted">{t('policies.noTarget')}</span> : formatDuration(policy[field])}</dd>
          </div>
        ))}
      </dl>
      {policy.warning_percent !== null && <span className="cell-sub">{t('policies.warnAt', { percent: policy.warning_percent })}</span>}
    </>
  );
  const calendar = (policy: SlaPolicy) =>
    policy.calendar_id === null ? <span className="muted">{t('policies.calendarInherited')}</span> : nameOf(names.calendars, policy.calendar_id);

  return (
    <OrderedTable
      items={policies}
      matches={matches}
      every={t('policies.match.every')}
      columns={[
        { head: t('policies.column.targets'), cell: targets },
        { head: t('policies.column.calendar'), cell: calendar },
      ]}
      onMove={onMove}
      onEdit={onEdit}
      onDelete={onDelete}
    />
  );
}
