import { useTranslation } from 'react-i18next';
import type { TicketSla } from '../../../../contract/sla.ts';
import type { Ticket } from '../../../../contract/tickets.ts';
import { formatDateTime, formatDuration } from '../../../lib/format.ts';
import { useTicketSla } from '../api/get-ticket-sla.ts';

type Target = 'firstResponse' | 'nextResponse' | 'resolution';

/** The ticket's service level: which policy, each target's due time or how it was met, the escalation level, a pause. */
export function ServiceLevelPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const sla = useTicketSla(ticket);
  const s = sla.data;

  return (
    <section className="panel side-panel" aria-labelledby="sla-panel-title">
      <h2 id="sla-panel-title" className="panel-title">
        {t('sla.title')}
      </h2>
      {!s ? (
        <p className="muted">{sla.isError ? t('sla.failed') : t('sla.loading')}</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('sla.policy')}</dt>
            <dd>{s.policy ? s.policy.name || t('sla.deletedPolicy') : <span className="muted">{t('sla.noPolicy')}</span>}</dd>
          </div>
          <TargetRow target="firstResponse" due={s.first_response_due_at} met={s.first_responded_at} taken={s.first_response_seconds_taken} over={s.first_response_seconds_over} />
          {s.next_response_due_at && <TargetRow target="nextResponse" due={s.next_response_due_at} met={null} taken={null} over={null} />}
          <TargetRow target="resolution" due={s.resolution_due_at} met={null} taken={s.resolution_seconds_taken} over={s.resolution_seconds_over} />
          {(s.escalation_level > 0 || s.next_escalation_at) && <EscalationRow sla={s} />}
          {s.paused_at && (
            <div>
              <dt>{t('sla.clock')}</dt>
              <dd>{t('sla.pausedSince', { when: formatDateTime(s.paused_at) })}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

function TargetRow({ target, due, met, taken, over }: { target: Target; due: string | null; met: string | null; taken: number | null; over: number | null }) {
  const { t } = useTranslation('ticket');
  if (!due && taken === null) return null;
  let text: string;
  let late = false;
  if (taken !== null) {
    // Met (or missed) and measured: how long it took and against the target.
    late = over !== null && over > 0;
    const against = over === null ? '' : ` · ${late ? t('sla.over', { span: formatDuration(over) }) : t('sla.under', { span: formatDuration(over) })}`;
    text = `${t('sla.took', { span: formatDuration(taken) })}${against}`;
  } else {
    late = due !== null && new Date(due).getTime() < Date.now();
    text = late ? t('sla.missed', { when: formatDateTime(due as string) }) : t('sla.dueAt', { when: formatDateTime(due as string) });
  }
  return (
    <div>
      <dt>{t(`sla.${target}`)}</dt>
      <dd className={late ? 'sla-late' : undefined}>
        {met && taken === null ? t('sla.metAt', { when: formatDateTime(met) }) : text}
      </dd>
    </div>
  );
}

function EscalationRow({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation('ticket');
  return (
    <div>
      <dt>{t('sla.escalation')}</dt>
      <dd>
        {sla.escalation_level > 0 ? t('sla.level', { level: sla.escalation_level }) : t('sla.notEscalated')}
        {sla.next_escalation_at && (
          <>
            {' · '}
            {t('sla.nextLevel', { when: formatDateTime(sla.next_escalation_at) })}
          </>
        )}
      </dd>
    </div>
  );
}
