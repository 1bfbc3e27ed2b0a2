import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CicHit } from '../../../../contract/cic.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { isSearchableTerm } from '../../customers/api/search-customer-users.ts';
import { useMergeCustomerUser } from '../api/merge-customer-user.ts';
import { useCicSearch } from '../api/search-cic.ts';

type UserHit = Extract<CicHit, { kind: 'customer_user' }>;

/**
 * Admins merge a customer user into the one who stays (the same person entered twice): pick them,
 * read what will happen, confirm. The kept user's dashboard opens afterwards.
 */
export function MergeCustomerUserDialog({ user, onClose }: { user: { id: number; name: string }; onClose: () => void }) {
  const { t } = useTranslation('cic');
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [debounced, setDebounced] = useState('');
  const [into, setInto] = useState<UserHit | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(term), 250);
    return () => clearTimeout(timer);
  }, [term]);
  const results = useCicSearch(debounced);
  const candidates = (results.data?.pages.flatMap((p) => p.items) ?? []).filter((h): h is UserHit => h.kind === 'customer_user' && h.id !== user.id);
  const merge = useMergeCustomerUser((kept) => {
    onClose();
    void navigate(`/customer-users/${kept.id}`, { replace: true });
  });

  const submit = () => {
    if (!into) return setError(t('merge.choose'));
    merge.mutate({ id: user.id, into: into.id });
  };

  return (
    <FormDialog
      title={t('merge.title', { name: user.name })}
      isBusy={merge.isPending}
      error={error ?? (merge.isError ? merge.error.message : null)}
      onSubmit={submit}
      onClose={onClose}
      className="cic-form-dialog"
      actions={
        <Button type="submit" isBusy={merge.isPending} disabled={!into}>
          {t('merge.confirm')}
        </Button>
      }
    >
      <label className="field">
        <span className="field-label">{t('merge.into')}</span>
        <input className="field-input" type="search" autoComplete="off" value={term} aria-describedby="cic-merge-hint" onChange={(e) => setTerm(e.target.value)} />
        <span id="cic-merge-hint" className="field-hint">
          {t('search.hint')}
        </span>
      </label>
      <fieldset className="cic-merge-choices" aria-live="polite">
        <legend className="visually-hidden">{t('merge.candidates')}</legend>
        {isSearchableTerm(debounced) && results.isSuccess && candidates.length === 0 && <p className="muted">{t('search.none')}</p>}
        {candidates.map((hit) => (
          <label key={hit.id} className="checkbox">
            <input
              type="radio"
              name="into"
              checked={into?.id === hit.id}
              onChange={() => {
                setInto(hit);
                setError(null);
              }}
            />{' '}
            {hit.name} <span className="muted">{[hit.customer?.name, hit.email ?? hit.phone].filter(Boolean).join(' · ')}</span>
          </label>
        ))}
      </fieldset>
      {into && <p className="cic-merge-warning">{t('merge.warning', { name: user.name, into: into.name })}</p>}
    </FormDialog>
  );
}
