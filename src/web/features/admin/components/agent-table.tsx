import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agent, Department } from '../../../../contract/admin.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { formatDateTime, formatDay, formatRelative } from '../../../lib/format.ts';
import { agentStatusLook, agentTicketsPath, departmentNamesOf } from '../agent-status.ts';
import { ActionsHead } from './row-buttons.tsx';

export type AgentAction = 'edit' | 'resend' | 'reset' | 'deactivate' | 'reactivate';

interface AgentTableProps {
  agents: Agent[];
  /** The departments, to name an agent's; null until read. */
  departments: readonly Department[] | null;
  /** The signed-in admin, marked "You". */
  meId: number;
  /** The agent whose invitation is being sent again. */
  resendingId: number | null;
  onAction: (action: AgentAction, agent: Agent) => void;
}

function StatusCell({ agent }: { agent: Agent }) {
  const { t } = useTranslation('admin');
  const look = agentStatusLook(agent);
  return (
    <td className="cell-when">
      <Badge tone={look.tone}>{t(`agents.status.${look.status}`)}</Badge>
      {look.invitation && (
        <span className={['cell-sub', look.invitation.isExpired ? 'danger-text' : ''].filter(Boolean).join(' ')}>
          <time dateTime={look.invitation.expiresAt} title={formatDateTime(look.invitation.expiresAt)}>
            {t(look.invitation.isExpired ? 'agents.expired' : 'agents.expires', { date: formatDay(look.invitation.expiresAt) })}
          </time>
        </span>
      )}
    </td>
  );
}

/** The buttons of a row: Edit, the link its status allows (a new invitation, a password reset), and deactivate or reactivate. */
function RowActions({ agent, isResending, onAction }: { agent: Agent; isResending: boolean; onAction: AgentTableProps['onAction'] }) {
  const { t } = useTranslation('admin');
  const named = { name: agent.name };
  return (
    <td className="cell-actions">
      <button type="button" className="btn btn-secondary btn-md" aria-label={t('agents.editNamed', named)} onClick={() => onAction('edit', agent)}>
        {t('agents.edit')}
      </button>
      {agent.status === 'invited' && (
        <Button variant="ghost" isBusy={isResending} aria-label={t('agents.resendNamed', named)} onClick={() => onAction('resend', agent)}>
          {t('agents.resend')}
        </Button>
      )}
      {agent.status === 'active' && (
        <button type="button" className="btn btn-ghost btn-md" aria-label={t('agents.resetNamed', named)} onClick={() => onAction('reset', agent)}>
          {t('agents.reset')}
        </button>
      )}
      {agent.is_active ? (
        <button key="deactivate" type="button" className="btn btn-ghost btn-md danger-text" aria-label={t('agents.deactivateNamed', named)} onClick={() => onAction('deactivate', agent)}>
          {t('agents.deactivate')}
        </button>
      ) : (
        <button key="reactivate" type="button" className="btn btn-ghost btn-md" aria-label={t('agents.reactivateNamed', named)} onClick={() => onAction('reactivate', agent)}>
          {t('agents.reactivate')}
        </button>
      )}
    </td>
  );
}

/** The workspace's agents: role, status, departments, last sign-in, open tickets, and what can be done with each. */
export function AgentTable({ agents, departments, meId, resendingId, onAction }: AgentTableProps) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <table className="admin-table agent-table">
        <thead>
          <tr>
            <th scope="col">{t('agents.column.name')}</th>
            <th scope="col">{t('agents.column.role')}</th>
            <th scope="col">{t('agents.column.status')}</th>
            <th scope="col">{t('agents.column.departments')}</th>
            <th scope="col">{t('agents.column.lastSignIn')}</th>
            <th scope="col" className="col-number">
              {t('agents.column.openTickets')}
            </th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => {
            const names = departments ? departmentNamesOf(agent, departments) : null;
            return (
              <tr key={agent.id} data-id={agent.id} className={agent.is_active ? undefined : 'row-inactive'}>
                <th scope="row" className="cell-name">
                  <span className="cell-main">
                    {agent.name}
                    {agent.id === meId && (
                      <>
                        {' '}
                        <Badge tone="blue">{t('agents.you')}</Badge>
                      </>
                    )}
                  </span>
                  <span className="cell-sub agent-email">{agent.email}</span>
                </th>
                <td>{t(`agents.role.${agent.role}`)}</td>
                <StatusCell agent={agent} />
                <td className="agent-departments">
                  {names === null ? null : names.length > 0 ? names.join(', ') : <span className="muted">{t('agents.noDepartments')}</span>}
                </td>
                <td className="cell-when">
                  {agent.last_sign_in_at ? (
                    <time dateTime={agent.last_sign_in_at} title={formatDateTime(agent.last_sign_in_at)}>
                      {formatRelative(agent.last_sign_in_at)}
                    </time>
                  ) : (
                    <span className="muted">{t('agents.never')}</span>
                  )}
                </td>
                <td className="col-number">
                  {agent.open_tickets > 0 ? (
                    <Link to={agentTicketsPath(agent.id)} aria-label={t('agents.openTicketsNamed', { count: agent.open_tickets, name: agent.name })}>
                      {agent.open_tickets}
                    </Link>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
                <RowActions agent={agent} isResending={resendingId === agent.id} onAction={onAction} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
