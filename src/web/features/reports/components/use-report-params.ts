import { useSearchParams } from 'react-router';
import { type ActivityFilters, readActivityFilters, readReportFilters, type ReportFilters, writeReportFilters } from '../report-filters.ts';

/**
 * The report's range and filters, kept in the URL: a report can be bookmarked and shared, and Back
 * returns to the previous one. The activity's own filters are kept only on its tab.
 */
export function useReportParams(tab: 'overview' | 'activity') {
  const [params, setParams] = useSearchParams();
  const filters = readReportFilters(params);
  const activity = readActivityFilters(params);
  const apply = (next: ReportFilters, nextActivity: ActivityFilters = activity) => {
    const written = writeReportFilters(next, tab === 'activity' ? nextActivity : undefined);
    if (written.toString() !== params.toString()) setParams(written);
  };
  return { key: params.toString(), filters, activity, apply };
}

/** The addresses of the two tabs for the same range and filters. */
export const reportTabLinks = (filters: ReportFilters, activity: ActivityFilters) => {
  const overview = writeReportFilters(filters).toString();
  const withActivity = writeReportFilters(filters, activity).toString();
  return { overview: `/reports${overview ? `?${overview}` : ''}`, activity: `/reports/activity${withActivity ? `?${withActivity}` : ''}` };
};
