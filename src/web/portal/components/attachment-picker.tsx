import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/languages.ts';
import { acceptOf, checkFiles, type FileProblem, type FileRules, formatSize, isImageType, typeNames } from '../lib/attachments.ts';

/**
 * Choosing files to send: the limits are said before anything is chosen, each file is checked at
 * once (count, size, type), images show a preview, and any file can be taken off again.
 */
export function AttachmentPicker({ rules, files, onChange, label }: { rules: FileRules; files: File[]; onChange: (files: File[]) => void; label?: string }) {
  const { t } = useTranslation('portal');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const locale = currentLocale();
  const problems = checkFiles(files, rules);
  const types = rules.types.map((type) => typeNames[type] ?? t('files.text')).join(', ');
  const describe = (p: FileProblem) =>
    p.kind === 'tooMany'
      ? t('files.tooMany', { count: p.count })
      : p.kind === 'tooLarge'
        ? t('files.tooLarge', { name: p.name, size: formatSize(rules.max_bytes, locale) })
        : p.kind === 'empty'
          ? t('files.empty', { name: p.name })
          : t('files.wrongType', { name: p.name, types });

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    onChange([...files, ...Array.from(e.target.files ?? [])]);
    // Cleared so choosing the same file again after removing it still fires a change.
    e.target.value = '';
  };

  return (
    <div className="portal-files" role="group" aria-labelledby={label ? `${id}-label` : undefined}>
      {label && (
        <p className="field-label" id={`${id}-label`}>
          {label}
        </p>
      )}
      <div className="portal-files-row">
        <input ref={input} type="file" name="files" multiple accept={acceptOf(rules.types)} className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={pick} />
        <Button type="button" variant="secondary" onClick={() => input.current?.click()} aria-describedby={`${id}-limits`}>
          <PaperclipIcon /> {t('files.attach')}
        </Button>
        <p className="field-hint" id={`${id}-limits`}>
          {t('files.limits', { count: rules.max_files, size: formatSize(rules.max_bytes, locale), types })}
        </p>
      </div>
      {files.length > 0 && (
        <ul className="portal-files-chosen" aria-label={t('files.chosen')}>
          {files.map((file, i) => (
            <li key={`${i}-${file.name}-${file.size}`}>
              {isImageType(file.type) && <FilePreview file={file} />}
              <span className="portal-files-name">{file.name}</span> <span className="muted">{formatSize(file.size, locale)}</span>
              <Button type="button" variant="ghost" className="portal-files-remove" aria-label={t('files.remove', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {problems.map((p) => (
          <p key={p.kind + ('name' in p ? p.name : '')} className="field-error">
            {describe(p)}
          </p>
        ))}
      </div>
    </div>
  );
}

/** A small preview of a chosen image, from the file itself (nothing is uploaded for it). */
function FilePreview({ file }: { file: File }) {
  const { t } = useTranslation('portal');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url ? <img className="portal-files-preview" src={url} alt={t('files.preview', { name: file.name })} /> : null;
}

function PaperclipIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <path d="M14.5 9.5 9 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7L11 6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
