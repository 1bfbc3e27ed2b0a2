import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../contract/sla.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatDuration } from '../duration.ts';
import { targetFields } from '../sla-policy-form.ts';
import { MoveButtons } from './move-buttons.tsx';

interface SlaPolicyTableProps {
  policies: SlaPolicy[];
  /** Names of the workspace's departments, categories and calendars by id. */
  names: { departments: Map<number, string>; categories: Map<number, string>; calendars: Map<number, string> };
  onMove: (policy: SlaPolicy, by: -1 | 1) => void;
  onEdit: (policy: SlaPolicy) => void;
  onDelete: (policy: SlaPolicy) => void;
}

/** The policies in the order they are tried, with what each matches, its targets, and buttons to move it up or down. */
export function SlaPolicyTable({ policies, names, onMove, onEdit, onDelete }: SlaPolicyTableProps) {
  const { t } = useTranslation(['admin', 'common']);
  const nameOf = (book: Map<number, string>, id: number) => book.get(id) ?? `#${id}`;
  const matches = (p: SlaPolicy): string[] => [
    ...(p.priorities ? [t('policies.match.priorities', { list: p.priorities.map((v) => t(`common:priority.${v}`)).join(', ') })] : []),
    ...(p.department_ids ? [t('policies.match.departments', { list: p.department_ids.map((id) => nameOf(names.departments, id)).join(', ') })] : []),
    ...(p.channels ? [t('policies.match.channels', { list: p.channels.map((v) => t(`common:channel.${v}`)).join(', ') })] : []),
    ...(p.category_ids ? [t('policies.match.categories', { list: p.category_ids.map((id) => nameOf(names.categories, id)).join(', ') })] : []),
  ];
  return (
    <div className="table-scroll">
      <table className="admin-table policy-table">
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('policies.column.order')}
            </th>
            <th scope="col">{t('policies.column.name')}</th>
            <th scope="col">{t('policies.column.matches')}</th>
            <th scope="col">{t('policies.column.targets')}</th>
            <th scope="col">{t('policies.column.calendar')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('policies.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {policies.map((policy, index) => {
            const conditions = matches(policy);
            return (
              <tr key={policy.id} data-id={policy.id} className={policy.is_active ? undefined : 'row-inactive'}>
                <td className="col-number">{index + 1}</td>
                <th scope="row" className="cell-name">
                  {policy.name}
                  {!policy.is_active && (
                    <>
                      {' '}
                      <Badge>{t('policies.inactive')}</Badge>
                    </>
                  )}
                </th>
                <td>
                  {conditions.length ? (
                    <ul className="plain-list">
                      {conditions.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    t('policies.match.every')
                  )}
                </td>
                <td>
                  <dl className="policy-targets">
                    {targetFields.map((field) => (
                      <div key={field}>
                        <dt>{t(`policies.target.${field}`)}</dt>
                        <dd>{policy[field] === null ? <span className="muted">{t('policies.noTarget')}</span> : formatDuration(policy[field])}</dd>
                      </div>
                    ))}
                  </dl>
                  {policy.warning_percent !== null && <span className="cell-sub">{t('policies.warnAt', { percent: policy.warning_percent })}</span>}
                </td>
                <td>{policy.calendar_id === null ? <span className="muted">{t('policies.calendarInherited')}</span> : nameOf(names.calendars, policy.calendar_id)}</td>
                <td className="cell-actions">
                  <MoveButtons
                    id={policy.id}
                    index={index}
                    count={policies.length}
                    upLabel={t('policies.moveUp', { name: policy.name })}
                    downLabel={t('policies.moveDown', { name: policy.name })}
                    onMove={(by) => onMove(policy, by)}
                  />
                  <button type="button" className="btn btn-secondary btn-md" aria-label={t('policies.editNamed', { name: policy.name })} onClick={() => onEdit(policy)}>
                    {t('policies.edit')}
                  </button>
                  <button type="button" className="btn btn-ghost btn-md danger-text" aria-label={t('policies.deleteNamed', { name: policy.name })} onClick={() => onDelete(policy)}>
                    {t('policies.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
