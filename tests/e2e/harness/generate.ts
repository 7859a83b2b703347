import { composeNik } from '../../../src/shared/nik';
import { districtOf } from '../../../src/shared/places/codes';
import { registrationSchema, type Registration } from '../../../src/shared/registration';

// Deterministic, valid registrations for volume tests: the same index always gives the same
// worker, so the test (in Node) knows what the page (in Chromium) stored without asking it.

const FIRST = [
  'SITI', 'AHMAD', 'DEWI', 'BUDI', 'NURUL', 'AGUS', 'SRI', 'DEDI', 'RINA', 'ASEP',
  'YANTI', 'UJANG', 'EUIS', 'CECEP', 'IMAS', 'DADANG', 'NENG', 'ENDANG', 'TATANG', 'ELI',
  'RAHMAT', 'LILIS', 'JAJANG', 'WAWAN', 'OMAH', 'IWAN', 'TITIN', 'MAMAT', 'ANI', 'KOMAR',
];
const LAST = [
  'AMINAH', 'SANTOSO', 'RAHAYU', 'HIDAYAT', 'KURNIASIH', 'SUPRIATNA', 'MULYANI', 'SETIAWAN',
  'NURHAYATI', 'SUHERMAN', 'SAEPUDIN', 'KARTIKA', 'HERMAWAN', 'MARLINA', 'SOLIHIN', 'ROHAETI',
  'GUNAWAN', 'FAUZIAH', 'RUSTANDI', 'SUMARNI', 'HALIMAH', 'SUPARMAN', 'YULIANTI', 'MAULANA',
];
const OCCUPATIONS = ['petani', 'buruh-tani', 'pedagang', 'buruh-bangunan', 'ojek', 'nelayan', 'peternak'] as const;

/** First and last names; every first name also comes with a middle one, so one-, two- and
 *  three-word prefixes all occur. */
export function workerName(i: number): string {
  const round = Math.floor(i / FIRST.length);
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[round % LAST.length] as string;
  if (round % 3 !== 0) return `${first} ${last}`;
  return `${first} ${LAST[(round * 7 + 3) % LAST.length] as string} ${last}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function workerId(i: number): string {
  return `00000000-0000-4000-8000-${pad(i, 12)}`;
}

/** Worker `i` of a generated village population, parsed by the shared schema (so: valid). */
export function generateRegistration(i: number, villageCodes: readonly string[]): Registration {
  const villageCode = villageCodes[i % villageCodes.length] as string;
  const sex = i % 2 === 0 ? 'L' : 'P';
  const birthDate = `${1965 + (i % 40)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`;
  return registrationSchema.parse({
    id: workerId(i),
    nik: composeNik({ regionCode: districtOf(villageCode), birthDate, sex, serial: 1 + Math.floor(i / 2) }),
    fullName: workerName(i),
    birthDate,
    sex,
    villageCode,
    address: `Kp. Sukamaju No. ${1 + (i % 90)}`,
    rt: String(1 + (i % 12)),
    rw: String(1 + (i % 6)),
    occupation: OCCUPATIONS[i % OCCUPATIONS.length],
    monthlyIncome: 1_000_000 + (i % 5) * 500_000,
    fundingSource: 'apbd-kabupaten',
    coverageStart: '2025-03',
    coverageEnd: '2025-12',
    consent: { noticeVersion: '2025-01', at: '2025-03-03T01:00:00Z' },
    capturedAt: '2025-03-03T01:00:00Z',
  });
}
