import { useTranslation } from 'react-i18next';
import { calendarLimits } from '../../../../contract/calendars.ts';
import { type HolidayRow, newHolidayRow } from '../calendar-form.ts';
import { RemovableRow } from './removable-row.tsx';

interface HolidaysProps {
  holidays: HolidayRow[];
  errors: Record<string, string>;
  onChange: (holidays: HolidayRow[]) => void;
}

/** The calendar's holidays, local dates with an optional name; a date listed twice is told at the second one. */
export function HolidaysFieldset({ holidays, errors, onChange }: HolidaysProps) {
  const { t } = useTranslation('admin');
  const setRow = (key: number, change: Partial<HolidayRow>) => onChange(holidays.map((h) => (h.key === key ? { ...h, ...change } : h)));
  const listError = errors.holidays;
  return (
    <fieldset className="form-section holidays" aria-describedby={listError ? 'holidays-error' : undefined}>
      <legend>{t('calendars.holidays')}</legend>
      <p className="field-hint">{t('calendars.holidaysHint')}</p>
      {holidays.length === 0 && <p className="weekday-closed">{t('calendars.noHolidays')}</p>}
      {holidays.map((holiday, index) => {
        const at = `holidays.${index}`;
        const error = errors[`${at}.date`] ?? errors[`${at}.name`] ?? errors[at];
        const errorId = error ? `${at}-error` : undefined;
        const label = holiday.name.trim() || holiday.date || String(index + 1);
        return (
          <RemovableRow
            key={holiday.key}
            className="holiday-row"
            inputsClassName="holiday-inputs"
            removeLabel={t('calendars.removeHoliday', { name: label })}
            onRemove={() => onChange(holidays.filter((h) => h.key !== holiday.key))}
            error={error}
            errorId={errorId}
          >
            <label className="holiday-part">
              <span className="visually-hidden">{t('calendars.holidayDate', { n: index + 1 })}</span>
              <input
                type="date"
                name={`${at}.date`}
                className="field-input"
                value={holiday.date}
                aria-invalid={errors[`${at}.date`] || errors[at] ? true : undefined}
                aria-describedby={errorId}
                onChange={(e) => setRow(holiday.key, { date: e.target.value })}
              />
            </label>
            <label className="holiday-part holiday-name">
              <span className="visually-hidden">{t('calendars.holidayName', { n: index + 1 })}</span>
              <input
                name={`${at}.name`}
                className="field-input"
                placeholder={t('calendars.holidayNamePlaceholder')}
                value={holiday.name}
                aria-invalid={errors[`${at}.name`] ? true : undefined}
                aria-describedby={errorId}
                onChange={(e) => setRow(holiday.key, { name: e.target.value })}
              />
            </label>
          </RemovableRow>
        );
      })}
      {listError && (
        <p className="field-error" id="holidays-error">
          {listError}
        </p>
      )}
      {holidays.length < calendarLimits.holidaysMax && (
        <button type="button" className="link-button" onClick={() => onChange([...holidays, newHolidayRow()])}>
          {t('calendars.addHoliday')}
        </button>
      )}
    </fieldset>
  );
}
