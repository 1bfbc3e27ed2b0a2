import { useTranslation } from 'react-i18next';
import type { OutboxMailDetail } from '../../../../contract/mail.ts';
import { splitLinks } from '../mail-text.ts';

/**
 * The two parts of a mail. The text is shown as text (its web addresses as links); the HTML runs
 * in a frame sandboxed without scripts or the app's origin, so a mail can neither run code nor
 * reach the admin's session.
 */
export function MailParts({ mail }: { mail: Pick<OutboxMailDetail, 'text_body' | 'html_body'> }) {
  const { t } = useTranslation('admin');
  return (
    <div className="mail-parts">
      <section className="panel mail-part" aria-labelledby="mail-text-title">
        <div className="panel-head">
          <h2 id="mail-text-title" className="panel-title">
            {t('mail.textPart')}
          </h2>
        </div>
        <pre className="mail-text">
          {splitLinks(mail.text_body).map((run, i) =>
            run.href ? (
              <a key={i} href={run.href} target="_blank" rel="noopener noreferrer">
                {run.text}
              </a>
            ) : (
              run.text
            ),
          )}
        </pre>
      </section>
      <section className="panel mail-part" aria-labelledby="mail-html-title">
        <div className="panel-head">
          <h2 id="mail-html-title" className="panel-title">
            {t('mail.htmlPart')}
          </h2>
        </div>
        <iframe className="mail-html" sandbox="" srcDoc={mail.html_body} title={t('mail.htmlFrame')} referrerPolicy="no-referrer" />
      </section>
    </div>
  );
}
