import type { Messages } from '../types';

// Why the server refused a record (`rejection.<code>`, the codes of src/shared/errors.ts): said by
// the roster, a record's detail and the enrol form when it reopens a refused record.
export const rejection: Messages = {
  'rejection.duplicate-nik': {
    id: 'NIK ini sudah terdaftar di desa {village}. Satu NIK hanya boleh terdaftar sekali.',
    en: 'This NIK is already registered in village {village}. A NIK can be registered only once.',
  },
  'rejection.village': { id: '{name}, Kec. {district}', en: '{name}, {district} district' },
  // Each field's text ends with its own full stop.
  'rejection.invalid': { id: 'Isian tidak valid — {fields}', en: 'Invalid fields — {fields}' },
  'rejection.invalid-unknown': { id: 'Isian tidak valid.', en: 'Some fields are invalid.' },
  'rejection.forbidden-village': {
    id: 'Desa ini di luar wilayah ponsel ini: ponsel ini hanya boleh mengirim data untuk desanya sendiri.',
    en: 'This village is outside this phone’s area: the phone may send records for its own village only.',
  },
  'rejection.not-found': {
    id: 'Server tidak mengenal data ini (mungkin sudah dihapus di server).',
    en: 'The server does not know this record (it may have been removed there).',
  },
  'rejection.version-conflict': {
    id: 'Data ini sudah diubah di tempat lain. Periksa datanya, lalu kirim ulang.',
    en: 'This record was changed elsewhere. Check it, then send again.',
  },
  'rejection.op-conflict': {
    id: 'Kiriman bentrok dengan kiriman sebelumnya. Kirim ulang.',
    en: 'The sending clashed with an earlier one. Send again.',
  },
  'rejection.not-accepted': {
    id: 'Kartu hanya dapat diserahkan untuk peserta yang diterima; peserta ini belum diterima.',
    en: 'A card can be handed over only for an accepted worker; this worker is not accepted.',
  },
  'rejection.already-handed-over': {
    id: 'Kartu ini sudah diserahkan sebelumnya.',
    en: 'This card was already handed over.',
  },
  // Revision 2, R5: the server holds another worker's record under this record's id.
  'rejection.id-conflict': {
    id: 'Server sudah menyimpan data pekerja lain dengan kode data yang sama, jadi data ini tidak dapat diterima. Buang data ini dari ponsel, lalu daftarkan pekerja ini lagi bila perlu.',
    en: 'The server already holds another worker’s record under this record’s id, so it cannot be accepted. Discard it from this phone, then enrol the worker again if needed.',
  },
  'rejection.already-voided': { id: 'Data ini sudah dibatalkan.', en: 'This record was already voided.' },
  // Not a server code: the server failed on this record every time (src/client/sync/quarantine.ts).
  'rejection.quarantined': {
    id: 'Server tidak dapat memproses data ini. Data tetap tersimpan di ponsel ini.',
    en: 'The server cannot process this record. It stays saved on this phone.',
  },
};
