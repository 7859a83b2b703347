// Deterministic seed data for benchmarks and end-to-end tests: valid wire registrations (they
// parse unchanged through the shared `registrationSchema`), with real NIKs built by composeNik.
// Pure TypeScript: the browser bench pages generate the same records as Node from the same seed.
import {
  FUNDING_SOURCES, MARITAL_STATUSES, OCCUPATIONS, composeNik, type Registration,
} from '../../src/shared';

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

const HEX = '0123456789abcdef';
/** A version-4-shaped UUID drawn from `rng` (crypto.randomUUID would not be reproducible). */
export function uuidFrom(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 32; i++) {
    let n = Math.floor(rng() * 16);
    if (i === 12) n = 4;
    else if (i === 16) n = 8 + (n & 3);
    s += HEX[n];
    if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
  }
  return s;
}

const GIVEN_L = ['Asep', 'Dedi', 'Ujang', 'Budi', 'Agus', 'Iwan', 'Cecep', 'Dadang', 'Yayan', 'Eko', 'Rahmat', 'Hendra', 'Jajang', 'Wawan', 'Endang'];
const GIVEN_P = ['Siti', 'Euis', 'Neng', 'Ani', 'Dewi', 'Yuyun', 'Lilis', 'Nining', 'Rina', 'Tati', 'Aminah', 'Nur', 'Imas', 'Enok', 'Sri'];
const FAMILY = ['Saputra', 'Hidayat', 'Suryana', 'Rohmat', 'Kurniawan', 'Setiawan', 'Nugraha', 'Permana', 'Aminah', 'Sulastri', 'Rahayu', 'Wulandari', "Ma'ruf", 'Sopian', 'Maulana'];
const STREETS = ['Kp. Sukamaju', 'Kp. Cibeureum', 'Jl. Raya Desa', 'Dusun Karanganyar', 'Kp. Babakan', 'Jl. Pasir Angin', 'Blok Sawah'];
const TOWNS = ['Purwakarta', 'Bandung', 'Garut', 'Subang', 'Cianjur', 'Sumedang', 'Karawang', 'Bogor'];
const HEIRS = ['suami', 'istri', 'anak', 'orang-tua', 'saudara'] as const;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface SeedOptions {
  seed: number;
  count: number;
  /** Real dotted village codes to spread the records over (bench/lib/villages.ts). */
  villages: readonly string[];
  /** Coverage start month; ages are drawn so that every record is within 15-65 then. */
  coverageStart?: string;
  /** Every record's capture time falls in the 30 days before this instant. */
  capturedBefore?: string;
}

/**
 * `count` registrations, deterministic from `seed`, each with a NIK unique within the set.
 * Records cycle through `villages` in order, so any village count divides them evenly.
 */
export function* generateRegistrations(options: SeedOptions): Generator<Registration> {
  if (options.villages.length === 0) throw new Error('generateRegistrations: no villages');
  const rng = mulberry32(options.seed);
  const coverageStart = options.coverageStart ?? '2025-03';
  const startYear = Number(coverageStart.slice(0, 4));
  const before = Date.parse(options.capturedBefore ?? '2025-02-28T00:00:00Z');
  const niks = new Set<string>();
  // Optional fields left out are `undefined` keys (the schema's output type has them); JSON
  // drops them, so the wire bytes are what a phone would send.
  for (let i = 0; i < options.count; i++) {
    const villageCode = options.villages[i % options.villages.length] as string;
    const sex = rng() < 0.5 ? 'L' : 'P';
    // Born 20-60 years before the coverage year: always inside the 15-65 age range.
    const birthDate = `${startYear - int(rng, 20, 60)}-${pad(int(rng, 1, 12), 2)}-${pad(int(rng, 1, 28), 2)}`;
    let nik = '';
    do {
      nik = composeNik({ regionCode: villageCode.slice(0, 8), birthDate, sex, serial: int(rng, 1, 9999) });
    } while (niks.has(nik));
    niks.add(nik);
    const family = pick(rng, FAMILY);
    const fullName = `${pick(rng, sex === 'L' ? GIVEN_L : GIVEN_P)} ${family}`.toUpperCase();
    const capturedAt = new Date(before - int(rng, 60_000, 30 * 86_400_000)).toISOString();
    const occupation = pick(rng, OCCUPATIONS);
    const reg: Registration = {
      id: uuidFrom(rng),
      nik,
      fullName,
      birthDate,
      sex,
      villageCode,
      address: `${pick(rng, STREETS)} No. ${int(rng, 1, 200)}`,
      rt: pad(int(rng, 1, 15), 3),
      rw: pad(int(rng, 1, 9), 3),
      occupation,
      occupationOther: occupation === 'lainnya' ? 'Penjual jamu keliling' : undefined,
      monthlyIncome: int(rng, 20, 60) * 50_000,
      fundingSource: pick(rng, FUNDING_SOURCES),
      coverageStart,
      coverageEnd: `${startYear}-12`,
      consent: { noticeVersion: '2025-01', at: capturedAt },
      capturedAt,
      birthPlace: pick(rng, TOWNS),
      motherName: `${pick(rng, GIVEN_P)} ${pick(rng, FAMILY)}`.toUpperCase(),
      phone: `+628${int(rng, 11, 99)}${pad(int(rng, 0, 9_999_999), 7)}`,
      kkNumber: `${nik.slice(0, 6)}${pad(int(rng, 1, 9_999_999_999), 10)}`,
      maritalStatus: pick(rng, MARITAL_STATUSES),
      heir: { name: `${pick(rng, GIVEN_P)} ${family}`.toUpperCase(), relationship: pick(rng, HEIRS), phone: undefined },
    };
    yield reg;
  }
}

/** The same records as an array. */
export function seedRegistrations(options: SeedOptions): Registration[] {
  return [...generateRegistrations(options)];
}
