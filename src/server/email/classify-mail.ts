import type { InboundMail } from './read-mail.ts';

/**
 * What a received mail is, before any ticket is looked at:
 * - `mail`: written by a person (or a system on someone's behalf): it may open or join a ticket;
 * - `auto_reply`: an out-of-office or vacation answer, or a read receipt: never a ticket, never answered;
 * - `bounce`: a delivery failure or delay report, or a spam complaint, about a mail sent earlier:
 *   recorded on the customer user it concerns, never a ticket.
 */
export type MailKind = 'mail' | 'auto_reply' | 'bounce';

export interface MailClass {
  kind: MailKind;
  /** What decided, for the inbound log and for agents. */
  reason: string;
  /** Never send an automatic answer to it (lists, bulk, automated senders, loops): RFC 3834. */
  noAutoReply: boolean;
  /** Of a bounce: a failure, a delay warning, or a recipient's spam complaint (ARF). */
  bounce: 'failed' | 'delayed' | 'complaint' | null;
  /** It carries our own loop tag: a mail we sent came back (a forward rule, a misconfigured alias). */
  fromUs: boolean;
}

export type ClassifiedFacts = Pick<InboundMail, 'headers' | 'subject' | 'from' | 'to' | 'contentType' | 'partTypes'>;

const AUTOMATED_SENDER = /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|mail[-_.]?delivery[-_.]?(subsystem|system)?)$/i;
const LIST_SENDER = /-(request|owner|bounces?)$/i;
const BOUNCE_SUBJECT =
  /(undeliver|undelivered|delivery (status notification|failure|failed|has failed|problem|report)|returned mail|mail delivery (failed|failure|system)|failure notice|mail system error|non-?delivery|could not be delivered|delivery notification|returned to sender|メールエラー|配信エラー|退信)/i;
const DELAY_SUBJECT = /(delayed|delay(ed)? mail|warning: could not send|still being retried|\(delay\))/i;
const AUTO_REPLY_SUBJECT =
  /^\s*(automatic reply|auto(matic)?[- ]?reply|auto ?respon[sd]e?|autoreply|out of (the )?office|ooo\b|abwesenheit(snotiz)?|automatische antwort|réponse automatique|respuesta automática|risposta automatica|automatisch antwoord|automatyczna odpowied[zźż]|balasan otomatis|vacation( reply)?|on vacation)(?![\p{L}\p{N}])/iu;

const localPart = (address: string | undefined) => (address ?? '').split('@')[0]?.trim() ?? '';
const angleAddress = (value: string) => /<([^<>]*)>/.exec(value)?.[1] ?? value;

/**
 * Classifies a mail from its headers, subject and MIME structure alone (a pure function: the body
 * of a bounce is not read). `loopTag` is the X-Loop value Caredesk puts on every mail it sends.
 */
export function classifyMail(mail: ClassifiedFacts, loopTag: string): MailClass {
  const h = (name: string) => mail.headers.get(name) ?? [];
  const one = (name: string) => (h(name)[0] ?? '').toLowerCase();
  const from = localPart(mail.from?.address ?? angleAddress(one('from')));
  const returnPath = angleAddress(one('return-path')).trim();
  const autoSubmitted = one('auto-submitted').trim();
  const contentType = mail.contentType;
  const report = /^multipart\/report\b/.test(contentType) ? (/report-type="?([\w-]+)/.exec(contentType)?.[1] ?? '') : '';
  const carriesReturned = mail.partTypes.some((t) => t === 'message/rfc822' || t === 'message/rfc822-headers' || t === 'message/delivery-status' || t === 'text/rfc822-headers');
  const fromUs = h('x-loop').some((v) => v.trim().toLowerCase() === loopTag.toLowerCase());
  const automatedSender = AUTOMATED_SENDER.test(from) || returnPath === '' || /^mailer-daemon@/i.test(returnPath);

  const result = (kind: MailKind, reason: string, bounce: MailClass['bounce'] = null): MailClass => ({ kind, reason, noAutoReply: true, bounce, fromUs });
  const delayed = /warning|delay/.test(autoSubmitted) || DELAY_SUBJECT.test(mail.subject);

  if (report === 'delivery-status') return result('bounce', 'a delivery status report (multipart/report)', delayed ? 'delayed' : 'failed');
  if (report === 'feedback-report') return result('bounce', 'a spam complaint (ARF feedback report)', 'complaint');
  if (report === 'disposition-notification') return result('auto_reply', 'a read receipt (disposition notification)');
  if (h('x-failed-recipients').length) return result('bounce', 'X-Failed-Recipients', 'failed');
  if (automatedSender && BOUNCE_SUBJECT.test(mail.subject)) return result('bounce', `a delivery failure notice from ${from || 'an empty return path'}`, delayed ? 'delayed' : 'failed');
  if ((AUTOMATED_SENDER.test(from) || returnPath === '') && carriesReturned && /(error|fail|undeliver|return)/i.test(mail.subject + ' ' + from)) {
    return result('bounce', 'a returned message from an automated sender', 'failed');
  }
  if (autoSubmitted.startsWith('auto-replied')) return result('auto_reply', 'Auto-Submitted: auto-replied');
  if (h('x-autoreply').length || h('x-autorespond').length || h('x-autoresponder').length) return result('auto_reply', 'an X-Autoreply header');
  if (h('x-apple-action').some((v) => /vacation/i.test(v))) return result('auto_reply', 'X-Apple-Action: VACATION');
  if (AUTO_REPLY_SUBJECT.test(mail.subject)) return result('auto_reply', 'an automatic-reply subject');

  const precedence = one('precedence').trim();
  const bulk =
    /^(bulk|junk|list)$/.test(precedence) ||
    ['list-id', 'list-unsubscribe', 'list-post', 'mailing-list', 'x-beenthere', 'x-mailman-version', 'x-auto-response-suppress'].some((n) => h(n).length > 0) ||
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    AUTOMATED_SENDER.test(from) ||
    LIST_SENDER.test(from) ||
    mail.to.some((a) => LIST_SENDER.test(localPart(a.address))) ||
    mail.partTypes.includes('multipart/digest');
  return { kind: 'mail', reason: bulk ? 'a list, bulk or automated mail' : 'a mail', noAutoReply: bulk || fromUs, bounce: null, fromUs };
}
