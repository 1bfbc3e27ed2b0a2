/** A bounce as mail servers send it: a multipart/report with a delivery status naming the address that failed. */
export function deliveryReport(o: { messageId: string; recipient: string; status?: string; text?: string; from?: string }): string {
  return [
    `From: ${o.from ?? 'Mail Delivery System <MAILER-DAEMON@mx.customer.example>'}`,
    'To: support@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${o.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    o.text ?? 'Your message could not be delivered.',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.customer.example',
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    'Action: failed',
    `Status: ${o.status ?? '5.1.1'}`,
    '--b1--',
    '',
  ].join('\r\n');
}
