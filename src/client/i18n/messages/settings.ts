import type { Messages } from '../types';

export const settings: Messages = {
  'settings.offline.ready': { id: 'Aplikasi siap dipakai tanpa sinyal di ponsel ini.', en: 'The app is ready to work without signal on this phone.' },
  'settings.offline.not-yet': {
    id: 'Aplikasi belum siap dipakai tanpa sinyal. Biarkan terbuka sebentar selagi ada sinyal.',
    en: 'The app is not yet ready to work without signal. Keep it open a moment while there is signal.',
  },
  'settings.title': { id: 'Pengaturan', en: 'Settings' },
  'settings.village.title': { id: 'Desa ponsel ini', en: 'This phone’s village' },
  'settings.village.label': { id: 'Kode desa Kemendagri', en: 'Kemendagri village code' },
  'settings.village.hint': { id: 'Contoh: 32.14.16.2005', en: 'Example: 32.14.16.2005' },
  'settings.village.save': { id: 'Simpan desa', en: 'Save village' },
  'settings.village.saved': { id: 'Desa disimpan.', en: 'Village saved.' },
  'settings.village.unchecked': {
    id: 'Desa disimpan. Namanya belum bisa diperiksa tanpa sinyal; akan tampil setelah daftar wilayah terunduh.',
    en: 'Village saved. Its name cannot be checked without signal; it shows once the place list is downloaded.',
  },
  'settings.village.current': { id: 'Desa saat ini: {code}', en: 'Current village: {code}' },
  'settings.village.none': { id: 'Belum ada desa.', en: 'No village yet.' },
  'settings.village.locked': {
    id: 'Desa ditetapkan saat ponsel didaftarkan ke server: {code}.',
    en: 'The village was set when this phone was enrolled with the server: {code}.',
  },
  'settings.village.unknown': {
    id: 'Kode ini tidak ada dalam daftar wilayah Kemendagri.',
    en: 'This code is not in the Kemendagri list of places.',
  },
  'settings.village.place': { id: '{village}, Kec. {district}, {regency}', en: '{village}, {district} district, {regency}' },
  'settings.storage.title': { id: 'Penyimpanan', en: 'Storage' },
  'settings.storage.persisted': {
    id: 'Permanen: browser tidak akan menghapus data ini walau ruang ponsel hampir penuh.',
    en: 'Persistent: the browser will not delete this data even when the phone runs low on space.',
  },
  'settings.storage.not-persisted': {
    id: 'Belum permanen: bila ruang ponsel penuh, browser bisa menghapus data yang belum terkirim. Pasang aplikasi ke layar utama, lalu minta lagi.',
    en: 'Not persistent: when the phone runs out of space the browser may delete unsent data. Install the app to the home screen, then ask again.',
  },
  'settings.storage.unknown': {
    id: 'Browser ini tidak memberi tahu status penyimpanan.',
    en: 'This browser does not report its storage status.',
  },
  'settings.storage.ask': { id: 'Minta penyimpanan permanen', en: 'Ask for persistent storage' },
  'settings.storage.usage': { id: 'Terpakai {used} dari {quota} yang tersedia.', en: '{used} used of {quota} available.' },
  'settings.device.title': { id: 'Pendaftaran ponsel', en: 'Device enrolment' },
  'settings.device.body': {
    id: 'Hubungkan ponsel ini ke server dengan kode dari koordinator agar data bisa dikirim.',
    en: 'Connect this phone to the server with a code from your coordinator so that records can be sent.',
  },
  'settings.device.link': { id: 'Daftarkan ponsel ini', en: 'Enrol this phone' },
  'settings.version.title': { id: 'Versi aplikasi', en: 'App version' },
  'settings.version.value': { id: 'Desa100 versi {version}', en: 'Desa100 version {version}' },
  'settings.licence.title': { id: 'Sumber data wilayah', en: 'Place data' },
  'settings.licence.body': {
    id: 'Daftar provinsi, kabupaten/kota, kecamatan dan desa/kelurahan: idn-area-data (mengikuti Kepmendagri 2025), dilisensikan dengan Open Database License (ODbL-1.0).',
    en: 'Provinces, regencies, districts and villages: idn-area-data (following the 2025 Kepmendagri decree), licensed under the Open Database License (ODbL-1.0).',
  },
  'settings.clear.title': { id: 'Hapus semua data di ponsel ini', en: 'Delete all data on this phone' },
  'settings.clear.body': {
    id: 'Menghapus peserta, draf, kuota dan pendaftaran ponsel dari ponsel ini. Data yang sudah diterima server tetap ada di server.',
    en: 'Deletes workers, drafts, quotas and the device enrolment from this phone. Records the server has received stay on the server.',
  },
  'settings.clear.blocked': {
    id: 'Belum bisa dihapus: {count} data belum terkirim atau ditolak server. Kirim atau perbaiki dulu, agar tidak hilang.',
    en: 'Cannot delete yet: {count} records are unsent or refused by the server. Send or correct them first so that nothing is lost.',
  },
  'settings.clear.word': { id: 'HAPUS', en: 'DELETE' },
  'settings.clear.confirm': { id: 'Ketik {word} untuk memastikan', en: 'Type {word} to confirm' },
  'settings.clear.action': { id: 'Hapus semua data', en: 'Delete all data' },
  'settings.clear.mismatch': { id: 'Ketik {word} persis seperti tertulis.', en: 'Type {word} exactly as shown.' },
};
