import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/limits.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useAddNote } from '../api/add-note.ts';
import { usePortal } from '../app/portal-context.ts';
import { checkFiles } from '../lib/attachments.ts';
import { usePortalDraft } from '../lib/portal-drafts.ts';
import { AttachmentPicker } from './attachment-picker.tsx';

/** The customer writes to the team, with files; what they type is kept as a draft until it is sent. */
export function NoteComposer({ number }: { number: string }) {
  const { t } = useTranslation('portal');
  const id = useId();
  const { ws, config } = usePortal();
  const [body, setBody, clearBody] = usePortalDraft(ws, `note:${number}`);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState(0);
  const add = useAddNote(ws, number);
  const tooLong = new TextEncoder().encode(body).length > limits.messageMaxBytes;
  const hasFileProblem = checkFiles(files, config.attachments).length > 0;
  const canSend = body.trim() !== '' && !tooLong && !hasFileProblem && !add.isPending;

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    add.mutate(
      { body, files },
      {
        onSuccess: () => {
          clearBody();
          setFiles([]);
          setSent((n) => n + 1);
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };

  return (
    <form className="portal-composer" onSubmit={send} aria-label={t('composer.label')}>
      <label htmlFor={`${id}-body`} className="field-label">
        {t('composer.body')}
      </label>
      <textarea
        id={`${id}-body`}
        className="field-input portal-composer-text"
        rows={4}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          setSent(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('composer.placeholder')}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-note`}
      />
      <AttachmentPicker rules={config.attachments} files={files} onChange={setFiles} />
      {add.isError && (
        <Alert title={t('composer.notSent')}>
          {add.error.message} {t('composer.notSentHint')}
        </Alert>
      )}
      <div className="portal-composer-foot">
        <p className={tooLong ? 'field-error' : 'field-hint'} id={`${id}-note`}>
          {tooLong ? t('composer.tooLong', { kb: limits.messageMaxBytes / 1024 }) : t('composer.hint')}
        </p>
        <span role="status" className="visually-hidden">
          {sent > 0 ? t('composer.sent') : ''}
        </span>
        <Button type="submit" isBusy={add.isPending} disabled={!canSend && !add.isPending}>
          {t('composer.send')}
        </Button>
      </div>
    </form>
  );
}
