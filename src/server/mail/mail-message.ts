import type { SendMailOptions } from 'nodemailer';
import { LOOP_TAG, type Mailbox } from './addresses.ts';
import type { OutboxRow } from './outbox.repository.ts';
import { oneLine } from './render.ts';

/**
 * The message nodemailer sends for an outbox row. Every header is a structured value that
 * nodemailer encodes itself (addresses, an encoded-word subject, ids), never a line we format,
 * so nothing a customer typed can add a header. The auto-reply headers keep out-of-office
 * answers and Exchange's auto-responders from mailing back into the ticket.
 */
export function buildMessage(row: Pick<OutboxRow, 'to_address' | 'to_name' | 'subject' | 'text_body' | 'html_body' | 'message_id' | 'in_reply_to' | 'references'>, from: Mailbox): SendMailOptions {
  return {
    from: { name: oneLine(from.name ?? ''), address: from.address },
    to: { name: oneLine(row.to_name ?? ''), address: row.to_address },
    subject: oneLine(row.subject),
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    ...(row.in_reply_to ? { inReplyTo: row.in_reply_to } : {}),
    ...(row.references.length ? { references: row.references } : {}),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Loop': LOOP_TAG },
    // Our bodies are strings; nothing may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
