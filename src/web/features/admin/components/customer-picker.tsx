import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/ui/spinner.tsx';
import type { Customer } from '../../../../contract/customers.ts';
import { customerQueryOptions, isCustomerSearch, useCustomerSearch, useCustomers } from '../api/search-customers.ts';
import type { MatchChoice } from '../match-choice.ts';
import { MatchFieldset } from './match-fieldset.tsx';

interface CustomerPickerProps {
  value: MatchChoice<number>;
  onChange: (value: MatchChoice<number>) => void;
  error?: string;
}

/** The customers (companies) a rule matches: any, or the ones found by name and added, each removable. */
export function CustomerPicker({ value, onChange, error }: CustomerPickerProps) {
  const { t } = useTranslation(['admin', 'common']);
  const searchId = useId();
  const [term, setTerm] = useState('');
  const found = useCustomerSearch(term);
  const chosen = useCustomers(value.chosen);
  const nameOf = (id: number, index: number) => chosen[index]?.data?.name ?? `#${id}`;
  const client = useQueryClient();
  const add = (customer: Customer) => {
    // The name is known from the search: the chip shows it without asking again.
    client.setQueryData(customerQueryOptions(customer.id).queryKey, customer);
    onChange({ isAny: false, chosen: [...value.chosen, customer.id] });
    setTerm('');
    // The results are gone with the search: the keyboard goes on from the search box.
    document.getElementById(searchId)?.focus();
  };
  const results = isCustomerSearch(term) ? (found.data?.items ?? []).filter((c) => !value.chosen.includes(c.id)) : [];

  return (
    <MatchFieldset legend={t('routing.customers')} anyLabel={t('routing.anyCustomer')} value={value} onChange={onChange} error={error} hint={t('routing.customerSearchHint')}>
      {(noteId) => (
        <div className="customer-picker">
          {value.chosen.length ? (
            <ul className="chip-list" aria-label={t('routing.customers')}>
              {value.chosen.map((id, index) => (
                <li key={id} className="chip">
                  {nameOf(id, index)}
                  <button type="button" className="chip-remove" aria-label={t('routing.customerRemove', { name: nameOf(id, index) })} onClick={() => onChange({ isAny: false, chosen: value.chosen.filter((c) => c !== id) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="field-hint">{t('routing.noCustomersChosen')}</p>
          )}
          <label className="field-label customer-search-label" htmlFor={searchId}>
            {t('routing.customerSearch')}
          </label>
          <div className="customer-search">
            <input
              id={searchId}
              className="field-input"
              type="search"
              autoComplete="off"
              value={term}
              aria-invalid={error ? true : undefined}
              aria-describedby={noteId}
              onChange={(e) => setTerm(e.target.value)}
              onKeyDown={(e) => {
                // Enter in the search adds nothing and must not submit the rule.
                if (e.key === 'Enter') e.preventDefault();
              }}
            />
            {found.isFetching && <Spinner size="sm" />}
          </div>
          {isCustomerSearch(term) && found.data && (
            <div role="region" aria-label={t('routing.customersFound')} aria-live="polite">
              {results.length ? (
                <ul className="customer-results">
                  {results.map((customer) => (
                    <li key={customer.id}>
                      <button type="button" className="link-button" aria-label={t('routing.customerAdd', { name: customer.name })} onClick={() => add(customer)}>
                        + {customer.name}
                        {customer.customer_code && <span className="muted"> · {customer.customer_code}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="field-hint">{t('routing.noCustomersFound')}</p>
              )}
            </div>
          )}
        </div>
      )}
    </MatchFieldset>
  );
}
