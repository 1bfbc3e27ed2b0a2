import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { reportIntervals, reportPresets } from '../../../../contract/reports.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { checkReportRange, countTicketFilters, emptyReportFilters, type ReportErrors, type ReportFilters, type ReportIssue, ticketFilterKeys } from '../report-filters.ts';
import { formatDayRange } from '../report-format.ts';
import { FilterMenu } from './filter-menu.tsx';
import { useTicketFilterOptions } from './use-filter-options.ts';

interface ReportFiltersPanelProps {
  /** The URL's query string: the panel's draft starts afresh whenever it changes (Back, a link, an applied change). */
  urlKey: string;
  filters: ReportFilters;
  /** The range the server answered: the days a custom range starts from, and the caption. */
  range: OverviewReport['range'] | undefined;
  /** The URL's own refusals and the server's, by field. */
  errors: ReportErrors;
  /** The chart's interval: the overview has one, the activity not. */
  hasInterval: boolean;
  /** Filters of the page's own (the activity's), after the ticket filters. */
  children?: ReactNode;
  onApply: (next: ReportFilters) => void;
}

type RangeDraft = Pick<ReportFilters, 'preset' | 'from' | 'to'>;

/** A refused value's message in the agent's language. */
export function useIssueText(): (issue: ReportIssue | undefined) => string | undefined {
  const { t } = useTranslation('reports');
  return (issue) => (!issue ? undefined : issue.kind === 'server' ? t('error.server', { message: issue.message }) : t(`error.${issue.kind}`));
}

/**
 * The range and the filters of a report. A preset, the interval and each filter apply at once; the
 * days of a custom range apply with "Apply" (or Enter), after the same checks the server makes first.
 */
export function ReportFiltersPanel({ urlKey, filters, range, errors, hasInterval, children, onApply }: ReportFiltersPanelProps) {
  const { t } = useTranslation('reports');
  const issueText = useIssueText();
  const options = useTicketFilterOptions();
  const formRef = useRef<HTMLFormElement>(null);

  // The days being typed follow the URL when it changes; typing changes only the draft.
  const fromUrl = { key: urlKey, range: { preset: filters.preset, from: filters.from, to: filters.to } as RangeDraft, errors: {} as ReportErrors };
  const [draft, setDraft] = useState(fromUrl);
  const current = draft.key === urlKey ? draft : fromUrl;
  if (current !== draft) setDraft(current);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  // A refusal of the URL or the server stands at a day until the agent changes that day.
  const errorOf = (field: keyof ReportErrors) => {
    if (field === 'from' || field === 'to') return issueText(current.errors[field] ?? (current.range[field] === filters[field] ? errors[field] : undefined));
    return issueText(errors[field]);
  };

  const choosePreset = (preset: ReportFilters['preset']) => {
    if (preset !== 'custom') {
      onApply({ ...filters, preset, from: '', to: '' });
      return;
    }
    // A custom range starts as the range shown, to be changed from there.
    setDraft({ ...current, range: { preset, from: current.range.from || range?.from || '', to: current.range.to || range?.to || '' }, errors: {} });
  };
  const changeDay = (field: 'from' | 'to', value: string) =>
    setDraft({ ...current, range: { ...current.range, [field]: value }, errors: Object.fromEntries(Object.entries(current.errors).filter(([k]) => k !== field)) });

  const applyRange = (e: FormEvent) => {
    e.preventDefault();
    const found = checkReportRange(current.range);
    if (Object.keys(found).length > 0) {
      setDraft({ ...current, errors: found });
      setRefusals((n) => n + 1);
      return;
    }
    onApply({ ...filters, ...current.range });
  };

  const isCustom = current.range.preset === 'custom';
  const intervalOptions = [
    { value: '', label: range && !filters.interval ? t('interval.autoIs', { interval: t(`interval.${range.interval}`) }) : t('interval.auto') },
    ...reportIntervals.map((i) => ({ value: i, label: t(`interval.${i}`) })),
  ];
  const filterCount = countTicketFilters(filters);

  return (
    <form ref={formRef} className="panel report-filters" aria-label={t('filters.label')} onSubmit={applyRange} noValidate>
      <div className="report-filters-range">
        <SelectField label={t('range.label')} name="preset" value={current.range.preset} error={errorOf('preset')}
          options={reportPresets.map((p) => ({ value: p, label: t(`range.preset.${p}`) }))} onChange={(e) => choosePreset(e.target.value as ReportFilters['preset'])} />
        {isCustom && (
          <>
            <TextField label={t('range.from')} name="from" type="date" value={current.range.from} error={errorOf('from')} max={current.range.to || undefined}
              onChange={(e) => changeDay('from', e.target.value)} />
            <TextField label={t('range.to')} name="to" type="date" value={current.range.to} error={errorOf('to')} min={current.range.from || undefined}
              onChange={(e) => changeDay('to', e.target.value)} />
            <Button type="submit" className="report-apply">
              {t('range.apply')}
            </Button>
          </>
        )}
        {hasInterval && (
          <SelectField label={t('interval.label')} name="interval" value={filters.interval} error={errorOf('interval')} options={intervalOptions}
            onChange={(e) => onApply({ ...filters, interval: e.target.value as ReportFilters['interval'] })} />
        )}
        {range && (
          <p className="report-range-caption" role="status">
            {t('range.caption', { range: formatDayRange(range.from, range.to), zone: range.time_zone })}
          </p>
        )}
      </div>
      <div className="report-filters-list" role="group" aria-label={t('filters.ticketFilters')}>
        {ticketFilterKeys.map((key) => (
          <FilterMenu key={key} name={key} label={t(`filters.${key}`)} {...options[key]} chosen={filters[key]} error={errorOf(key)}
            onChange={(chosen) => onApply({ ...filters, [key]: chosen })} />
        ))}
        {children && (
          <>
            <span className="report-filters-divider" aria-hidden="true" />
            {children}
          </>
        )}
        {filterCount > 0 && (
          <button type="button" className="link-button report-filters-clear" onClick={() => onApply({ ...emptyReportFilters, preset: filters.preset, from: filters.from, to: filters.to, interval: filters.interval })}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
