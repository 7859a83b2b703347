import type { Messages } from '../types';

// The sync status line and the sync engine's failures (src/client/sync). Failures say what
// happened and what the operator can do; "data aman" because the first fear is losing records.
export const sync: Messages = {
  'sync.title': { id: 'Sinkronisasi', en: 'Sync' },
  'sync.last': { id: 'Sinkron terakhir {time}', en: 'Last sync {time}' },
  'sync.never': { id: 'Belum pernah sinkron', en: 'Never synced' },
  'sync.running': { id: 'Menyinkronkan…', en: 'Syncing…' },
  'sync.pulling': { id: 'Mengambil data terbaru…', en: 'Fetching the latest data…' },
  'sync.progress': { id: 'Mengirim {sent} dari {total} data', en: 'Sending {sent} of {total} records' },
  'sync.restoring': {
    id: 'Server dipulihkan dari cadangan: mengirim ulang {count} data…',
    en: 'The server was restored from a backup: sending {count} records again…',
  },
  'sync.restoring.progress': {
    id: 'Server dipulihkan dari cadangan: mengirim ulang {count} data… ({sent} dari {total})',
    en: 'The server was restored from a backup: sending {count} records again… ({sent} of {total})',
  },
  'sync.pending': { id: '{count} menunggu kirim', en: '{count} waiting to send' },
  'sync.all-sent': { id: 'Semua terkirim', en: 'All sent' },
  'sync.rejected': { id: '{count} ditolak, perlu diperbaiki', en: '{count} refused, need correcting' },
  'sync.now': { id: 'Sinkronkan sekarang', en: 'Sync now' },
  'sync.next': { id: 'Dicoba lagi pukul {time}', en: 'Next try at {time}' },
  'sync.reenrol': { id: 'Daftarkan ulang perangkat', en: 'Enrol the device again' },
  'sync.enrol': { id: 'Daftarkan perangkat', en: 'Enrol the device' },
  'sync.not-enrolled.short': { id: 'Belum terdaftar', en: 'Not enrolled' },
  'sync.clock-off': {
    id: 'Jam ponsel selisih {minutes} menit dari server. Betulkan tanggal dan jam di pengaturan ponsel.',
    en: 'The phone’s clock is {minutes} minutes off the server’s. Fix the date and time in the phone’s settings.',
  },
  'sync.error.offline': {
    id: 'Tidak ada sinyal. Data aman di ponsel dan dikirim otomatis saat ada sinyal.',
    en: 'No signal. Records are safe on the phone and are sent automatically when there is signal.',
  },
  'sync.error.timeout': {
    id: 'Server terlalu lama menjawab (sinyal lemah?). Dicoba lagi otomatis.',
    en: 'The server took too long to answer (weak signal?). Retrying automatically.',
  },
  'sync.error.server-unavailable': {
    id: 'Server sedang bermasalah. Data aman di ponsel; dicoba lagi otomatis.',
    en: 'The server has a problem. Records are safe on the phone; retrying automatically.',
  },
  'sync.error.bad-response': {
    id: 'Jawaban server tidak dapat dibaca (jaringan Wi-Fi dengan halaman masuk?). Dicoba lagi otomatis.',
    en: 'The server’s answer could not be read (a Wi-Fi login page?). Retrying automatically.',
  },
  'sync.error.unauthenticated': {
    id: 'Perangkat perlu didaftarkan ulang. Minta kode pendaftaran baru ke koordinator.',
    en: 'The device must be enrolled again. Ask the coordinator for a new enrolment code.',
  },
  'sync.error.rate-limited': {
    id: 'Server sedang sibuk. Dicoba lagi dalam {seconds} detik.',
    en: 'The server is busy. Retrying in {seconds} seconds.',
  },
  'sync.error.forbidden': {
    id: 'Perangkat ini tidak berhak menyinkronkan data ini. Hubungi koordinator.',
    en: 'This device may not sync this data. Contact the coordinator.',
  },
  'sync.error.refused': {
    id: 'Server menolak permintaan ({code}). Dicoba lagi otomatis; hubungi koordinator bila berulang.',
    en: 'The server refused the request ({code}). Retrying automatically; contact the coordinator if it repeats.',
  },
  'sync.error.not-enrolled': {
    id: 'Perangkat belum didaftarkan. Data tersimpan di ponsel sampai perangkat didaftarkan.',
    en: 'The device is not enrolled yet. Records stay on the phone until it is.',
  },
  'sync.error.storage': {
    id: 'Penyimpanan ponsel bermasalah saat sinkronisasi. Muat ulang aplikasi; data yang tersimpan tidak hilang.',
    en: 'The phone’s storage failed during sync. Reload the app; saved records are not lost.',
  },
  'sync.error.storage-full': {
    id: 'Penyimpanan ponsel penuh. Kosongkan ruang (foto, video, aplikasi lain), lalu sinkronkan lagi.',
    en: 'The phone’s storage is full. Free some space (photos, videos, other apps), then sync again.',
  },
};
