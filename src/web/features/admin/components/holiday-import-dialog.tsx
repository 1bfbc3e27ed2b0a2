import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarLimits } from '../../../../contract/calendars.ts';
import type { Calendar } from '../../../../contract/sla.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { type HolidayImportResult, useImportHolidays } from '../api/import-holidays.ts';
import { checkHolidayImport, type ImportProblem, importProblemAt } from '../calendar-form.ts';

interface HolidayImportDialogProps {
  calendar: Calendar;
  onClose: () => void;
}

/** The first field problem of the server's 400, as the list's own check would have found it. */
function serverProblem(error: unknown, lines: number[]): ImportProblem | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const issue = (error.details as { field?: unknown; message?: unknown; rule?: unknown }[]).find((d) => typeof d?.field === 'string');
  if (!issue) return null;
  return importProblemAt(String(issue.field).replace(/^body\./, ''), String(issue.message ?? ''), lines, issue.rule === 'custom');
}

/** Pastes a list of holidays into a calendar through the import route: added to its holidays, or replacing them all. */
export function HolidayImportDialog({ calendar, onClose }: HolidayImportDialogProps) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [result, setResult] = useState<HolidayImportResult | null>(null);
  const replaceHint = useId();
  const importing = useImportHolidays();

  const describe = (p: ImportProblem): string => {
    if (p.kind === 'badLines') return t('importHolidays.badLines', { lines: p.lines.join(', '), count: p.lines.length });
    if (p.kind === 'empty') return t('importHolidays.empty');
    if (p.kind === 'tooMany') return t('importHolidays.tooMany', { max: calendarLimits.holidaysMax });
    const message = p.kind === 'twice' ? t('calendars.error.holidayTwice') : p.kind === 'date' ? t('calendars.error.holidayDate') : p.message;
    return p.line === null ? message : t('importHolidays.lineError', { line: p.line, message });
  };

  const submit = () => {
    setResult(null);
    const checked = checkHolidayImport(text, replace);
    setProblem(checked.problem);
    if (!checked.body) return;
    importing.mutate(
      { id: calendar.id, body: checked.body },
      {
        onSuccess: (done) => {
          setResult(done);
          setText('');
        },
        onError: (failure) => setProblem(serverProblem(failure, checked.lines)),
      },
    );
  };

  const error = problem ? describe(problem) : undefined;
  return (
    <FormDialog
      title={t('importHolidays.title', { name: calendar.name })}
      isBusy={importing.isPending}
      error={importing.isError && !error ? t('importHolidays.failed', { message: importing.error.message }) : null}
      notice={result ? t('importHolidays.done', { added: result.added, renamed: result.renamed, unchanged: result.unchanged, removed: result.removed, total: result.calendar.holidays.length }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="holiday-import-dialog"
      actions={
        <Button type="submit" isBusy={importing.isPending}>
          {t('importHolidays.submit')}
        </Button>
      }
    >
      <Field label={t('importHolidays.list')} hint={t('importHolidays.hint')} error={error}>
        {(wiring) => (
          <textarea
            className="field-input field-textarea holiday-import-text"
            name="holidays"
            rows={8}
            spellCheck={false}
            placeholder={'2026-12-25 Christmas Day\n2026-12-26\n2027-01-01, New Year'}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
              setResult(null);
            }}
            {...wiring}
          />
        )}
      </Field>
      <div className="switch-group">
        <label className="check-item">
          <input type="checkbox" name="replace" checked={replace} aria-describedby={replaceHint} onChange={(e) => setReplace(e.target.checked)} />
          <span className="field-label">{t('importHolidays.replace')}</span>
        </label>
        <p className="field-hint" id={replaceHint}>
          {replace ? t('importHolidays.replaceOn', { count: calendar.holidays.length }) : t('importHolidays.replaceOff')}
        </p>
      </div>
    </FormDialog>
  );
}
