import Mustache from 'mustache';

export interface LayoutWords {
  language: string;
  button: string;
  fallbackLink: string;
  /** `{{workspace}}` stands for the workspace's name. */
  footer: string;
}

/** A paragraph of already escaped HTML, or the mail's link as a button. */
export type Paragraph = { html: string } | { button: string };

const escapeHtml = (s: string): string => Mustache.escape(s);
const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * One simple layout for every mail: a centred card of paragraphs with inline styles (mail clients
 * drop style sheets), a button for the link with the address spelled out below it, and a footer.
 * Everything that is not the layout's own markup arrives escaped.
 */
export function htmlLayout(mail: { subject: string; paragraphs: Paragraph[]; workspace: string; words: LayoutWords }): string {
  const { words } = mail;
  const body = mail.paragraphs
    .map((p) => {
      if ('html' in p) return `<p style="margin:0 0 16px;">${p.html}</p>`;
      const href = escapeHtml(p.button);
      return [
        `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;">${escapeHtml(words.button)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:13px;color:#6b7280;">${escapeHtml(words.fallbackLink)}<br><a href="${href}" style="color:#2563eb;word-break:break-all;">${href}</a></p>`,
      ].join('\n');
    })
    .join('\n');
  const footer = escapeHtml(words.footer).split('{{workspace}}').join(escapeHtml(mail.workspace));
  return `<!doctype html>
<html lang="${escapeHtml(words.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(mail.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e3e5e8;border-radius:8px;"><tr><td style="padding:28px;${font};font-size:15px;line-height:1.55;color:#1f2328;">
${body}
</td></tr></table>
<p style="margin:16px 0 0;${font};font-size:12px;color:#6b7280;">${footer}</p>
</td></tr></table>
</body>
</html>
`;
}
