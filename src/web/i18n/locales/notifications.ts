import type { Translation } from '../translation.ts';

/** The notifications bell in the header (DESIGN.md §2, Notifications). */
export const en = {
  button_one: 'Notifications, {{count}} unread',
  button_other: 'Notifications, {{count}} unread',
  buttonNone: 'Notifications',
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  empty: 'Nothing new. You will be told here when a ticket needs you.',
  loadFailed: 'Notifications could not be loaded.',
  more: 'Show older',
  loading: 'Loading…',
  unread: 'Unread',
  byEmail: 'Also send me my notifications by email',
  by: 'by {{name}}',
  kind: {
    new_ticket: 'New ticket in your department',
    assigned: 'Assigned to you',
    customer_note: 'The customer added a note',
    customer_resolved: 'The customer resolved the ticket',
    customer_reopened: 'The customer reopened the ticket',
    escalation: 'The ticket escalated',
    pending_reminder: 'Reminder: the ticket is due back',
    sla_warning: 'The ticket is close to its due time',
    webhook_disabled: 'A webhook was turned off: its deliveries kept failing (see Admin › Webhooks)',
  },
};

export const id: Translation<typeof en> = {
  button_one: 'Notifikasi, {{count}} belum dibaca',
  button_other: 'Notifikasi, {{count}} belum dibaca',
  buttonNone: 'Notifikasi',
  title: 'Notifikasi',
  markAllRead: 'Tandai semua sudah dibaca',
  empty: 'Tidak ada yang baru. Anda akan diberi tahu di sini saat tiket membutuhkan Anda.',
  loadFailed: 'Notifikasi tidak dapat dimuat.',
  more: 'Tampilkan yang lebih lama',
  loading: 'Memuat…',
  unread: 'Belum dibaca',
  byEmail: 'Kirim juga notifikasi saya lewat email',
  by: 'oleh {{name}}',
  kind: {
    new_ticket: 'Tiket baru di departemen Anda',
    assigned: 'Ditugaskan kepada Anda',
    customer_note: 'Pelanggan menambahkan catatan',
    customer_resolved: 'Pelanggan menyelesaikan tiket',
    customer_reopened: 'Pelanggan membuka kembali tiket',
    escalation: 'Tiket dieskalasi',
    pending_reminder: 'Pengingat: tiket perlu ditindaklanjuti',
    sla_warning: 'Tiket hampir melewati batas waktunya',
    webhook_disabled: 'Sebuah webhook dimatikan: pengirimannya terus gagal (lihat Admin › Webhook)',
  },
};
