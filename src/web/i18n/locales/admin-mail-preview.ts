import type { Translation } from '../translation.ts';

/** The mail template editor's preview and test mail: part of the `admin` namespace (admin.ts spreads it in). */
export const en = {
  mailPreview: {
    preview: 'Preview',
    update: 'Update preview',
    close: 'Close preview',
    title: 'Preview with sample values',
    hint: 'Preview and test use the text above as it is now, saved or not.',
    subject: 'Subject',
    show: 'Part of the mail',
    html: 'HTML',
    text: 'Plain text',
    frame: 'The mail as HTML, shown without scripts',
    stale: 'The text changed since this preview.',
    failed: 'No preview: {{message}}',
    sendTest: 'Send me a test',
    sent: 'A test was sent to {{address}}.',
    openSent: 'Open it in the outbox',
    sendFailed: 'The test was not sent: {{message}}',
  },
};

export const id: Translation<typeof en> = {
  mailPreview: {
    preview: 'Pratinjau',
    update: 'Perbarui pratinjau',
    close: 'Tutup pratinjau',
    title: 'Pratinjau dengan nilai contoh',
    hint: 'Pratinjau dan uji coba memakai teks di atas seperti sekarang, sudah disimpan atau belum.',
    subject: 'Subjek',
    show: 'Bagian email',
    html: 'HTML',
    text: 'Teks biasa',
    frame: 'Email sebagai HTML, ditampilkan tanpa skrip',
    stale: 'Teks sudah berubah sejak pratinjau ini.',
    failed: 'Pratinjau gagal: {{message}}',
    sendTest: 'Kirimi saya uji coba',
    sent: 'Uji coba telah dikirim ke {{address}}.',
    openSent: 'Buka di kotak keluar',
    sendFailed: 'Uji coba tidak terkirim: {{message}}',
  },
};
