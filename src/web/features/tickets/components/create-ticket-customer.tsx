import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CustomerUser } from '../../../../contract/customers.ts';
import { limits } from '../../../../contract/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { isSearchableTerm, useCustomerUserSearch } from '../../customers/api/search-customer-users.ts';
import { type CreateTicketForm, customerPath, fieldPaths, newCustomerFromSearch } from '../create-ticket-form.ts';

interface CreateTicketCustomerProps {
  form: CreateTicketForm;
  errors: Record<string, string>;
  update: (changes: Partial<CreateTicketForm>) => void;
}

/** Who complained: a customer user found by search, or a new one typed in. */
export function CreateTicketCustomer({ form, errors, update }: CreateTicketCustomerProps) {
  const { t } = useTranslation('create');
  const sectionRef = useRef<HTMLFieldSetElement>(null);
  const pickedErrorId = useId();
  const pickedError = errors[fieldPaths.customerUser];
  const [term, setTerm] = useState('');
  // Set when the agent's own action changes what is shown, so focus follows it (not on a restored draft).
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    sectionRef.current?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const pick = (user: CustomerUser) => {
    update({ customerUser: { id: user.id, name: user.name, email: user.email, phone: user.phone } });
    setFocusTarget('[data-focus="change-customer"]');
  };
  const startNew = () => {
    const fromSearch = newCustomerFromSearch(term);
    // Details already typed for a new customer win over the search text.
    update({
      customerMode: 'new',
      customerName: form.customerName || fromSearch.customerName,
      customerEmail: form.customerEmail || fromSearch.customerEmail,
      customerPhone: form.customerPhone || fromSearch.customerPhone,
    });
    setFocusTarget('input[name="customer-name"]');
  };

  return (
    <fieldset className="form-section" ref={sectionRef}>
      <legend>{t('customer.legend')}</legend>
      <div className="create-ticket-modes" role="radiogroup" aria-label={t('customer.modes')}>
        {(
          [
            { mode: 'existing', label: t('customer.existing') },
            { mode: 'new', label: t('customer.new') },
          ] as const
        ).map(({ mode, label }) => (
          <label key={mode} className={`create-ticket-mode${form.customerMode === mode ? ' create-ticket-mode-active' : ''}`}>
            <input type="radio" name="customer-mode" value={mode} checked={form.customerMode === mode} onChange={() => update({ customerMode: mode })} />
            {label}
          </label>
        ))}
      </div>

      {form.customerMode === 'new' ? (
        <div className="create-ticket-row">
          <TextField label={t('customer.name')} name="customer-name" value={form.customerName} maxLength={limits.nameMax} autoComplete="off"
            error={errors[fieldPaths.customerName]} onChange={(e) => update({ customerName: e.target.value })} />
          <TextField label={t('customer.email')} name="customer-email" type="email" value={form.customerEmail} maxLength={limits.emailMax} autoComplete="off"
            error={errors[fieldPaths.customerEmail]} hint={t('customer.emailHint')}
            onChange={(e) => update({ customerEmail: e.target.value })} />
          <TextField label={t('customer.phone')} name="customer-phone" type="tel" value={form.customerPhone} maxLength={limits.phoneMax} autoComplete="off"
            error={errors[fieldPaths.customerPhone]} onChange={(e) => update({ customerPhone: e.target.value })} />
          <TextField label={t('customer.loyaltyId')} name="customer-loyalty-id" value={form.customerLoyaltyId} maxLength={limits.refMax} autoComplete="off" spellCheck={false}
            error={errors[fieldPaths.customerLoyaltyId]} onChange={(e) => update({ customerLoyaltyId: e.target.value })} />
        </div>
      ) : form.customerUser ? (
        <div className="create-ticket-picked-wrap">
          <div className="create-ticket-picked" role="group" aria-label={t('customer.chosen')} aria-describedby={pickedError ? pickedErrorId : undefined}>
            <span className="avatar" aria-hidden="true">
              {initialsOf(form.customerUser.name)}
            </span>
            <span className="create-ticket-picked-text">
              <span className="create-ticket-picked-name">{form.customerUser.name}</span>
              <ContactLine email={form.customerUser.email} phone={form.customerUser.phone} />
            </span>
            <Button type="button" variant="secondary" data-focus="change-customer" aria-label={t('customer.changeLabel')}
              onClick={() => {
                update({ customerUser: null });
                setFocusTarget('input[name="customer-search"]');
              }}>
              {t('customer.change')}
            </Button>
          </div>
          {pickedError && (
            <p className="field-error" id={pickedErrorId}>
              {pickedError}
            </p>
          )}
        </div>
      ) : (
        <CustomerSearch term={term} setTerm={setTerm} error={errors[customerPath] ?? errors[fieldPaths.customerUser]} onPick={pick} onNew={startNew} />
      )}
    </fieldset>
  );
}

interface CustomerSearchProps {
  term: string;
  setTerm: (term: string) => void;
  error: string | undefined;
  onPick: (user: CustomerUser) => void;
  onNew: () => void;
}

function CustomerSearch({ term, setTerm, error, onPick, onNew }: CustomerSearchProps) {
  const { t } = useTranslation('create');
  const listRef = useRef<HTMLUListElement>(null);
  const searched = useDebounced(term.trim(), 250);
  const search = useCustomerUserSearch(searched);
  const isSearchable = isSearchableTerm(term);
  const matches = isSearchable && isSearchableTerm(searched) ? (search.data?.items ?? []) : [];
  const isWaiting = isSearchable && (searched !== term.trim() || search.isFetching);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter here means "this customer", never "create the ticket" with the search half done.
    if (e.key === 'Enter') {
      e.preventDefault();
      if (matches.length === 1 && matches[0] && !isWaiting) onPick(matches[0]);
    }
    if (e.key === 'ArrowDown' && matches.length > 0) {
      e.preventDefault();
      listRef.current?.querySelector('button')?.focus();
    }
  };

  return (
    <div className="create-ticket-search">
      <TextField label={t('customer.find')} name="customer-search" type="search" value={term} autoComplete="off" spellCheck={false} maxLength={200}
        error={error} hint={<Trans t={t} i18nKey="customer.findHint" components={{ code: <code /> }} />}
        onKeyDown={onKeyDown} onChange={(e) => setTerm(e.target.value)} />
      <div className="create-ticket-search-status" role="status">
        {!term.trim() ? null : !isSearchable ? (
          t('customer.typeMore')
        ) : isWaiting && matches.length === 0 ? (
          <>
            <Spinner size="sm" /> {t('customer.searching')}
          </>
        ) : search.isError ? (
          t('customer.searchFailed', { message: search.error.message })
        ) : search.isSuccess && matches.length === 0 ? (
          <>
            {t('customer.noMatch', { term: term.trim() })}{' '}
            <button type="button" className="link-button" onClick={onNew}>
              {t('customer.enterNew')}
            </button>
          </>
        ) : matches.length > 0 ? (
          t(search.data?.next_cursor ? 'customer.foundMore' : 'customer.found', { found: matches.length })
        ) : null}
      </div>
      {matches.length > 0 && (
        <ul ref={listRef} className={`create-ticket-matches${isWaiting ? ' create-ticket-matches-stale' : ''}`} aria-label={t('customer.matches')}>
          {matches.map((user) => (
            <li key={user.id}>
              <button type="button" className="create-ticket-match" onClick={() => onPick(user)} onKeyDown={moveBetweenMatches}>
                <span className="create-ticket-match-name">{user.name}</span>
                <ContactLine email={user.email} phone={user.phone} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Arrow keys move through the matches, as in any list of choices. */
function moveBetweenMatches(e: KeyboardEvent<HTMLButtonElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  e.preventDefault();
  const item = e.currentTarget.closest('li');
  const next = e.key === 'ArrowDown' ? item?.nextElementSibling : item?.previousElementSibling;
  if (next) next.querySelector('button')?.focus();
  else if (e.key === 'ArrowUp') e.currentTarget.closest('.create-ticket-search')?.querySelector('input')?.focus();
}

function ContactLine({ email, phone }: { email: string | null; phone: string | null }) {
  const { t } = useTranslation('create');
  if (!email && !phone) return <span className="create-ticket-contact muted">{t('customer.noContact')}</span>;
  return (
    <span className="create-ticket-contact">
      {email && <span>{email}</span>}
      {phone && <span>{phone}</span>}
    </span>
  );
}

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

/** The value once it has stopped changing for `ms`, so a search is not sent for every keystroke. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
