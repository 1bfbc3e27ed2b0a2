import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { formError } from '../../../lib/api-client.ts';
import { useDepartments } from '../api/get-departments.ts';
import { type ReviewRules, useReviewRules } from '../api/get-review-rules.ts';
import { useSaveReviewRules } from '../api/save-review-rules.ts';
import { checkReviewRules, type LocationRow, newLocationRow, type ReviewRulesForm, reviewRulesSaveErrors, reviewRulesToForm } from '../review-rules-form.ts';
import { RemovableRow } from './removable-row.tsx';
import { useFocusFirstError } from './use-focus-first-error.ts';
import { SaveActions } from './save-actions.tsx';

const ratings = [0, 1, 2, 3, 4, 5];

interface LocationsProps {
  rows: LocationRow[];
  departments: Department[];
  errors: Record<string, string>;
  onChange: (rows: LocationRow[]) => void;
}

/** The department of each location, a row each, typed in place. */
function LocationRows({ rows, departments, errors, onChange }: LocationsProps) {
  const { t } = useTranslation('admin');
  const set = (key: number, next: Partial<LocationRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...next } : r)));
  const known = new Set(departments.map((d) => String(d.id)));
  return (
    <fieldset className="form-section review-locations">
      <legend>{t('reviewRules.locations')}</legend>
      <p className="field-hint">{departments.length ? t('reviewRules.locationsHint') : t('reviewRules.noDepartments')}</p>
      {rows.length > 0 && (
        <div className="review-location-head" aria-hidden="true">
          <span>{t('reviewRules.column.location')}</span>
          <span>{t('reviewRules.column.department')}</span>
        </div>
      )}
      {rows.map((row, index) => {
        const n = index + 1;
        const locationError = errors[`location.${row.key}.location`];
        const departmentError = errors[`location.${row.key}.department`];
        const errorId = `review-location-${row.key}-error`;
        return (
          <RemovableRow
            key={row.key}
            className="review-location"
            inputsClassName="review-location-inputs"
            removeLabel={t('reviewRules.removeLocation', { n })}
            onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
            error={locationError ?? departmentError}
            errorId={errorId}
          >
            <input
              className="field-input"
              aria-label={t('reviewRules.locationLabel', { n })}
              aria-invalid={locationError ? true : undefined}
              aria-describedby={locationError ? errorId : undefined}
              autoComplete="off"
              maxLength={200}
              value={row.location}
              onChange={(e) => set(row.key, { location: e.target.value })}
            />
            <select
              className="field-input"
              aria-label={t('reviewRules.departmentLabel', { n })}
              aria-invalid={departmentError ? true : undefined}
              aria-describedby={departmentError && !locationError ? errorId : undefined}
              value={row.department}
              onChange={(e) => set(row.key, { department: e.target.value })}
            >
              <option value="">{t('reviewRules.chooseDepartment')}</option>
              {row.department && !known.has(row.department) && <option value={row.department}>#{row.department}</option>}
              {departments.map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </RemovableRow>
        );
      })}
      {rows.length === 0 && <p className="muted">{t('reviewRules.noLocations')}</p>}
      {errors.locations && <p className="field-error">{errors.locations}</p>}
      <Button type="button" variant="secondary" className="escalation-add" disabled={departments.length === 0} onClick={() => onChange([...rows, newLocationRow()])}>
        {t('reviewRules.addLocation')}
      </Button>
    </fieldset>
  );
}

/** The rules once read: changed here until Save replaces them. */
function ReviewRulesEditor({ saved, departments }: { saved: ReviewRules; departments: Department[] }) {
  const { t } = useTranslation('admin');
  const save = useSaveReviewRules();
  const [form, setForm] = useState<ReviewRulesForm>(() => reviewRulesToForm(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const { container, refused } = useFocusFirstError<HTMLFormElement>();
  const change = (next: Partial<ReviewRulesForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setNotice('');
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkReviewRules(form);
    setErrors(checked.errors ?? {});
    if (!checked.body) return refused();
    save.mutate(checked.body, {
      onSuccess: (rules) => {
        setForm(reviewRulesToForm(rules));
        setNotice(t('reviewRules.saved'));
      },
      onError: (error) => {
        const found = reviewRulesSaveErrors(error, form);
        setErrors(found);
        if (Object.keys(found).length) refused();
      },
    });
  };
  const failure = Object.keys(errors).length ? null : formError(save.error, []);

  return (
    <form ref={container} className="form review-rules-form" onSubmit={submit} noValidate>
      <div className="review-rating">
        <SelectField
          label={t('reviewRules.maxRating')}
          hint={t('reviewRules.maxRatingHint')}
          value={String(form.max_rating)}
          error={errors.max_rating}
          options={ratings.map((r) => ({ value: String(r), label: r === 0 ? t('reviewRules.ratingNone') : t('reviewRules.ratingAtMost', { rating: r }) }))}
          onChange={(e) => change({ max_rating: Number(e.target.value) })}
        />
      </div>
      <TextAreaField
        label={t('reviewRules.keywords')}
        hint={t('reviewRules.keywordsHint')}
        error={errors.keywords}
        rows={4}
        spellCheck={false}
        value={form.keywords}
        onChange={(e) => change({ keywords: e.target.value })}
      />
      <LocationRows rows={form.locations} departments={departments} errors={errors} onChange={(locations) => change({ locations })} />
      {failure && <Alert>{t('reviewRules.failed', { message: failure })}</Alert>}
      <SaveActions label={t('reviewRules.save')} variant="secondary" isBusy={save.isPending} notice={notice} />
    </form>
  );
}

/** Which reviews become tickets: the rating, the keywords, and the department of each location (issue 7). */
export function ReviewRulesPanel() {
  const { t } = useTranslation(['admin', 'common']);
  const rules = useReviewRules();
  const departments = useDepartments();
  const failed = (rules.isError && !rules.data ? rules : null) ?? (departments.isError && !departments.data ? departments : null);
  return (
    <section className="panel" aria-labelledby="review-rules-title">
      <div className="panel-head">
        <h2 id="review-rules-title" className="panel-title">
          {t('reviewRules.title')}
        </h2>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{t('reviewRules.intro')}</p>
        {failed ? (
          <RetryAlert title={t('reviewRules.loadFailed')} error={failed.error!} onRetry={() => void failed.refetch()} />
        ) : rules.data && departments.data ? (
          <ReviewRulesEditor saved={rules.data} departments={departments.data.items} />
        ) : (
          <div className="panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        )}
      </div>
    </section>
  );
}
