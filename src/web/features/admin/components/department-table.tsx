import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agent, Department } from '../../../../contract/admin.ts';
import { ActionsHead, RowButton } from './row-buttons.tsx';

interface DepartmentTableProps {
  departments: Department[];
  /** The agents, to name the members; empty until read. */
  agents: readonly Agent[];
  /** The name of the calendar a department's time counts in ('' for the workspace default); null while unknown. */
  calendarOf: (department: Department) => string | null;
  onEdit: (department: Department) => void;
  onDelete: (department: Department) => void;
}

/** The workspace's departments: address, members, assignment, and links to their escalation levels and calendar. */
export function DepartmentTable({ departments, agents, calendarOf, onEdit, onDelete }: DepartmentTableProps) {
  const { t } = useTranslation('admin');
  const byId = new Map(agents.map((a) => [a.id, a]));
  return (
    <div className="table-scroll">
      <table className="admin-table department-table">
        <thead>
          <tr>
            <th scope="col">{t('departments.column.name')}</th>
            <th scope="col">{t('departments.column.email')}</th>
            <th scope="col">{t('departments.column.members')}</th>
            <th scope="col">{t('departments.column.assignment')}</th>
            <th scope="col">{t('departments.column.serviceLevels')}</th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => {
            const members = department.member_ids.map((id) => byId.get(id)).filter((a): a is Agent => a !== undefined);
            const inactive = members.filter((a) => !a.is_active).length;
            const calendar = calendarOf(department);
            return (
              <tr key={department.id} data-id={department.id}>
                <th scope="row" className="cell-name">
                  {department.name}
                </th>
                <td className="cell-email">{department.email ?? <span className="muted">{t('departments.noEmail')}</span>}</td>
                <td>
                  <span className="cell-main">
                    {t('departments.members', { count: department.member_ids.length })}
                    {inactive > 0 && <span className="muted"> · {t('departments.inactiveMembers', { count: inactive })}</span>}
                  </span>
                  {members.length > 0 && (
                    <span className="cell-sub member-names" title={members.map((a) => a.name).join(', ')}>
                      {members.map((a) => a.name).join(', ')}
                    </span>
                  )}
                </td>
                <td>{t(`departments.mode.${department.assignment_mode}`)}</td>
                <td>
                  <ul className="plain-list">
                    <li>
                      <Link to={`/admin/escalation?department=${department.id}`} aria-label={t('departments.escalationLinkNamed', { name: department.name })}>
                        {t('departments.escalationLink')}
                      </Link>
                    </li>
                    <li>
                      {calendar === null ? (
                        <Link to="/admin/calendars" aria-label={t('departments.calendarUnknownNamed', { name: department.name })}>
                          {t('departments.calendarUnknown')}
                        </Link>
                      ) : (
                        <Link to="/admin/calendars" aria-label={t('departments.calendarLinkNamed', { name: department.name, calendar: calendar || t('departments.calendarDefault') })}>
                          {t('departments.calendarLink', { calendar: calendar || t('departments.calendarDefault') })}
                        </Link>
                      )}
                    </li>
                  </ul>
                </td>
                <td className="cell-actions">
                  <RowButton action="edit" name={department.name} onClick={() => onEdit(department)} />
                  <RowButton action="delete" name={department.name} onClick={() => onDelete(department)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
