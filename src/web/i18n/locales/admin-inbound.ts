import type { Translation } from '../translation.ts';

/** The admin's log of received mail: part of the `admin` namespace (admin.ts spreads it in). */
export const en = {
  inbound: {
    title: 'Inbound mail',
    intro: 'Every mail the SMTP listener took, and what it became: a ticket, a reply on a ticket, a follow-up, a recorded bounce, or set aside.',
    filter: 'Outcome',
    all: 'All',
    listTitle: 'Received mail',
    shown_one: '{{count}} mail shown',
    shown_other: '{{count}} mails shown',
    loadFailed: 'The received mail could not be loaded',
    moreFailed: 'More mail could not be loaded: {{message}}',
    emptyTitle: 'No mail received yet',
    emptyText: 'Mail sent to a department’s address arrives here; while no department has an address, mail to any address does.',
    column: { received: 'Received', from: 'From', outcome: 'Outcome', reason: 'Why', ticket: 'Ticket', raw: 'Message' },
    outcome: {
      pending: 'Waiting',
      ticket_created: 'New ticket',
      added_to_ticket: 'Added to ticket',
      follow_up_created: 'Follow-up',
      ignored: 'Set aside',
      bounce_recorded: 'Bounce',
      unreadable_ticket: 'Unreadable',
    },
    emptySender: '(empty sender)',
    download: 'Download .eml',
  },
};

export const id: Translation<typeof en> = {
  inbound: {
    title: 'Email masuk',
    intro: 'Setiap email yang diterima pendengar SMTP, dan hasilnya: tiket baru, balasan pada tiket, tindak lanjut, pantulan yang dicatat, atau disisihkan.',
    filter: 'Hasil',
    all: 'Semua',
    listTitle: 'Email yang diterima',
    shown_one: '{{count}} email ditampilkan',
    shown_other: '{{count}} email ditampilkan',
    loadFailed: 'Email yang diterima tidak dapat dimuat',
    moreFailed: 'Email lainnya tidak dapat dimuat: {{message}}',
    emptyTitle: 'Belum ada email yang diterima',
    emptyText: 'Email ke alamat departemen masuk ke sini; selama belum ada departemen yang memiliki alamat, email ke alamat mana pun masuk.',
    column: { received: 'Diterima', from: 'Dari', outcome: 'Hasil', reason: 'Alasan', ticket: 'Tiket', raw: 'Pesan' },
    outcome: {
      pending: 'Menunggu',
      ticket_created: 'Tiket baru',
      added_to_ticket: 'Ditambahkan ke tiket',
      follow_up_created: 'Tindak lanjut',
      ignored: 'Disisihkan',
      bounce_recorded: 'Pantulan',
      unreadable_ticket: 'Tidak terbaca',
    },
    emptySender: '(pengirim kosong)',
    download: 'Unduh .eml',
  },
};
