import { useTranslation } from 'react-i18next';
import { calendarLimits, type Weekday, weekdays } from '../../../../contract/calendars.ts';
import { copyDay, newRangeRow, nextRange, type RangeRow } from '../calendar-form.ts';
import { RemovableRow } from './removable-row.tsx';

interface WorkingHoursProps {
  hours: Record<Weekday, RangeRow[]>;
  errors: Record<string, string>;
  onChange: (hours: Record<Weekday, RangeRow[]>) => void;
}

const workdays = ['tue', 'wed', 'thu', 'fri'] as const;

type Edge = 'start' | 'end';
const edgeLabel = { start: 'calendars.rangeStart', end: 'calendars.rangeEnd' } as const;
const edgePlaceholder = { start: '09:00', end: '17:00' };

/** Working hours per weekday: several ranges a day, each with its own error (`hours.mon.1.end`) under it. */
export function WorkingHoursFieldset({ hours, errors, onChange }: WorkingHoursProps) {
  const { t } = useTranslation('admin');
  const setDay = (day: Weekday, ranges: RangeRow[]) => onChange({ ...hours, [day]: ranges });
  const setRange = (day: Weekday, key: number, change: Partial<RangeRow>) => setDay(day, hours[day].map((r) => (r.key === key ? { ...r, ...change } : r)));
  const hoursError = errors.hours;

  return (
    <fieldset className="form-section working-hours" aria-describedby={hoursError ? 'working-hours-error' : undefined}>
      <legend>{t('calendars.hours')}</legend>
      <p className="field-hint">{t('calendars.hoursHint')}</p>
      {weekdays.map((day) => {
        const dayName = t(`weekday.${day}`);
        return (
          <fieldset key={day} className="weekday" aria-label={dayName}>
            <div className="weekday-name" aria-hidden="true">
              {dayName}
            </div>
            <div className="weekday-ranges">
              {hours[day].length === 0 && <p className="weekday-closed">{t('calendars.closed')}</p>}
              {hours[day].map((range, index) => {
                const at = `hours.${day}.${index}`;
                const error = errors[`${at}.start`] ?? errors[`${at}.end`] ?? errors[at];
                const errorId = error ? `${at}-error` : undefined;
                // A problem of the whole range (not one of its times) marks its end.
                const isInvalid = (field: Edge) => Boolean(errors[`${at}.${field}`] || (errors[at] && field === 'end'));
                const timeInput = (field: Edge) => (
                  <>
                    <label className="visually-hidden" htmlFor={`${at}.${field}`}>
                      {t(edgeLabel[field], { day: dayName, n: index + 1 })}
                    </label>
                    <input
                      id={`${at}.${field}`}
                      className="field-input time-input"
                      inputMode="numeric"
                      placeholder={edgePlaceholder[field]}
                      maxLength={5}
                      autoComplete="off"
                      value={range[field]}
                      aria-invalid={isInvalid(field) || undefined}
                      aria-describedby={errorId}
                      onChange={(e) => setRange(day, range.key, { [field]: e.target.value })}
                    />
                  </>
                );
                return (
                  <RemovableRow
                    key={range.key}
                    className="time-range"
                    inputsClassName="time-range-inputs"
                    removeLabel={t('calendars.removeRange', { day: dayName, n: index + 1 })}
                    onRemove={() => setDay(day, hours[day].filter((r) => r.key !== range.key))}
                    error={error}
                    errorId={errorId}
                  >
                    {timeInput('start')}
                    <span aria-hidden="true">–</span>
                    {timeInput('end')}
                  </RemovableRow>
                );
              })}
            </div>
            <div className="weekday-actions">
              {hours[day].length < calendarLimits.rangesPerDayMax && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('calendars.addRangeTo', { day: dayName })}
                  onClick={() => {
                    const next = nextRange(hours[day]);
                    setDay(day, [...hours[day], newRangeRow(next.start, next.end)]);
                  }}
                >
                  {t('calendars.addRange')}
                </button>
              )}
              {day === 'mon' && (
                <button type="button" className="link-button" onClick={() => onChange(copyDay(hours, 'mon', workdays))}>
                  {t('calendars.copyMonday')}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      {hoursError && (
        <p className="field-error" id="working-hours-error">
          {hoursError}
        </p>
      )}
    </fieldset>
  );
}
