import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailOrigin } from '../../../../contract/inbound-mail.ts';
import { foldQuotedText } from '../quoted-text.ts';

/**
 * The text of a mail in the conversation: the earlier messages it quotes and the sender's
 * signature folded behind a toggle (the stored text is whole and unchanged), and a flag with the
 * original to download when the mail could not be read completely.
 */
export function MailText({ text, mail }: { text: string; mail: MailOrigin }) {
  const { t } = useTranslation('ticket');
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const { shown, folded, kind } = useMemo(() => foldQuotedText(text), [text]);
  const label = kind === 'signature' ? (isOpen ? t('mail.hideSignature') : t('mail.showSignature')) : isOpen ? t('mail.hideQuoted') : t('mail.showQuoted');
  return (
    <>
      {/* Rendered as text, never as HTML: whatever a customer's mail held stays inert. */}
      <p className="chat-text">{folded ? shown.replace(/\s+$/, '') : text}</p>
      {folded && (
        <>
          <button type="button" className="mail-fold-toggle" aria-expanded={isOpen} aria-controls={`${id}-folded`} title={label} onClick={() => setOpen(!isOpen)}>
            <span aria-hidden="true">•••</span> <span className="mail-fold-label">{label}</span>
          </button>
          <p id={`${id}-folded`} className="chat-text mail-folded" hidden={!isOpen}>
            {folded.replace(/^\s*\n/, '')}
          </p>
        </>
      )}
      {mail.unreadable && (
        <div className="mail-unreadable" role="note">
          <p className="mail-unreadable-title">
            <span aria-hidden="true">⚠</span> {t('mail.unreadableTitle')}
          </p>
          <p>{t(`mail.problem.${mail.unreadable}`)}</p>
          <a href={mail.raw_url} download>
            {t('mail.download')}
          </a>
        </div>
      )}
    </>
  );
}

/** A quiet link to the mail as received, beside the message's time. */
export function OriginalMailLink({ mail }: { mail: MailOrigin }) {
  const { t } = useTranslation('ticket');
  return (
    <a className="chat-original" href={mail.raw_url} download title={t('mail.originalTitle')}>
      {t('mail.original')}
    </a>
  );
}
