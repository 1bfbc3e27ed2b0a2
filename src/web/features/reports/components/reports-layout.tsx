import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { readActivityFilters, readReportFilters } from '../report-filters.ts';
import './reports.css';
import { reportTabLinks } from './use-report-params.ts';

/** The reports (DESIGN.md §3): two tabs over the same range and filters, which travel with the tab links. */
export function ReportsLayout() {
  const { t } = useTranslation('reports');
  const [params] = useSearchParams();
  const links = reportTabLinks(readReportFilters(params), readActivityFilters(params));
  return (
    <div className="page reports">
      <div className="page-head">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      <nav className="report-tabs" aria-label={t('tabs.label')}>
        <NavLink to={links.overview} end className="report-tab">
          {t('tabs.overview')}
        </NavLink>
        <NavLink to={links.activity} className="report-tab">
          {t('tabs.activity')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
