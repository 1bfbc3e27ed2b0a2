import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <title>{t('app.titleSuffix', { title: t('app.notFoundTitle') })}</title>
      <h1>{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFoundText')}</p>
      <Link to="/tickets">{t('app.goToTickets')}</Link>
    </div>
  );
}
