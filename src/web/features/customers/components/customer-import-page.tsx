import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerImportError, customerImportLimits, customerUserCsvColumns } from '../../../../contract/customers-bulk.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { ApiError, apiUrl } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { refusedRows, useImportCustomerUsers } from '../api/import-customer-users.ts';
import './customer-import.css';

// A file can hold 50,000 bad rows; a table that long helps nobody and slows the page.
const shownRowsMax = 200;

const limits = () => ({ megabytes: customerImportLimits.bytesMax / 1024 / 1024, rows: formatCount(customerImportLimits.rowsMax) });

/** The rows the import refused, one line per problem (a row can have several). */
function BadRowsTable({ rows }: { rows: CustomerImportError[] }) {
  const { t } = useTranslation('customers');
  return (
    <>
      <div className="table-scroll">
        <table className="import-errors">
          <caption>
            {t('result.badRows')} ({formatCount(new Set(rows.map((r) => r.line)).size)})
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-line">
                {t('result.line')}
              </th>
              <th scope="col" className="col-column">
                {t('result.column')}
              </th>
              <th scope="col">{t('result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shownRowsMax).map((row, i) => (
              <tr key={i}>
                <td className="col-line">{row.line}</td>
                <td className="col-column">{row.field ? <code>{row.field}</code> : '—'}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shownRowsMax && <p className="import-note">{t('result.firstOnly', { shown: formatCount(shownRowsMax), count: formatCount(rows.length) })}</p>}
    </>
  );
}

/** Created and skipped, as counts; a dry run says what would happen. */
function ImportCounts({ isDryRun, imported, skipped }: { isDryRun: boolean; imported: number; skipped: number }) {
  const { t } = useTranslation('customers');
  return (
    <dl className="import-counts">
      <div>
        <dt>{t(isDryRun ? 'result.wouldCreate' : 'result.created')}</dt>
        <dd>{formatCount(imported)}</dd>
      </div>
      <div>
        <dt>{t(isDryRun ? 'result.wouldSkip' : 'result.skipped')}</dt>
        <dd>{formatCount(skipped)}</dd>
      </div>
    </dl>
  );
}

function ColumnList() {
  const { t } = useTranslation('customers');
  return (
    <dl className="import-columns">
      {customerUserCsvColumns.map((column) => (
        <div key={column}>
          <dt>
            <code>{column}</code>
          </dt>
          <dd>{t(`import.columns.${column}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Customer users in bulk: the CSV export to download, and an import that can be checked first (a dry run). */
export function CustomerImportPage() {
  const { t } = useTranslation(['customers', 'common']);
  const skipHintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [skipBadRows, setSkipBadRows] = useState(false);
  const importing = useImportCustomerUsers();
  const isDryRun = importing.variables?.isDryRun ?? true;

  const start = (dryRun: boolean) => {
    if (!file) return setFileError(t('import.chooseFile'));
    // The server would refuse it with 413 after the whole upload; say so at once.
    if (file.size > customerImportLimits.bytesMax) return setFileError(t('import.tooLarge', limits()));
    setFileError(undefined);
    importing.mutate({ file, isDryRun: dryRun, skipBadRows });
  };
  // A result belongs to the file and the choice it was made with.
  const changeFile = (chosen: File | null) => {
    setFile(chosen);
    setFileError(undefined);
    importing.reset();
  };
  const changeSkip = (isOn: boolean) => {
    setSkipBadRows(isOn);
    importing.reset();
  };

  const result = importing.data;
  const refused = refusedRows(importing.error);
  const refusedLines = refused ? new Set(refused.map((r) => r.line)).size : 0;
  const isTooLarge = importing.error instanceof ApiError && importing.error.status === 413;

  return (
    <div className="page customer-import-page">
      <title>{t('common:app.titleSuffix', { title: t('bulk.title') })}</title>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('bulk.title')}</h1>
          <p className="import-intro">{t('bulk.intro')}</p>
        </div>
      </div>

      <section className="panel" aria-labelledby="customer-export-title">
        <div className="panel-head">
          <h2 id="customer-export-title" className="panel-title">
            {t('export.title')}
          </h2>
        </div>
        <div className="panel-body import-export">
          <p>{t('export.text')}</p>
          <a className="btn btn-secondary btn-md" href={apiUrl('/customer-users/export')} download>
            {t('export.button')}
          </a>
        </div>
      </section>

      <section className="panel" aria-labelledby="customer-import-title" aria-busy={importing.isPending || undefined}>
        <div className="panel-head">
          <h2 id="customer-import-title" className="panel-title">
            {t('import.title')}
          </h2>
        </div>
        <div className="panel-body import-form">
          <div>
            <p>{t('import.columnsIntro')}</p>
            <ColumnList />
            <p className="import-note">{t('import.newOnly')}</p>
          </div>
          <Field label={t('import.file')} hint={t('import.fileHint', limits())} error={fileError}>
            {(wiring) => (
              <input
                {...wiring}
                type="file"
                accept=".csv,text/csv"
                className="field-input import-file"
                disabled={importing.isPending}
                onChange={(e) => changeFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div className="import-skip">
            <label className="import-check">
              <input type="checkbox" checked={skipBadRows} disabled={importing.isPending} aria-describedby={skipHintId} onChange={(e) => changeSkip(e.target.checked)} />
              {t('import.skip')}
            </label>
            <p id={skipHintId} className="field-hint">
              {t('import.skipHint')}
            </p>
          </div>
          <div className="import-actions">
            <Button variant="secondary" isBusy={importing.isPending && isDryRun} disabled={importing.isPending} onClick={() => start(true)}>
              {t('import.check')}
            </Button>
            <Button isBusy={importing.isPending && !isDryRun} disabled={importing.isPending} onClick={() => start(false)}>
              {t('import.run')}
            </Button>
          </div>
        </div>

        {/* Always in the page, so screen readers announce the outcome when it appears. */}
        <div className="import-outcome" role="status">
          {result && (
            <div className="panel-body">
              <p className="import-summary">{t(result.dry_run ? 'result.checked' : 'result.imported')}</p>
              <ImportCounts isDryRun={result.dry_run} imported={result.imported} skipped={result.skipped} />
            </div>
          )}
        </div>
        {result && result.errors.length > 0 && (
          <div className="panel-body import-outcome-rows">
            <BadRowsTable rows={result.errors} />
          </div>
        )}
        {importing.isError && (
          <div className="panel-body import-outcome-rows">
            <Alert>
              {refused
                ? t(isDryRun ? 'result.wouldRefuse' : 'result.refused', { count: refusedLines })
                : isTooLarge
                  ? t('import.tooLarge', limits())
                  : t('import.failed', { message: importing.error.message })}
            </Alert>
            {refused && <BadRowsTable rows={refused} />}
          </div>
        )}
      </section>
    </div>
  );
}
