import type { Messages } from '../types';

// The village quota meter: the server's last word plus what waits on this phone.
export const quota: Messages = {
  'quota.title': { id: 'Kuota desa', en: 'Village quota' },
  'quota.title.village': { id: 'Kuota Desa {village}', en: '{village} village quota' },
  'quota.loading': { id: 'Menghitung kuota…', en: 'Counting the quota…' },
  'quota.used': { id: '{used} dari {quota} terpakai', en: '{used} of {quota} used' },
  'quota.used.default': {
    id: '{used} dari {quota} terpakai (kuota bawaan sampai sinkron pertama)',
    en: '{used} of {quota} used (default quota until the first sync)',
  },
  'quota.accepted': { id: 'Diterima (sinkron terakhir)', en: 'Accepted (last sync)' },
  'quota.pending': { id: 'Menunggu kirim dari ponsel ini', en: 'Waiting to be sent from this phone' },
  'quota.waitlisted': { id: 'Cadangan', en: 'Waitlisted' },
  'quota.free': { id: 'Sisa kuota', en: 'Slots left' },
  'quota.full': {
    id: 'Kuota penuh. Pendaftaran baru tetap disimpan, tetapi masuk daftar cadangan.',
    en: 'Quota full. New registrations are still saved, but waitlisted.',
  },
  'quota.never-synced': {
    id: 'Belum pernah sinkron: memakai kuota bawaan {quota}.',
    en: 'Never synced: using the default quota of {quota}.',
  },
  'quota.synced-at': { id: 'Sinkron terakhir {time}', en: 'Last synced {time}' },
};
