import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CicLayout, type DashboardWidget, ticketWidgets } from '../../../../contract/cic.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCicLayout, useSaveCicLayout } from '../api/cic-layout.ts';
import { type CicSubjectKind, useDashboard } from '../api/get-dashboard.ts';
import { orderedWidgets, placeWidget, setHidden } from '../cic-layout.ts';
import { CompanyStatusPanel, CustomerInfoPanel, SettingsPanel } from './cic-sidebar.tsx';
import { CustomerUsersBody } from './customer-users-widget.tsx';
import { SortableWidgets } from './sortable-widgets.tsx';
import { TicketWidgetBody } from './ticket-widget.tsx';
import { WidgetFrame } from './widget-frame.tsx';
import './cic.css';

const isTicketWidget = (w: DashboardWidget): w is (typeof ticketWidgets)[number] => (ticketWidgets as readonly string[]).includes(w);

/** A customer's (or one customer user's) dashboard of widgets, laid out as the agent saved it. */
export function CicDashboardPage({ kind }: { kind: CicSubjectKind }) {
  const { t } = useTranslation('cic');
  const id = Number(useParams().id);
  const dashboard = useDashboard(kind, id);
  const layoutQuery = useCicLayout();
  const save = useSaveCicLayout();

  if (dashboard.isError) {
    const notFound = dashboard.error instanceof ApiError && dashboard.error.status === 404;
    return <Alert>{notFound ? t('page.notFound') : t('page.loadFailed', { message: dashboard.error.message })}</Alert>;
  }
  if (!dashboard.data || !layoutQuery.data) return <Spinner />;

  const data = dashboard.data;
  const layout: CicLayout = layoutQuery.data.value;
  const shown = orderedWidgets(layout).filter((w) => !layout.hidden.includes(w));
  const { subject } = data;

  return (
    <div className="cic-page">
      <header className="cic-page-head">
        <h1 className="page-title">{subject.name}</h1>
        <p className="muted">
          {subject.kind === 'customer'
            ? subject.customer_code
              ? t('page.customerId', { code: subject.customer_code })
              : t('page.noCustomerId')
            : subject.customer
              ? t('page.ofCustomer', { name: subject.customer.name })
              : t('search.customerUser')}
        </p>
      </header>
      {save.isError && <Alert>{t('widget.saveFailed', { message: save.error.message })}</Alert>}
      <div className="cic-columns">
        <div className="cic-widgets" aria-label={t('page.widgets')} role="region">
          <SortableWidgets widgets={shown} onPlace={(w, target) => save.mutate(placeWidget(layout, w, target))}>
            {shown.map((w) => (
              <WidgetFrame key={w} widget={w} count={w === 'customer_users' ? data.customer_users.length : undefined} onHide={() => save.mutate(setHidden(layout, w, true))}>
                {isTicketWidget(w) ? <TicketWidgetBody kind={kind} id={id} widget={w} /> : <CustomerUsersBody rows={data.customer_users} customer={subject.kind === 'customer' ? subject : null} />}
              </WidgetFrame>
            ))}
          </SortableWidgets>
        </div>
        <aside className="cic-sidebar" aria-label={t('page.sidebar')}>
          <SettingsPanel key={layoutQuery.dataUpdatedAt} layout={layout} isSaving={save.isPending} onSave={(l) => save.mutate(l)} />
          <CompanyStatusPanel dashboard={data} />
          <CustomerInfoPanel dashboard={data} />
        </aside>
      </div>
    </div>
  );
}
