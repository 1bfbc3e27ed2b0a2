import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agent } from '../../../../contract/admin.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useSession } from '../../auth/api/get-session.ts';
import { useAgents } from '../api/get-agents.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useSendAgentLink } from '../api/send-agent-link.ts';
import { useSetAgentActive } from '../api/set-agent-active.ts';
import { agentStatusError } from '../agent-form.ts';
import { agentTicketsPath, linkLifetime } from '../agent-status.ts';
import { memberChoices } from '../department-form.ts';
import { AdminPage } from './admin-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { AgentDialog } from './agent-dialog.tsx';
import { type AgentAction, AgentTable } from './agent-table.tsx';
import { ListPanel } from './list-panel.tsx';
import { useDialog } from './use-dialog.ts';
import './agents.css';
import './service-levels.css';

type Open = { dialog: 'invite' } | { dialog: Exclude<AgentAction, 'resend'>; agent: Agent };

/** Agents (DESIGN.md §3, Admin): invite them by email, set their role and departments, mail a password link, deactivate and reactivate them. */
export function AgentsPage() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const agents = useAgents();
  const departments = useDepartments();
  const send = useSendAgentLink();
  const setActive = useSetAgentActive();
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const { open } = dialog;
  const lifetime = (expiresAt: string) => {
    const { unit, count } = linkLifetime(expiresAt);
    return t(`agents.lifetime.${unit}`, { count });
  };
  const show = (next: Open) => {
    // What the page last said no longer holds once something else is done.
    setNotice('');
    setProblem(null);
    send.reset();
    setActive.reset();
    dialog.show(next);
  };
  const close = () => {
    dialog.close();
    send.reset();
    setActive.reset();
  };
  const done = (said: string) => {
    setNotice(said);
    close();
  };
  const onAction = (action: AgentAction, agent: Agent) => {
    if (action !== 'resend') return show({ dialog: action, agent });
    setNotice('');
    setProblem(null);
    send.mutate(
      { agentId: agent.id, purpose: 'invitation' },
      {
        onSuccess: (sent) => setNotice(t('agents.resent', { email: sent.sent_to, lifetime: lifetime(sent.expires_at) })),
        onError: (error) => setProblem(t('agents.linkFailed', { name: agent.name, message: error.message })),
      },
    );
  };
  const changeActive = (agent: Agent, isActive: boolean) =>
    setActive.mutate({ id: agent.id, isActive }, { onSuccess: () => done(t(isActive ? 'agents.reactivated' : 'agents.deactivated', { name: agent.name })) });
  const count = agents.data?.items.length ?? 0;

  return (
    <AdminPage
      title={t('agents.title')}
      intro={t('agents.intro')}
      headingRef={heading}
      action={
        <Button onClick={() => show({ dialog: 'invite' })} disabled={departments.isPending}>
          {t('agents.inviteButton')}
        </Button>
      }
    >
      <p role="status" className="form-notice">
        {notice}
      </p>
      {problem && <Alert>{problem}</Alert>}
      {departments.isError && !departments.data && <RetryAlert title={t('agents.departmentsFailed')} error={departments.error} onRetry={() => void departments.refetch()} />}
      <ListPanel id="agents-title" title={t('agents.listTitle')} meta={count > 0 ? t('agents.count', { count }) : undefined} list={agents} loadFailed={t('agents.loadFailed')}>
        {(data) => (
          <AgentTable
            agents={memberChoices(data.items)}
            departments={departments.data?.items ?? null}
            meId={session.agent.id}
            resendingId={send.isPending && send.variables.purpose === 'invitation' ? send.variables.agentId : null}
            onAction={onAction}
          />
        )}
      </ListPanel>

      {(open?.dialog === 'invite' || open?.dialog === 'edit') && (
        <AgentDialog
          agent={open.dialog === 'edit' ? open.agent : undefined}
          departments={departments.data?.items ?? null}
          onClose={close}
          onSaved={(saved) =>
            setNotice(
              open.dialog === 'invite' && saved.invitation_expires_at
                ? t('agents.invited', { email: saved.email, lifetime: lifetime(saved.invitation_expires_at) })
                : t('agents.saved', { name: saved.name }),
            )
          }
        />
      )}
      {open?.dialog === 'reset' && (
        <ConfirmDialog
          title={t('agents.resetTitle', { name: open.agent.name })}
          confirmLabel={t('agents.resetConfirm')}
          isBusy={send.isPending}
          error={send.isError ? t('agents.linkFailed', { name: open.agent.name, message: send.error.message }) : null}
          onConfirm={() =>
            send.mutate({ agentId: open.agent.id, purpose: 'password_reset' }, { onSuccess: (sent) => done(t('agents.resetSent', { email: sent.sent_to, lifetime: lifetime(sent.expires_at) })) })
          }
          onCancel={close}
        >
          <p>{t('agents.resetText', { email: open.agent.email })}</p>
        </ConfirmDialog>
      )}
      {open?.dialog === 'deactivate' && (
        <ConfirmDialog
          title={t('agents.deactivateTitle', { name: open.agent.name })}
          confirmLabel={t('agents.deactivate')}
          isBusy={setActive.isPending}
          error={setActive.isError ? agentStatusError(setActive.error) : null}
          onConfirm={() => changeActive(open.agent, false)}
          onCancel={close}
        >
          <p>{t('agents.deactivateText')}</p>
          {open.agent.id === session.agent.id && <p>{t('agents.deactivateSelf')}</p>}
          {open.agent.open_tickets > 0 ? (
            <p>
              {t('agents.deactivateTickets', { count: open.agent.open_tickets })} <Link to={agentTicketsPath(open.agent.id)}>{t('agents.ticketsLink')}</Link>
            </p>
          ) : (
            <p>{t('agents.deactivateNoTickets')}</p>
          )}
        </ConfirmDialog>
      )}
      {open?.dialog === 'reactivate' && (
        <ConfirmDialog
          title={t('agents.reactivateTitle', { name: open.agent.name })}
          confirmLabel={t('agents.reactivate')}
          isBusy={setActive.isPending}
          error={setActive.isError ? agentStatusError(setActive.error) : null}
          onConfirm={() => changeActive(open.agent, true)}
          onCancel={close}
        >
          <p>{t('agents.reactivateText')}</p>
          {open.agent.invitation_expires_at !== null && <p>{t('agents.reactivateInvited')}</p>}
        </ConfirmDialog>
      )}
    </AdminPage>
  );
}
