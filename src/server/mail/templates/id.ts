import type { MailTemplate } from '../mail-request.ts';
import type { BuiltInWording } from './built-in.ts';

const hello = 'Halo{{#recipient.name}} {{recipient.name}}{{/recipient.name}},';
const request = 'Permintaan #{{ticket.number}}: {{ticket.subject}}';

/** Caredesk's own wording in Bahasa Indonesia. */
export const id: BuiltInWording = {
  templates: {
    agent_invitation: {
      subject: 'Anda diundang ke {{workspace.name}} di Caredesk',
      body: `${hello}

{{sent_by}} mengundang Anda untuk melayani pelanggan {{workspace.name}}. Pilih kata sandi Anda melalui tautan ini untuk masuk:

{{link}}

Tautan ini hanya dapat digunakan satu kali dan berlaku {{expires_hours}} jam. Jika Anda tidak mengharapkannya, abaikan saja email ini.`,
    },
    password_reset: {
      subject: 'Pilih kata sandi baru untuk {{workspace.name}}',
      body: `${hello}

{{sent_by}} mengirimkan tautan untuk memilih kata sandi baru untuk {{workspace.name}}:

{{link}}

Tautan ini hanya dapat digunakan satu kali dan berlaku {{expires_hours}} jam. Kata sandi lama Anda tetap berlaku sampai Anda memilih yang baru.`,
    },
    sign_in_link: {
      subject: 'Tautan masuk Anda untuk {{workspace.name}}',
      body: `${hello}

Gunakan tautan ini untuk masuk ke {{workspace.name}} dan memantau permintaan Anda:

{{link}}

Tautan ini berlaku {{expires_minutes}} menit dan hanya dapat digunakan satu kali. Jika Anda tidak memintanya, abaikan saja email ini.`,
    },
    ticket_created: {
      subject: 'Kami telah menerima permintaan Anda #{{ticket.number}}',
      body: `${hello}

Terima kasih telah menghubungi {{workspace.name}}. Kami telah menerima permintaan Anda dan akan segera menindaklanjutinya.

${request}

Anda dapat memantaunya dan menambahkan keterangan kapan saja melalui dasbor Anda:

{{link}}`,
    },
    ticket_opened: {
      subject: 'Kami sedang menangani permintaan Anda #{{ticket.number}}',
      body: `${hello}

Kabar baik: tim kami telah mulai menangani permintaan Anda.

${request}

{{link}}`,
    },
    ticket_held: {
      subject: 'Permintaan Anda #{{ticket.number}} ditunda',
      body: `${hello}

Permintaan Anda kami tunda untuk sementara.{{#reason}}

Alasan: {{reason}}{{/reason}}

${request}

Jika kami menunggu sesuatu dari Anda, Anda dapat menambahkannya melalui dasbor Anda:

{{link}}`,
    },
    agent_replied: {
      subject: 'Balasan baru untuk permintaan Anda #{{ticket.number}}',
      body: `${hello}

{{#reply}}{{reply.author}} membalas permintaan Anda:

{{reply.body}}{{/reply}}{{^reply}}Kami telah membalas permintaan Anda.{{/reply}}

${request}

{{link}}`,
    },
    ticket_resolved: {
      subject: '{{#ready_for_collection}}Produk Anda siap diambil{{/ready_for_collection}}{{^ready_for_collection}}Permintaan Anda telah diselesaikan{{/ready_for_collection}} #{{ticket.number}}',
      body: `${hello}

{{#ready_for_collection}}Produk Anda siap diambil. {{/ready_for_collection}}Permintaan Anda telah kami selesaikan.{{#resolution}}

{{resolution}}{{/resolution}}

${request}

Jika masih ada yang belum beres, Anda dapat membukanya kembali melalui dasbor Anda:

{{link}}`,
    },
    ticket_closed: {
      subject: '{{#ready_for_collection}}Produk Anda siap diambil{{/ready_for_collection}}{{^ready_for_collection}}Permintaan Anda telah ditutup{{/ready_for_collection}} #{{ticket.number}}',
      body: `${hello}

{{#ready_for_collection}}Produk Anda siap diambil. {{/ready_for_collection}}Permintaan Anda kini telah ditutup.{{#resolution}}

{{resolution}}{{/resolution}}

${request}

Terima kasih telah menghubungi {{workspace.name}}. Jika Anda memerlukan bantuan lain, silakan kirim permintaan baru.

{{link}}`,
    },
    ticket_reopened: {
      subject: 'Permintaan Anda #{{ticket.number}} dibuka kembali',
      body: `${hello}

Permintaan Anda dibuka kembali dan sedang kami tinjau.

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
      subject: '[#{{ticket.number}}] Tiket baru: {{ticket.subject}}',
      body: `${hello}

Tiket baru masuk untuk departemen Anda ({{notification.actor}}).

#{{ticket.number}}: {{ticket.subject}}

{{link}}`,
    },
  } satisfies Record<MailTemplate, unknown>,
  button: { customer: 'Buka dasbor', signIn: 'Masuk', staff: 'Buka tiket', password: 'Pilih kata sandi Anda' },
  fallbackLink: 'Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:',
  footer: 'Pesan ini dikirim secara otomatis oleh {{workspace}}.',
};
