import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import { useRejectTicket, useVerifyTicket } from '../api/verify-ticket.ts';

const byRules = '';

/**
 * A ticket that waits for verification (DESIGN.md §2): nobody has been told of it yet. Verify
 * sends it to a department (the one it asked for unless another is chosen) and confirms it to
 * the customer; Reject closes it without a word to the customer.
 */
export function VerificationBanner({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['ticket', 'common']);
  const [asking, setAsking] = useState<'verify' | 'reject' | null>(null);
  const verify = useVerifyTicket(ticket.number);
  const reject = useRejectTicket(ticket.number);
  const close = () => {
    setAsking(null);
    verify.reset();
    reject.reset();
  };
  return (
    <section className="verify-banner" aria-labelledby="verify-banner-title">
      <div className="verify-banner-text">
        <h2 id="verify-banner-title" className="verify-banner-title">
          {t('verify.title')}
        </h2>
        <p>{t('verify.text', { department: ticket.requested_department?.name ?? t('verify.byRules') })}</p>
      </div>
      <div className="verify-banner-actions">
        <Button onClick={() => setAsking('verify')}>{t('verify.verify')}</Button>
        <Button variant="secondary" onClick={() => setAsking('reject')}>
          {t('verify.reject')}
        </Button>
      </div>
      {asking === 'verify' && <VerifyDialog ticket={ticket} mutation={verify} onClose={close} />}
      {asking === 'reject' && <RejectDialog ticket={ticket} mutation={reject} onClose={close} />}
    </section>
  );
}

function VerifyDialog({ ticket, mutation, onClose }: { ticket: Ticket; mutation: ReturnType<typeof useVerifyTicket>; onClose: () => void }) {
  const { t } = useTranslation(['ticket', 'common']);
  const departments = useDepartments();
  const asked = ticket.requested_department;
  const [choice, setChoice] = useState(asked ? String(asked.id) : byRules);
  const errors = fieldErrors(mutation.error);
  const options = [
    ...(asked ? [{ value: String(asked.id), label: t('verify.asked', { name: asked.name }) }] : [{ value: byRules, label: t('verify.rules') }]),
    ...(departments.data?.items ?? []).filter((d) => d.id !== asked?.id).map((d) => ({ value: String(d.id), label: d.name })),
  ];
  const submit = () => {
    const body = choice === byRules || choice === String(asked?.id) ? {} : { department: Number(choice) };
    mutation.mutate({ version: ticket.version, body }, { onSuccess: onClose });
  };
  return (
    <FormDialog
      title={t('verify.verifyTitle', { number: ticket.number })}
      isBusy={mutation.isPending}
      error={mutation.isError && !errors.department ? `${t('verify.notVerified')}: ${mutation.error.message}` : null}
      onSubmit={submit}
      onClose={onClose}
      actions={
        <Button type="submit" isBusy={mutation.isPending}>
          {t('verify.verify')}
        </Button>
      }
    >
      <SelectField label={t('verify.department')} value={choice} onChange={(e) => setChoice(e.target.value)} options={options} hint={t('verify.departmentHint')} error={errors.department} />
    </FormDialog>
  );
}

function RejectDialog({ ticket, mutation, onClose }: { ticket: Ticket; mutation: ReturnType<typeof useRejectTicket>; onClose: () => void }) {
  const { t } = useTranslation(['ticket', 'common']);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(mutation.error);
  const submit = () => mutation.mutate({ version: ticket.version, body: reason.trim() ? { reason: reason.trim() } : {} }, { onSuccess: onClose });
  return (
    <FormDialog
      title={t('verify.rejectTitle', { number: ticket.number })}
      isBusy={mutation.isPending}
      error={mutation.isError && !errors.reason ? `${t('verify.notRejected')}: ${mutation.error.message}` : null}
      onSubmit={submit}
      onClose={onClose}
      actions={
        <Button type="submit" isBusy={mutation.isPending}>
          {t('verify.reject')}
        </Button>
      }
    >
      <TextField label={t('verify.reason')} value={reason} onChange={(e) => setReason(e.target.value)} hint={t('verify.rejectHint')} error={errors.reason} maxLength={2000} />
    </FormDialog>
  );
}
