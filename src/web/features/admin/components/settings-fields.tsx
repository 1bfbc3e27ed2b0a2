import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field.tsx';
import { type DurationText, formatDuration, parseDuration } from '../duration.ts';
import { autoCloseMaxSeconds, daysAndHours } from '../settings-form.ts';
import { exampleSequence, formatTicketNumber, parsePadding } from '../ticket-number.ts';
import { DurationField } from './duration-field.tsx';

/** An address the preview may load: https only, as the API takes it. */
const previewable = (url: string): boolean => {
  try {
    return new URL(url.trim()).protocol === 'https:';
  } catch {
    return false;
  }
};

/** The logo's address, with the image it names shown below it as it is typed. */
export function LogoField({ value, error, onChange }: { value: string; error?: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('admin');
  const [broken, setBroken] = useState<string | null>(null);
  const url = value.trim();
  return (
    <div className="logo-field">
      <TextField
        label={t('settings.logoUrl')}
        hint={t('settings.logoUrlHint')}
        error={error}
        name="logo_url"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://"
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {previewable(url) && (
        <div className="logo-preview">
          {broken === url ? (
            <p className="field-hint">{t('settings.logoBroken')}</p>
          ) : (
            <img src={url} alt={t('settings.logoPreview')} onError={() => setBroken(url)} onLoad={() => setBroken(null)} />
          )}
        </div>
      )}
    </div>
  );
}

interface TicketNumberFieldsProps {
  prefix: string;
  padding: string;
  /** The padding saved, for the example while the one typed is not a number yet. */
  savedPadding: number;
  timeZone: string;
  errors: { prefix?: string; padding?: string };
  onChange: (next: { ticket_number_prefix?: string; ticket_number_padding?: string }) => void;
}

/** The prefix and the counter's digits, with the look of a new ticket's number as they are typed. */
export function TicketNumberFields({ prefix, padding, savedPadding, timeZone, errors, onChange }: TicketNumberFieldsProps) {
  const { t } = useTranslation('admin');
  const example = formatTicketNumber(prefix.trim(), parsePadding(padding) ?? savedPadding, exampleSequence, new Date(), timeZone.trim());
  return (
    <fieldset className="form-section settings-numbering">
      <legend>{t('settings.numbering')}</legend>
      <div className="settings-grid">
        <TextField
          label={t('settings.prefix')}
          hint={t('settings.prefixHint')}
          error={errors.prefix}
          name="ticket_number_prefix"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={prefix}
          onChange={(e) => onChange({ ticket_number_prefix: e.target.value })}
        />
        <TextField
          label={t('settings.padding')}
          hint={t('settings.paddingHint')}
          error={errors.padding}
          name="ticket_number_padding"
          className="settings-narrow"
          inputMode="numeric"
          autoComplete="off"
          maxLength={2}
          value={padding}
          onChange={(e) => onChange({ ticket_number_padding: e.target.value })}
        />
      </div>
      <p className="ticket-number-example">
        <span id="ticket-number-example-label">{t('settings.example')}</span> <output aria-labelledby="ticket-number-example-label">{example}</output>{' '}
        <span className="field-hint">{t('settings.exampleNote')}</span>
      </p>
    </fieldset>
  );
}

/** "7 days", "1 day and 6 hours", "4 h 30 min": how long the period is, in the unit that reads best. */
function usePeriod() {
  const { t } = useTranslation('admin');
  return (seconds: number): string => {
    if (seconds < 24 * 3600) return formatDuration(seconds);
    const { days, hours } = daysAndHours(seconds);
    const dayText = t('settings.days', { count: days });
    return hours ? t('settings.daysAndHours', { days: dayText, hours: t('settings.hours', { count: hours }) }) : dayText;
  };
}

/** How long a resolved ticket waits on the customer before it closes by itself; empty is never. */
export function AutoCloseField({ value, error, onChange }: { value: DurationText; error?: string; onChange: (value: DurationText) => void }) {
  const { t } = useTranslation('admin');
  const period = usePeriod();
  const parsed = parseDuration(value, { isRequired: false, allowsZero: true, maxSeconds: autoCloseMaxSeconds });
  const seconds = parsed.seconds ?? 0;
  const hint = parsed.problem ? undefined : seconds > 0 ? t('settings.autoCloseAfter', { period: period(seconds) }) : t('settings.autoCloseNever');
  return <DurationField legend={t('settings.autoClose')} name="auto_close" value={value} error={error} hint={hint} onChange={onChange} />;
}
