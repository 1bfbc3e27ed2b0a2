import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../contract/sla.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatCount } from '../../../lib/format.ts';
import { summarizeHours } from '../calendar-form.ts';
import { ActionsHead, RowButton } from './row-buttons.tsx';

interface CalendarTableProps {
  calendars: Calendar[];
  onEdit: (calendar: Calendar) => void;
  onImport: (calendar: Calendar) => void;
  onDelete: (calendar: Calendar) => void;
}

/** What counts time in a calendar, in words: "Workspace default · Departments: Returns · SLA policies: Urgent". */
export function useUsedByText(): (used: Calendar['used_by']) => string[] {
  const { t } = useTranslation('admin');
  return (used) => [
    ...(used.workspace_default ? [t('calendars.usedBy.workspace')] : []),
    ...(used.departments.length ? [t('calendars.usedBy.departments', { names: used.departments.map((d) => d.name).join(', '), count: used.departments.length })] : []),
    ...(used.sla_policies.length ? [t('calendars.usedBy.policies', { names: used.sla_policies.map((p) => p.name).join(', '), count: used.sla_policies.length })] : []),
  ];
}

/** The workspace's calendars with their hours in short and what uses them; each row's actions name its calendar. */
export function CalendarTable({ calendars, onEdit, onImport, onDelete }: CalendarTableProps) {
  const { t } = useTranslation('admin');
  const usedBy = useUsedByText();
  return (
    <div className="table-scroll">
      <table className="admin-table calendar-table">
        <thead>
          <tr>
            <th scope="col">{t('list.column.name')}</th>
            <th scope="col">{t('calendars.column.timeZone')}</th>
            <th scope="col">{t('calendars.column.hours')}</th>
            <th scope="col" className="col-number">
              {t('calendars.column.holidays')}
            </th>
            <th scope="col">{t('calendars.column.usedBy')}</th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {calendars.map((calendar) => {
            const uses = usedBy(calendar.used_by);
            return (
              <tr key={calendar.id} data-id={calendar.id}>
                <th scope="row" className="cell-name">
                  {calendar.name}
                </th>
                <td>{calendar.time_zone.replaceAll('_', ' ')}</td>
                <td className="cell-hours">
                  {calendar.always_open ? (
                    <Badge tone="teal">{t('calendars.open247')}</Badge>
                  ) : (
                    <ul className="plain-list">
                      {summarizeHours(calendar.hours).map((group) => (
                        <li key={group.days[0]}>
                          <span className="hours-days">{group.days.length > 2 ? `${t(`weekdayShort.${group.days[0]}`)}–${t(`weekdayShort.${group.days.at(-1) ?? 'sun'}`)}` : group.days.map((d) => t(`weekdayShort.${d}`)).join(', ')}</span>{' '}
                          {group.ranges}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="col-number">{calendar.always_open ? <span className="muted">—</span> : formatCount(calendar.holidays.length)}</td>
                <td className="cell-used">
                  {uses.length ? (
                    <ul className="plain-list">
                      {uses.map((use) => (
                        <li key={use}>{use}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('calendars.usedBy.none')}</span>
                  )}
                </td>
                <td className="cell-actions">
                  <RowButton action="edit" name={calendar.name} onClick={() => onEdit(calendar)} />
                  {!calendar.always_open && (
                    <button type="button" className="btn btn-ghost btn-md" aria-label={t('calendars.importNamed', { name: calendar.name })} onClick={() => onImport(calendar)}>
                      {t('calendars.import')}
                    </button>
                  )}
                  <RowButton action="delete" name={calendar.name} onClick={() => onDelete(calendar)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
