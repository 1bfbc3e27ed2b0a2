import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CicHit } from '../../../../contract/cic.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { isSearchableTerm } from '../../customers/api/search-customer-users.ts';
import { useCicSearch } from '../api/search-cic.ts';
import { CustomerDialog } from './customer-dialog.tsx';
import { CustomerUserDialog } from './customer-user-dialog.tsx';
import './cic.css';

/** Where a hit's dashboard is. */
export const hitPath = (hit: Pick<CicHit, 'kind' | 'id'>): string => (hit.kind === 'customer' ? `/customers/${hit.id}` : `/customer-users/${hit.id}`);

/** The Customer Information Center search (DESIGN.md §3): customers and customer users in one modal list. */
export function CicSearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('cic');
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [debounced, setDebounced] = useState('');
  const [creating, setCreating] = useState<'customer' | 'customer_user' | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    input.current?.focus();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(term), 250);
    return () => clearTimeout(timer);
  }, [term]);

  const searchable = isSearchableTerm(debounced);
  const results = useCicSearch(debounced);
  const hits = results.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (hit: Pick<CicHit, 'kind' | 'id'>) => {
    onClose();
    void navigate(hitPath(hit));
  };

  return (
    <dialog
      ref={dialog}
      className="dialog cic-search-dialog"
      aria-labelledby="cic-search-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="form">
        <div className="cic-search-head">
          <h2 id="cic-search-title" className="dialog-title">
            {t('search.title')}
          </h2>
          <button type="button" className="btn btn-ghost btn-md cic-close" aria-label={t('search.close')} onClick={onClose}>
            ×
          </button>
        </div>
        <form
          role="search"
          aria-label={t('search.title')}
          onSubmit={(e) => {
            e.preventDefault();
            setDebounced(term);
            const first = hits[0];
            if (first && debounced === term) open(first);
          }}
        >
          <label className="field">
            <span className="field-label">{t('search.label')}</span>
            <input
              ref={input}
              className="field-input"
              type="search"
              name="search"
              autoComplete="off"
              value={term}
              aria-describedby="cic-search-hint"
              onChange={(e) => setTerm(e.target.value)}
            />
            <span id="cic-search-hint" className="field-hint">
              {t('search.hint')}
            </span>
          </label>
        </form>
        <section aria-label={t('search.results')} aria-live="polite" className="cic-search-results">
          {debounced.trim() !== '' && !searchable && <p className="muted">{t('search.tooShort')}</p>}
          {searchable && results.isError && <p role="alert">{t('search.failed', { message: results.error.message })}</p>}
          {searchable && results.isSuccess && hits.length === 0 && <p className="muted">{t('search.none')}</p>}
          {hits.length > 0 && (
            <ul className="cic-hits">
              {hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`}>
                  <button type="button" className="cic-hit" onClick={() => open(hit)}>
                    <span className="cic-hit-name">{hit.name}</span>
                    {hit.kind === 'customer' ? (
                      <>
                        <Badge tone="blue">{t('search.customer')}</Badge>
                        {hit.customer_code && <span className="muted">{hit.customer_code}</span>}
                      </>
                    ) : (
                      <>
                        <Badge tone="teal">{t('search.customerUser')}</Badge>
                        <span className="muted">{[hit.customer?.name, hit.email ?? hit.phone].filter(Boolean).join(' · ')}</span>
                        {!hit.valid && <Badge tone="amber">{t('search.invalid')}</Badge>}
                      </>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {results.hasNextPage && (
            <Button variant="secondary" isBusy={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
              {t('search.more')}
            </Button>
          )}
        </section>
        <div className="cic-search-foot">
          <button type="button" className="btn btn-secondary btn-md" onClick={() => setCreating('customer')}>
            {t('search.newCustomer')}
          </button>
          <button type="button" className="btn btn-secondary btn-md" onClick={() => setCreating('customer_user')}>
            {t('search.newUser')}
          </button>
          <Link to="/customers/import" className="btn btn-ghost btn-md" onClick={onClose}>
            {t('search.importExport')}
          </Link>
        </div>
      </div>
      {creating === 'customer' && <CustomerDialog onClose={() => setCreating(null)} onFinished={(c) => open({ kind: 'customer', id: c.id })} />}
      {creating === 'customer_user' && <CustomerUserDialog onClose={() => setCreating(null)} onFinished={(u) => open({ kind: 'customer_user', id: u.id })} />}
    </dialog>
  );
}
