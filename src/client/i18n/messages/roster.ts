import type { Messages } from '../types';

// The roster (every registration on this phone) and a record's detail. Why the server refused
// one is in rejection.ts (the enrol form says it too).
export const roster: Messages = {
  'roster.title': { id: 'Peserta terdaftar', en: 'Registered workers' },
  'roster.search': { id: 'Cari nama atau NIK', en: 'Search name or NIK' },
  'roster.search.hint': {
    id: 'Kata mana saja dari nama, atau 4 angka NIK atau lebih dari bagian mana saja.',
    en: 'Any word of the name, or 4 or more digits from any part of the NIK.',
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
  'detail.advice.duplicate-nik': {
    id: 'Periksa NIK pada KTP: jika salah ketik, perbaiki; jika sudah benar, pekerja ini sudah terdaftar, jadi buang data ini.',
    en: 'Check the NIK on the ID card: if it was mistyped, correct it; if it is right, the worker is already registered, so discard this record.',
  },
  'detail.discard-only.new': {
    id: 'Memperbaiki atau mengirim ulang tidak akan mengubah jawaban server. Yang bisa dilakukan: buang data ini dari ponsel.',
    en: 'Correcting or sending again will not change the server’s answer. What remains: discard this record from the phone.',
  },
  'detail.discard-only.change': {
    id: 'Memperbaiki atau mengirim ulang tidak akan mengubah jawaban server. Yang bisa dilakukan: buang perubahan ini; data kembali seperti di server.',
    en: 'Correcting or sending again will not change the server’s answer. What remains: discard this change; the record goes back to the server’s copy.',
  },
  'detail.discard.yes': { id: 'Ya, buang', en: 'Yes, discard' },
  'detail.discarded': { id: 'Perubahan dibuang; data kembali seperti di server.', en: 'Change discarded; back to the server’s copy.' },
  'detail.voided': { id: 'Dibatalkan {time}', en: 'Voided {time}' },
  'detail.voided.reason': { id: 'Alasan: {reason}', en: 'Reason: {reason}' },
  'detail.voided.no-reason': { id: 'Alasan pembatalan belum diterima ponsel ini.', en: 'This phone has not received the reason yet.' },
  'detail.voided.next': {
    id: 'Pekerja ini tidak lagi memakai kuota. Jika pembatalan keliru, hubungi koordinator; untuk mendaftarkannya lagi, buat pendaftaran baru.',
    en: 'This worker no longer uses a slot. If the void was a mistake, contact the coordinator; to enrol the worker again, make a new registration.',
  },
  'detail.rejected': { id: 'Ditolak server', en: 'Refused by the server' },
  // A refused card handover: a conflict about the card, not about the worker's registration.
  'detail.handover.title': { id: 'Penyerahan kartu dari HP ini ditolak', en: 'This phone’s card handover was refused' },
  'detail.handover.already': {
    id: 'Kartu sudah diserahkan lebih dulu oleh HP lain: {other}. Periksa siapa yang memegang kartu.',
    en: 'Another phone handed this card over first: {other}. Check who holds the card.',
  },
  'detail.handover.refused': { id: 'Alasan dari server: {reason}', en: 'The server’s reason: {reason}' },
  'detail.handover.kept': {
    id: 'Status peserta tetap seperti di server.',
    en: 'The worker’s status stays as the server holds it.',
  },
  'detail.handover.dismiss': { id: 'Mengerti, tutup', en: 'Understood, close' },
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
  'detail.consent.value': { id: 'Disetujui {time} (pemberitahuan versi {version})', en: 'Given {time} (notice version {version})' },
  'detail.captured': { id: 'Dicatat', en: 'Captured' },
  'detail.received': { id: 'Diterima server', en: 'Received by the server' },
  'detail.updated': { id: 'Terakhir diubah di server', en: 'Last changed on the server' },
  'detail.kpj': { id: 'Nomor KPJ', en: 'KPJ number' },
  'detail.card': { id: 'Kartu diserahkan', en: 'Card handed over' },
  'detail.none': { id: '—', en: '—' },
};
