import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTicketStats } from '../api/get-ticket-stats.ts';
import { type TicketFilters, toSearch, writeTicketFilters } from '../ticket-filters.ts';

const waiting = { verification: 'unverified' } as const;

/**
 * The "To verify" entry of the care dashboard: how many tickets wait for verification, a link
 * that lists them, and while they are listed what verifying does. Hidden while none waits.
 */
export function ToVerifyBar({ filters }: { filters: TicketFilters }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const [params] = useSearchParams();
  const stats = useTicketStats(waiting);
  const count = stats.data?.total ?? 0;
  const isActive = filters.verification === 'unverified';
  if (!isActive && count === 0) return null;
  // The list of those waiting: every status, any channel, newest first as always.
  const search = toSearch(writeTicketFilters(params, { verification: 'unverified', sort: filters.sort }));
  return (
    <section className={isActive ? 'to-verify to-verify-active' : 'to-verify'} aria-label={t('toVerify.label')}>
      <span className="to-verify-label">{t('toVerify.label')}</span>
      <span className="to-verify-count" data-count={count}>
        {count === 0 ? t('toVerify.none') : t('toVerify.waiting', { count })}
      </span>
      {isActive ? <span className="to-verify-hint">{t('toVerify.hint')}</span> : <Link to={{ search }}>{t('toVerify.show')}</Link>}
    </section>
  );
}
