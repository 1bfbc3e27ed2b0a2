import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CicDashboard, type CicLayout, type DashboardWidget } from '../../../../contract/cic.ts';
import { statuses } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { type Language, languageNames } from '../../../i18n/languages.ts';
import { formatCount } from '../../../lib/format.ts';
import { useCustomer } from '../api/get-dashboard.ts';
import { useCustomerUser } from '../api/get-customer-user.ts';
import { orderedWidgets } from '../cic-layout.ts';
import { CustomerDialog } from './customer-dialog.tsx';
import { CustomerUserDialog } from './customer-user-dialog.tsx';
import { MergeCustomerUserDialog } from './merge-customer-user-dialog.tsx';
import { useSession } from '../../auth/api/get-session.ts';
import { BounceBadge } from '../../customers/components/bounce-badge.tsx';

/** Settings: a checkbox per widget, saved with "Save settings". */
export function SettingsPanel({ layout, onSave, isSaving }: { layout: CicLayout; onSave: (layout: CicLayout) => void; isSaving: boolean }) {
  const { t } = useTranslation('cic');
  const [hidden, setHidden] = useState<DashboardWidget[] | null>(null);
  const shownHidden = hidden ?? layout.hidden;
  return (
    <section className="panel side-panel" aria-labelledby="cic-settings-title">
      <h2 id="cic-settings-title" className="panel-title">
        {t('settings.title')}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ order: orderedWidgets(layout), hidden: shownHidden });
          setHidden(null);
        }}
      >
        <fieldset className="cic-settings">
          <legend className="visually-hidden">{t('settings.label')}</legend>
          {orderedWidgets(layout).map((w) => (
            <label key={w} className="checkbox">
              <input
                type="checkbox"
                checked={!shownHidden.includes(w)}
                onChange={(e) => setHidden(e.target.checked ? shownHidden.filter((h) => h !== w) : [...shownHidden, w])}
              />{' '}
              {t(`widget.${w}`)}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="secondary" isBusy={isSaving}>
          {t('settings.save')}
        </Button>
      </form>
    </section>
  );
}

/** Company status: the subject's ticket counts by status, each opening the ticket search. */
export function CompanyStatusPanel({ dashboard }: { dashboard: CicDashboard }) {
  const { t } = useTranslation(['cic', 'common']);
  const subjectFilter: Record<string, string> = dashboard.subject.kind === 'customer' ? { customer_id: String(dashboard.subject.id) } : { customer_user_id: String(dashboard.subject.id) };
  return (
    <section className="panel side-panel" aria-labelledby="cic-status-title">
      <h2 id="cic-status-title" className="panel-title">
        {t('status.title')}
      </h2>
      <ul className="cic-status">
        {statuses.map((s) => (
          <li key={s}>
            <Link to={`/search?${new URLSearchParams({ status: s, ...subjectFilter }).toString()}`}>
              <span>{t(`common:status.${s}`)}</span> <strong>{formatCount(dashboard.status_counts[s])}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fact({ term, value }: { term: string; value: string | null | undefined }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}

/** Customer information: the customer's (or customer user's) recorded details. */
export function CustomerInfoPanel({ dashboard }: { dashboard: CicDashboard }) {
  const { t } = useTranslation('cic');
  const { subject } = dashboard;
  const customerId = subject.kind === 'customer' ? subject.id : null;
  const customer = useCustomer(customerId);
  const user = useCustomerUser(subject.kind === 'customer_user' ? subject.id : null);
  const [isEditing, setEditing] = useState(false);
  const [isMerging, setMerging] = useState(false);
  const { agent } = useSession();
  const record = customer.data ?? user.data;
  return (
    <section className="panel side-panel" aria-labelledby="cic-info-title">
      <div className="cic-widget-head">
        <h2 id="cic-info-title" className="panel-title">
          {t('info.title')}
        </h2>
        <button type="button" className="btn btn-ghost btn-md" disabled={!record} aria-label={t('info.editWhat', { name: subject.name })} onClick={() => setEditing(true)}>
          {t('info.edit')}
        </button>
      </div>
      {isEditing && customer.data && <CustomerDialog customer={customer.data} onClose={() => setEditing(false)} />}
      {isEditing && user.data && <CustomerUserDialog user={user.data} onClose={() => setEditing(false)} />}
      {subject.kind === 'customer' ? (
        <dl className="facts">
          <Fact term={t('info.name')} value={subject.name} />
          <Fact term={t('info.code')} value={subject.customer_code} />
          <Fact term={t('info.address')} value={customer.data?.address} />
          <Fact term={t('info.notes')} value={customer.data?.notes} />
          {Object.entries(customer.data?.attributes ?? {}).map(([key, value]) => (
            <Fact key={key} term={key} value={value === null || value === undefined ? null : String(value)} />
          ))}
        </dl>
      ) : (
        <dl className="facts">
          <Fact term={t('info.name')} value={subject.name} />
          <div>
            <dt>{t('users.contact')}</dt>
            <dd>
              {[user.data?.email, user.data?.phone].filter(Boolean).join(' · ') || '—'} {user.data && <BounceBadge user={user.data} />}
            </dd>
          </div>
          <Fact term={t('info.company')} value={subject.customer?.name} />
          <Fact term={t('form.language')} value={user.data ? languageNames[user.data.language as Language] ?? user.data.language : null} />
          <Fact term={t('form.loyaltyId')} value={user.data?.loyalty_id} />
        </dl>
      )}
      {subject.kind === 'customer_user' && subject.customer && <Link to={`/customers/${subject.customer.id}`}>{subject.customer.name}</Link>}
      {subject.kind === 'customer_user' && agent.role === 'admin' && (
        <button type="button" className="btn btn-secondary btn-md" onClick={() => setMerging(true)}>
          {t('merge.open')}
        </button>
      )}
      {isMerging && <MergeCustomerUserDialog user={subject} onClose={() => setMerging(false)} />}
    </section>
  );
}
