// Indonesian labels for the XLSX export, which people open in a spreadsheet: "Petani", not
// "petani"; "APBD Kabupaten/Kota", not "apbd-kabupaten". The CSV keeps the contract's codes
// (systems read it). The same words as the enrolment form's (src/client/i18n/messages/enrol.ts;
// tests/server/export-labels.test.ts keeps the two equal).
import type { FundingSource, Occupation, ServerRegistration } from '../shared';

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  petani: 'Petani', 'buruh-tani': 'Buruh tani', pekebun: 'Pekebun', peternak: 'Peternak',
  nelayan: 'Nelayan', pedagang: 'Pedagang', 'buruh-bangunan': 'Buruh bangunan', ojek: 'Ojek',
  sopir: 'Sopir', pengrajin: 'Pengrajin', 'asisten-rumah-tangga': 'Asisten rumah tangga',
  'rt-rw': 'Ketua/pengurus RT/RW', marbot: 'Marbot masjid', 'guru-ngaji': 'Guru ngaji', lainnya: 'Lainnya',
};

export const FUNDING_LABELS: Record<FundingSource, string> = {
  'apbd-provinsi': 'APBD Provinsi', 'apbd-kabupaten': 'APBD Kabupaten/Kota', 'dana-desa': 'Dana Desa',
  dbhcht: 'DBHCHT (cukai hasil tembakau)', csr: 'CSR perusahaan', mandiri: 'Mandiri (bayar sendiri)',
};

/** The occupation as a person reads it: "Lainnya: Tukang cukur" for a free-text one. */
export function occupationLabel(r: Pick<ServerRegistration, 'occupation' | 'occupationOther'>): string {
  const label = OCCUPATION_LABELS[r.occupation];
  return r.occupation === 'lainnya' && r.occupationOther ? `${label}: ${r.occupationOther}` : label;
}
