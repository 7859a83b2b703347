import type { Messages } from '../types';

// Device enrolment (/enrol): redeeming a coordinator's code for this phone's token.
export const device: Messages = {
  'device.title': { id: 'Daftarkan ponsel ini', en: 'Enrol this phone' },
  'device.intro': {
    id: 'Pindai kode QR dari koordinator, atau ketik kodenya. Sekali saja per ponsel; perlu sinyal.',
    en: 'Scan the coordinator’s QR code, or type the code. Once per phone; needs signal.',
  },
  'device.code': { id: 'Kode pendaftaran', en: 'Enrolment code' },
  'device.code.hint': {
    id: 'Huruf besar/kecil, spasi dan tanda hubung tidak berpengaruh.',
    en: 'Upper or lower case, spaces and dashes do not matter.',
  },
  'device.code.given': {
    id: 'Kode dari tautan sudah terisi. Beri nama ponsel ini agar koordinator mengenalinya, lalu tekan Daftarkan.',
    en: 'The code from the link is filled in. Give this phone a name the coordinator will recognise, then press Enrol.',
  },
  'device.name': { id: 'Nama ponsel', en: 'Phone name' },
  'device.name.hint': {
    id: 'Agar koordinator mengenali ponsel ini, mis. "HP Kaur Pemerintahan".',
    en: 'So the coordinator recognises this phone, e.g. "Village secretary’s phone".',
  },
  'device.submit': { id: 'Daftarkan', en: 'Enrol' },
  'device.enrolling': { id: 'Mendaftarkan ponsel…', en: 'Enrolling the phone…' },
  'device.scan': { id: 'Pindai kode QR', en: 'Scan the QR code' },
  'device.scan.stop': { id: 'Tutup kamera', en: 'Close the camera' },
  'device.scan.hint': { id: 'Arahkan kamera ke kode QR.', en: 'Point the camera at the QR code.' },
  'device.scan.video': { id: 'Gambar kamera', en: 'Camera picture' },
  'device.done': { id: 'Ponsel terdaftar', en: 'Phone enrolled' },
  'device.done.body': {
    id: 'Ponsel ini terdaftar sebagai {role} untuk {scope}. Data akan disinkronkan otomatis.',
    en: 'This phone is enrolled as {role} for {scope}. Records will sync automatically.',
  },
  'device.continue': { id: 'Lanjut', en: 'Continue' },
  'device.current': { id: 'Terdaftar sebagai {role} untuk {scope}.', en: 'Enrolled as {role} for {scope}.' },
  'device.place.code': { id: 'wilayah {code}', en: 'area {code}' },
  'device.place.province': { id: 'Provinsi {name}', en: '{name} province' },
  'device.place.district': { id: 'Kec. {name}, {regency}', en: '{name} district, {regency}' },
  'device.place.desa': { id: 'Desa {name}, Kec. {district}, {regency}', en: '{name} village, {district} district, {regency}' },
  'device.place.kelurahan': { id: 'Kelurahan {name}, Kec. {district}, {regency}', en: '{name} kelurahan, {district} district, {regency}' },
  'device.current.none': { id: 'Ponsel ini belum terdaftar.', en: 'This phone is not enrolled yet.' },
  'device.again': {
    id: 'Mendaftar ulang mengganti token ponsel ini. Data yang belum terkirim tetap aman.',
    en: 'Enrolling again replaces this phone’s token. Unsent records stay safe.',
  },
  'device.role.operator': { id: 'operator desa', en: 'village operator' },
  'device.role.coordinator': { id: 'koordinator', en: 'coordinator' },
  'device.role.admin': { id: 'admin', en: 'admin' },
  'device.scope.all': { id: 'semua wilayah', en: 'all areas' },
  'device.error.empty-code': { id: 'Masukkan kode pendaftaran.', en: 'Enter the enrolment code.' },
  'device.error.empty-name': { id: 'Isi nama ponsel.', en: 'Enter a name for the phone.' },
  'device.error.invalid-code': {
    id: 'Kode tidak dikenal, sudah dipakai, atau kedaluwarsa. Minta kode baru ke koordinator.',
    en: 'The code is unknown, already used or expired. Ask the coordinator for a new one.',
  },
  'device.error.rate-limited': {
    id: 'Terlalu banyak percobaan yang gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  'device.error.offline': { id: 'Perlu sinyal untuk mendaftarkan perangkat.', en: 'Enrolling the device needs signal.' },
  'device.error.lost-answer': {
    id: 'Jawaban server tidak sampai. Coba lagi; bila kode lalu ditolak, minta kode baru ke koordinator.',
    en: 'The server’s answer did not arrive. Try again; if the code is then refused, ask for a new one.',
  },
  'device.error.server': {
    id: 'Server sedang bermasalah. Coba lagi beberapa saat lagi.',
    en: 'The server has a problem. Try again in a moment.',
  },
  'device.error.storage': {
    id: 'Pendaftaran tidak dapat disimpan di ponsel. Kosongkan ruang penyimpanan, lalu coba lagi.',
    en: 'The enrolment could not be stored on the phone. Free some storage, then try again.',
  },
  'device.camera.denied': {
    id: 'Izin kamera ditolak. Izinkan kamera untuk situs ini di pengaturan browser, atau ketik kodenya.',
    en: 'Camera permission was refused. Allow the camera for this site in the browser settings, or type the code.',
  },
  'device.camera.absent': {
    id: 'Kamera tidak tersedia di ponsel atau browser ini. Ketik kodenya.',
    en: 'No camera is available on this phone or browser. Type the code.',
  },
  'device.camera.busy': {
    id: 'Kamera sedang dipakai aplikasi lain. Tutup aplikasi itu, atau ketik kodenya.',
    en: 'Another app is using the camera. Close it, or type the code.',
  },
  'device.camera.not-enrolment': {
    id: 'Kode QR ini bukan kode pendaftaran ponsel. Pindai kode dari koordinator.',
    en: 'This QR code is not a phone enrolment code. Scan the coordinator’s code.',
  },
};
