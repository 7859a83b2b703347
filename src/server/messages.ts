// Human messages, Indonesian first then English. Clients act on codes; these are for people
// reading a response or a log, so they never contain personal data (no NIKs, no names).
import type { HttpErrorCode, RejectionCode } from '../shared';

export const HTTP_MESSAGES: Record<HttpErrorCode, string> = {
  'invalid-request': 'Permintaan tidak valid / Invalid request',
  unauthenticated: 'Token tidak ada atau tidak berlaku / Missing or invalid token',
  forbidden: 'Tidak diizinkan untuk peran atau wilayah ini / Not allowed for this role or scope',
  'not-found': 'Tidak ditemukan / Not found',
  'payload-too-large': 'Data terlalu besar (maks. 5 MiB) / Request body too large (max 5 MiB)',
  'rate-limited': 'Terlalu banyak permintaan, coba lagi nanti / Too many requests, try again later',
  'invalid-code': 'Kode pendaftaran perangkat salah, sudah dipakai, atau kedaluwarsa / Enrolment code unknown, used or expired',
  'quota-below-accepted': 'Kuota tidak boleh di bawah jumlah yang sudah diterima / Quota cannot be below the number already accepted',
  internal: 'Kesalahan server / Internal server error',
  'not-accepted': 'Pendaftaran ini tidak berstatus diterima / This registration is not accepted',
  'already-voided': 'Pendaftaran sudah dibatalkan / Registration already voided',
  'kpj-taken': 'Nomor KPJ ini sudah dipakai pendaftaran lain / This KPJ number is held by another registration',
};

export function rejectionMessage(code: RejectionCode, villageCode?: string): string {
  switch (code) {
    case 'invalid':
      return 'Data tidak valid, periksa kolom yang ditandai / Invalid data, check the named fields';
    case 'duplicate-nik':
      return `NIK sudah terdaftar di desa ${villageCode} / NIK already registered in village ${villageCode}`;
    case 'forbidden-village':
      return `Perangkat ini tidak berhak untuk desa ${villageCode} / This device may not act for village ${villageCode}`;
    case 'not-found':
      return 'Pendaftaran tidak ditemukan / Registration not found';
    case 'version-conflict':
      return 'Data sudah diubah di perangkat lain; muat ulang lalu ubah lagi / Changed elsewhere; reload and edit again';
    case 'op-conflict':
      return 'opId ini sudah dipakai untuk data lain / This opId was already used with a different payload';
    case 'not-accepted':
      return 'Kartu hanya untuk pendaftaran yang diterima / Cards are only for accepted registrations';
    case 'already-handed-over':
      return 'Kartu sudah diserahkan / Card already handed over';
    case 'already-voided':
      return 'Pendaftaran sudah dibatalkan / Registration already voided';
    case 'id-conflict':
      return 'Id pendaftaran ini sudah dipakai untuk NIK lain / This registration id is held with another NIK';
  }
}
