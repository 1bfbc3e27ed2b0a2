import type { MailTemplate } from '../mail-request.ts';
import type { BuiltInWording } from './built-in.ts';

const hello = 'Hello{{#recipient.name}} {{recipient.name}}{{/recipient.name}},';
const request = 'Request #{{ticket.number}}: {{ticket.subject}}';

/** Caredesk's own English wording: short and friendly, one link to act on. */
export const en: BuiltInWording = {
  templates: {
    agent_invitation: {
      subject: 'You are invited to {{workspace.name}} on Caredesk',
      body: `${hello}

{{sent_by}} invited you to answer customers for {{workspace.name}}. Choose your password with this link to sign in:

{{link}}

The link works once and expires in {{expires_hours}} hours. If you did not expect it, you can ignore this email.`,
    },
    password_reset: {
      subject: 'Choose a new password for {{workspace.name}}',
      body: `${hello}

{{sent_by}} sent you a link to choose a new password for {{workspace.name}}:

{{link}}

The link works once and expires in {{expires_hours}} hours. Your old password keeps working until you choose a new one.`,
    },
    sign_in_link: {
      subject: 'Your sign-in link for {{workspace.name}}',
      body: `${hello}

Use this link to sign in to {{workspace.name}} and follow your requests:

{{link}}

The link expires in {{expires_minutes}} minutes and works only once. If you did not ask for it, you can ignore this email.`,
    },
    ticket_created: {
      subject: 'We received your request #{{ticket.number}}',
      body: `${hello}

Thank you for contacting {{workspace.name}}. We received your request and will get back to you soon.

${request}

You can follow it and add details at any time from your dashboard:

{{link}}`,
    },
    ticket_opened: {
      subject: 'We are working on your request #{{ticket.number}}',
      body: `${hello}

Good news: someone from our team has started working on your request.

${request}

{{link}}`,
    },
    ticket_held: {
      subject: 'Your request #{{ticket.number}} is on hold',
      body: `${hello}

We have put your request on hold for the moment.{{#reason}}

Reason: {{reason}}{{/reason}}

${request}

If we are waiting for something from you, you can add it from your dashboard:

{{link}}`,
    },
    agent_replied: {
      subject: 'New reply to your request #{{ticket.number}}',
      body: `${hello}

{{#reply}}{{reply.author}} replied to your request:

{{reply.body}}{{/reply}}{{^reply}}We replied to your request.{{/reply}}

${request}

{{link}}`,
    },
    ticket_resolved: {
      subject: '{{#ready_for_collection}}Your product is ready to collect{{/ready_for_collection}}{{^ready_for_collection}}Your request is resolved{{/ready_for_collection}} #{{ticket.number}}',
      body: `${hello}

{{#ready_for_collection}}Your product is ready to collect. {{/ready_for_collection}}We have resolved your request.{{#resolution}}

{{resolution}}{{/resolution}}

${request}

If anything is still not right, you can reopen it from your dashboard:

{{link}}`,
    },
    ticket_closed: {
      subject: '{{#ready_for_collection}}Your product is ready to collect{{/ready_for_collection}}{{^ready_for_collection}}Your request is closed{{/ready_for_collection}} #{{ticket.number}}',
      body: `${hello}

{{#ready_for_collection}}Your product is ready to collect. {{/ready_for_collection}}Your request is now closed.{{#resolution}}

{{resolution}}{{/resolution}}

${request}

Thank you for contacting {{workspace.name}}. If you need anything else, just send us a new request.

{{link}}`,
    },
    ticket_reopened: {
      subject: 'Your request #{{ticket.number}} is open again',
      body: `${hello}

Your request is open again and we are looking into it.

${request}

{{link}}`,
    },
    agent_notification: {
      subject: '[#{{ticket.number}}] {{notification.text}}',
      body: `${hello}

{{notification.text}} ({{notification.actor}}).

#{{ticket.number}}: {{ticket.subject}}

{{link}}`,
    },
    department_new_ticket: {
      subject: '[#{{ticket.number}}] New ticket: {{ticket.subject}}',
      body: `${hello}

A new ticket arrived for your department ({{notification.actor}}).

#{{ticket.number}}: {{ticket.subject}}

{{link}}`,
    },
  } satisfies Record<MailTemplate, unknown>,
  button: { customer: 'Go to dashboard', signIn: 'Sign in', staff: 'Open ticket', password: 'Choose your password' },
  fallbackLink: "If the button does not work, copy this address into your browser:",
  footer: 'This message was sent automatically by {{workspace}}.',
};
