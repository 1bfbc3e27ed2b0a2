import type { NotificationKind } from '../../contract/notifications.ts';
import type { Language } from '../../contract/workspaces.ts';

/** What a notification says in an agent's mail, in their language (the app words the bell itself). */
export const agentMailTexts: Record<Language, Record<NotificationKind, string>> = {
  en: {
    new_ticket: 'New ticket in your department',
    assigned: 'A ticket was assigned to you',
    customer_note: 'The customer added a note',
    customer_resolved: 'The customer resolved the ticket',
    customer_reopened: 'The customer reopened the ticket',
    escalation: 'The ticket escalated',
    pending_reminder: 'Reminder: the ticket is due back',
    sla_warning: 'The ticket is close to its due time',
    webhook_disabled: 'A webhook was turned off: its deliveries kept failing',
  },
  id: {
    new_ticket: 'Tiket baru di departemen Anda',
    assigned: 'Sebuah tiket ditugaskan kepada Anda',
    customer_note: 'Pelanggan menambahkan catatan',
    customer_resolved: 'Pelanggan menyelesaikan tiket',
    customer_reopened: 'Pelanggan membuka kembali tiket',
    escalation: 'Tiket dieskalasi',
    pending_reminder: 'Pengingat: tiket perlu ditindaklanjuti',
    sla_warning: 'Tiket hampir melewati batas waktunya',
    webhook_disabled: 'Sebuah webhook dimatikan: pengirimannya terus gagal',
  },
};
