import type { Translation } from '../translation.ts';

/**
 * The words of typed ticket fields (Admin › Ticket fields) where agents meet them: the create
 * form, the ticket view and the dashboard's filter. Spread into the `create`, `ticket` and
 * `dashboard` namespaces, so each of those pages finds them under `customFields`.
 */
export const en = {
  customFields: {
    legend: 'Details',
    requiredNote: 'Fields marked * are required.',
    none: 'Not set',
    choose: 'Choose…',
    retired: '{{label}} (retired)',
    retiredWord: 'retired',
    yes: 'Yes',
    no: 'No',
    empty: '—',
    number: 'Enter a number, such as 12 or 2.5',
    date: 'Enter a date',
    loadFailed: 'The ticket fields could not be loaded.',
    retry: 'Load them again',
    title: 'Fields',
    edit: 'Edit',
    editLabel: 'Edit the fields',
    save: 'Save fields',
    notSaved: 'The fields were not saved',
    saved: 'Fields saved.',
    retiredField: 'Retired field: its value no longer changes',
    noValues: 'No field has a value yet.',
    filter: 'Fields',
    filterLegend: 'Filter by a field',
    any: 'Any',
    chip: '{{field}}: {{value}}',
    noChoiceFields: 'No drop-down, multiple choice or checkbox fields are defined.',
  },
};

export const id: Translation<typeof en> = {
  customFields: {
    legend: 'Rincian',
    requiredNote: 'Kolom bertanda * wajib diisi.',
    none: 'Belum diisi',
    choose: 'Pilih…',
    retired: '{{label}} (dipensiunkan)',
    retiredWord: 'dipensiunkan',
    yes: 'Ya',
    no: 'Tidak',
    empty: '—',
    number: 'Masukkan angka, misalnya 12 atau 2,5',
    date: 'Masukkan tanggal',
    loadFailed: 'Kolom tiket tidak dapat dimuat.',
    retry: 'Muat lagi',
    title: 'Kolom',
    edit: 'Ubah',
    editLabel: 'Ubah kolom',
    save: 'Simpan kolom',
    notSaved: 'Kolom tidak disimpan',
    saved: 'Kolom disimpan.',
    retiredField: 'Kolom dipensiunkan: nilainya tidak berubah lagi',
    noValues: 'Belum ada kolom yang berisi nilai.',
    filter: 'Kolom',
    filterLegend: 'Saring menurut kolom',
    any: 'Semua',
    chip: '{{field}}: {{value}}',
    noChoiceFields: 'Belum ada kolom daftar pilihan, pilihan ganda, atau kotak centang.',
  },
};
