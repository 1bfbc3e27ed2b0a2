import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TicketSearch, useSearchTickets } from '../api/search-tickets.ts';
import {
  checkSearchForm,
  isEmptySearch,
  nextSearchSort,
  readSearchParams,
  readSort,
  type SearchErrors,
  type SearchField,
  type SearchForm,
  serverSearchErrors,
  toSearchQuery,
  writeSearchParams,
} from '../search-form.ts';
import '../../tickets/components/dashboard.css';
import './search.css';
import { SearchFormPanel } from './search-form-panel.tsx';
import { SearchResults } from './search-results.tsx';

/**
 * Ticket search (DESIGN.md §3): the criteria live in the URL, so a search can be bookmarked and
 * Back returns to the previous one; the results are the dashboard's table.
 */
export function SearchPage() {
  const { t } = useTranslation('search');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlKey = params.toString();
  const submitted = readSearchParams(params);
  const sort = readSort(params);
  // A hand-edited URL is checked like the form, and sends nothing the server would refuse.
  const urlErrors = checkSearchForm(submitted);
  const search: TicketSearch | null = isEmptySearch(submitted) || Object.keys(urlErrors).length > 0 ? null : { query: toSearchQuery(submitted), sort };
  const results = useSearchTickets(search);

  // The form follows the URL when it changes (Back, Forward, a link); typing changes only the form.
  const [draft, setDraft] = useState({ key: urlKey, form: submitted, errors: urlErrors });
  const current = draft.key === urlKey ? draft : { key: urlKey, form: submitted, errors: urlErrors };
  if (current !== draft) setDraft(current);
  const { form } = current;

  // Bumped after a refused submit, so focus moves to the first field to fix once it is rendered.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input[name="q"]')?.focus();
  }, []);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  // The server's word on a field stands until the agent changes that field.
  const fromServer = serverSearchErrors(results.error);
  const errors: SearchErrors = { ...current.errors };
  for (const [field, issue] of Object.entries(fromServer) as [SearchField, SearchErrors[SearchField]][]) {
    if (JSON.stringify(form[field]) === JSON.stringify(submitted[field])) errors[field] ??= issue;
  }

  const update = (changes: Partial<SearchForm>) =>
    setDraft((d) => {
      const stale = new Set<string>(Object.keys(changes).map((k) => (k === 'source' ? 'channel' : k)));
      return { ...d, form: { ...d.form, ...changes }, errors: Object.fromEntries(Object.entries(d.errors).filter(([k]) => !stale.has(k))) };
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkSearchForm(form);
    setDraft((d) => ({ ...d, errors: found }));
    if (Object.keys(found).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    const next = writeSearchParams(form, sort);
    if (next.toString() === urlKey) {
      if (search) void results.refetch();
    } else {
      setParams(next);
    }
  };

  const clear = () => {
    if (urlKey) setParams(new URLSearchParams());
    else setDraft({ key: urlKey, form: submitted, errors: {} });
    formRef.current?.querySelector<HTMLElement>('input[name="q"]')?.focus();
  };

  return (
    <div className="page search-page">
      <title>{tc('app.titleSuffix', { title: t('title') })}</title>
      <div className="page-head">
        <h1 className="page-title" id="search-title">
          {t('title')}
        </h1>
      </div>
      <SearchFormPanel ref={formRef} form={form} errors={errors} isBusy={results.isLoading} onChange={update} onSubmit={submit} onClear={clear} />
      {(submitted.customer_id || submitted.customer_user_id) && (
        <p className="search-scope" role="status">
          {submitted.customer_user_id ? t('scope.customerUser', { id: submitted.customer_user_id }) : t('scope.customer', { id: submitted.customer_id })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setParams(writeSearchParams({ ...submitted, customer_id: '', customer_user_id: '' }, sort))}
          >
            {t('scope.remove')}
          </button>
        </p>
      )}
      <SearchResults
        search={search}
        isEmpty={isEmptySearch(submitted)}
        criteria={submitted}
        results={results}
        hasServerErrors={Object.keys(fromServer).length > 0}
        onSort={(key) => setParams(writeSearchParams(submitted, nextSearchSort(sort, key, Boolean(search?.query.q))))}
      />
    </div>
  );
}
