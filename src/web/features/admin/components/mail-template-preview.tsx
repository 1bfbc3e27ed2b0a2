import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailPreview } from '../../../../contract/mail.ts';
import { Button } from '../../../components/ui/button.tsx';

type Part = 'html' | 'text';

interface MailTemplatePreviewProps {
  preview: MailPreview;
  /** The text was changed after this preview was made. */
  isStale: boolean;
  isUpdating: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onUpdate: () => void;
  onClose: () => void;
}

/**
 * A draft rendered with a sample ticket: its subject, and the HTML part in a frame sandboxed
 * without scripts or the app's origin (a template can hold anything an admin typed), or the plain text.
 */
export function MailTemplatePreview({ preview, isStale, isUpdating, headingRef, onUpdate, onClose }: MailTemplatePreviewProps) {
  const { t } = useTranslation('admin');
  const [part, setPart] = useState<Part>('html');
  return (
    <section className="template-preview" aria-labelledby="template-preview-title" aria-busy={isUpdating || undefined}>
      <div className="template-preview-head">
        <h3 ref={headingRef} id="template-preview-title" className="template-preview-title" tabIndex={-1}>
          {t('mailPreview.title')}
        </h3>
        <div className="template-preview-buttons">
          {isStale && <span className="template-preview-stale">{t('mailPreview.stale')}</span>}
          {isStale && (
            <Button type="button" variant="secondary" isBusy={isUpdating} onClick={onUpdate}>
              {t('mailPreview.update')}
            </Button>
          )}
          <Button type="button" variant="ghost" onClick={onClose}>
            {t('mailPreview.close')}
          </Button>
        </div>
      </div>
      <p className="template-preview-subject">
        <span className="template-preview-label">{t('mailPreview.subject')}</span> <strong>{preview.subject}</strong>
      </p>
      <fieldset className="template-preview-parts">
        <legend className="visually-hidden">{t('mailPreview.show')}</legend>
        <div className="admin-segments">
          {(['html', 'text'] as const).map((p) => (
            <label key={p} className={['admin-segment', p === part ? 'admin-segment-active' : ''].filter(Boolean).join(' ')}>
              <input type="radio" className="visually-hidden" name="preview-part" value={p} checked={p === part} onChange={() => setPart(p)} />
              {t(`mailPreview.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {part === 'html' ? (
        <iframe className="template-preview-html" sandbox="" srcDoc={preview.html} title={t('mailPreview.frame')} referrerPolicy="no-referrer" />
      ) : (
        <pre className="template-preview-text">{preview.text}</pre>
      )}
    </section>
  );
}
