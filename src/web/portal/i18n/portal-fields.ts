import type { Translation } from '../../i18n/translation.ts';

/** The workspace's ticket fields in the portal: on the request form and the ticket's information (portal.ts spreads it in). */
export const en = {
  fields: {
    optional: '{{label}} (optional)',
    choose: 'Choose…',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    number: 'Enter a number, such as 12 or 2.5',
    date: 'Enter a date',
  },
};

export const id: Translation<typeof en> = {
  fields: {
    optional: '{{label}} (opsional)',
    choose: 'Pilih…',
    yes: 'Ya',
    no: 'Tidak',
    none: 'Tidak ada',
    number: 'Masukkan angka, misalnya 12 atau 2,5',
    date: 'Masukkan tanggal',
  },
};
