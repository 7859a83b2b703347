import type { Messages } from '../types';

// The roster (every registration on this phone), a record's detail, and why the server
// refused one (`rejection.<code>`, the codes of src/shared/errors.ts).
export const roster: Messages = {
  'roster.title': { id: 'Peserta terdaftar', en: 'Registered workers' },
  'roster.search': { id: 'Cari nama atau NIK', en: 'Search name or NIK' },
  'roster.search.hint': {
    id: 'Awal nama, atau angka awal/akhir NIK.',
    en: 'Start of the name, or the first or last digits of the NIK.',
  },
  'roster.filter': { id: 'Status', en: 'Status' },
  'roster.filter.all': { id: 'Semua status', en: 'All statuses' },
  'roster.count': { id: '{count} peserta', en: '{count} workers' },
  'roster.count.some': {
    id: '{total} peserta cocok, {count} pertama ditampilkan: ketik lebih banyak untuk mempersempit.',
    en: '{total} workers match, the first {count} shown: type more to narrow the search.',
  },
  'roster.count.more': {
    id: 'Lebih dari {count} peserta cocok: ketik lebih banyak untuk mempersempit.',
    en: 'More than {count} workers match: type more to narrow the search.',
  },
  'roster.empty': {
    id: 'Belum ada peserta di ponsel ini.',
    en: 'No workers on this phone yet.',
  },
  'roster.no-match': { id: 'Tidak ada peserta yang cocok.', en: 'No worker matches.' },
  'roster.register': { id: 'Daftarkan pekerja', en: 'Register a worker' },
  'roster.list': { id: 'Daftar peserta', en: 'List of workers' },
  'roster.row.loading': { id: 'Memuat…', en: 'Loading…' },
  'roster.drafts': { id: 'Isian belum selesai', en: 'Unfinished forms' },
  'roster.draft.new': { id: 'Pendaftaran baru: {name}', en: 'New registration: {name}' },
  'roster.draft.edit': { id: 'Perubahan belum disimpan: {name}', en: 'Unsaved changes: {name}' },
  'roster.draft.unnamed': { id: '(belum ada nama)', en: '(no name yet)' },
  'roster.draft.badge': { id: 'Draf perubahan', en: 'Draft edit' },

  'detail.back': { id: 'Kembali ke daftar peserta', en: 'Back to the list' },
  'detail.not-found': { id: 'Data ini tidak ada di ponsel ini.', en: 'This record is not on this phone.' },
  'detail.loading': { id: 'Memuat data…', en: 'Loading the record…' },
  'detail.edit': { id: 'Ubah data', en: 'Edit' },
  'detail.correct': { id: 'Perbaiki dan kirim ulang', en: 'Correct and resend' },
  'detail.resend': { id: 'Kirim ulang', en: 'Send again' },
  'detail.resent': { id: 'Dijadwalkan kirim ulang.', en: 'Queued to be sent again.' },
  'detail.discard': { id: 'Buang', en: 'Discard' },
  'detail.discard.confirm-new': {
    id: 'Buang data ini? Server belum pernah menerimanya, jadi data ini akan hilang dari ponsel.',
    en: 'Discard this record? The server never accepted it, so it will be gone from this phone.',
  },
  'detail.discard.confirm-change': {
    id: 'Buang perubahan yang ditolak? Data kembali seperti yang tersimpan di server.',
    en: 'Discard the refused change? The record goes back to the server’s copy.',
  },
  'detail.discard.yes': { id: 'Ya, buang', en: 'Yes, discard' },
  'detail.discarded': { id: 'Perubahan dibuang; data kembali seperti di server.', en: 'Change discarded; back to the server’s copy.' },
  'detail.rejected': { id: 'Ditolak server', en: 'Refused by the server' },
  'detail.queued': {
    id: '{count} perubahan menunggu dikirim.',
    en: '{count} changes waiting to be sent.',
  },
  'detail.pulled': { id: 'Didaftarkan dari ponsel lain.', en: 'Registered on another phone.' },
  'detail.draft': { id: 'Ada perubahan yang belum disimpan.', en: 'There are unsaved changes.' },
  'detail.draft.open': { id: 'Lanjutkan mengubah', en: 'Continue editing' },
  'detail.section.person': { id: 'Data pekerja', en: 'Worker' },
  'detail.section.server': { id: 'Di server', en: 'On the server' },
  'detail.village': { id: 'Desa', en: 'Village' },
  'detail.address': { id: 'Alamat', en: 'Address' },
  'detail.address.value': { id: '{address}, RT {rt}/RW {rw}', en: '{address}, RT {rt}/RW {rw}' },
  'detail.coverage': { id: 'Masa perlindungan', en: 'Protection period' },
  'detail.coverage.value': { id: '{start} s.d. {end}', en: '{start} to {end}' },
  'detail.consent': { id: 'Persetujuan', en: 'Consent' },
  'detail.consent.value': { id: 'Versi {version}, {time}', en: 'Version {version}, {time}' },
  'detail.captured': { id: 'Dicatat', en: 'Captured' },
  'detail.received': { id: 'Diterima server', en: 'Received by the server' },
  'detail.version': { id: 'Versi', en: 'Version' },
  'detail.kpj': { id: 'Nomor KPJ', en: 'KPJ number' },
  'detail.card': { id: 'Kartu diserahkan', en: 'Card handed over' },
  'detail.none': { id: '—', en: '—' },

  'rejection.duplicate-nik': {
    id: 'NIK ini sudah terdaftar di desa {village}. Satu NIK hanya boleh terdaftar sekali.',
    en: 'This NIK is already registered in village {village}. A NIK can be registered only once.',
  },
  // Each field's text ends with its own full stop.
  'rejection.invalid': { id: 'Isian tidak valid — {fields}', en: 'Invalid fields — {fields}' },
  'rejection.invalid-unknown': { id: 'Isian tidak valid.', en: 'Some fields are invalid.' },
  'rejection.forbidden-village': {
    id: 'Ponsel ini tidak berhak mendaftar untuk desa ini.',
    en: 'This phone may not register for this village.',
  },
  'rejection.not-found': { id: 'Data tidak ditemukan di server.', en: 'The server does not know this record.' },
  'rejection.version-conflict': {
    id: 'Data ini sudah diubah di tempat lain. Periksa datanya, lalu kirim ulang.',
    en: 'This record was changed elsewhere. Check it, then send again.',
  },
  'rejection.op-conflict': {
    id: 'Kiriman bentrok dengan kiriman sebelumnya. Kirim ulang.',
    en: 'The sending clashed with an earlier one. Send again.',
  },
  'rejection.not-accepted': {
    id: 'Kartu hanya dapat diserahkan untuk peserta yang diterima.',
    en: 'A card can be handed over only for an accepted worker.',
  },
  'rejection.already-handed-over': {
    id: 'Kartu ini sudah diserahkan sebelumnya.',
    en: 'This card was already handed over.',
  },
  'rejection.already-voided': { id: 'Data ini sudah dibatalkan.', en: 'This record was already voided.' },
};
