import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityRow } from '../../../../contract/reports.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { activityDetail } from '../activity-detail.ts';
import { activityEventTypes } from '../report-filters.ts';

const isKnownType = (type: string): type is (typeof activityEventTypes)[number] => (activityEventTypes as readonly string[]).includes(type);

/** Who resolved, or the status an event led to. */
function Detail({ row }: { row: ActivityRow }) {
  const { t } = useTranslation(['reports', 'common']);
  const detail = activityDetail(row);
  if (detail.kind === 'resolvedBy') {
    return (
      <>
        <span className="cell-main report-resolved-by">{t('activity.resolvedBy', { name: detail.isCustomer ? t('common:actor.customer') : detail.name })}</span>
        {detail.resolution && <span className="cell-sub">{detail.resolution}</span>}
      </>
    );
  }
  if (detail.kind === 'status') {
    return (
      <span className="cell-main">
        {detail.from ? `${t(`common:status.${detail.from}`)} → ` : ''}
        {t(`common:status.${detail.to}`)}
      </span>
    );
  }
  return <span className="muted">—</span>;
}

/** Every event of the range, newest first: when (in the agent's time), which ticket, what, who. */
export function ActivityTable({ rows }: { rows: readonly ActivityRow[] }) {
  const { t } = useTranslation(['reports', 'common', 'ticket']);
  return (
    <div className="table-scroll">
      <table className="report-table report-activity-table">
        <caption className="visually-hidden">{t('activity.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.time')}</th>
            <th scope="col">{t('activity.ticket')}</th>
            <th scope="col">{t('activity.subject')}</th>
            <th scope="col">{t('activity.event')}</th>
            <th scope="col">{t('activity.actor')}</th>
            <th scope="col">{t('activity.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-type={row.type}>
              <td className="report-nowrap">
                <time dateTime={row.at}>{formatDateTime(row.at)}</time>
              </td>
              <td className="report-nowrap">
                <Link to={`/tickets/${row.ticket.number}`} className="ticket-number">
                  {row.ticket.number}
                </Link>
              </td>
              <td className="report-subject">{row.ticket.subject}</td>
              <td>{isKnownType(row.type) ? t(`ticket:history.event.${row.type}`) : row.type}</td>
              <td>
                <span className="cell-main">{row.actor.name}</span>
                <span className="cell-sub">{t(`common:actor.${row.actor.kind}`)}</span>
              </td>
              <td>
                <Detail row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
