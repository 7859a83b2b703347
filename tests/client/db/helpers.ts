import { registrationSchema, type Registration } from '../../../src/shared/registration';
import { composeNik } from '../../../src/shared/nik';
import { openDb, type Desa100Db } from '../../../src/client/db';

/** A database of its own per test: no state leaks between tests. */
export function freshDb(): Desa100Db {
  return openDb(`test-${crypto.randomUUID()}`);
}

export const VILLAGE = '32.14.16.2005';

let serial = 1;

/** A valid registration, parsed by the shared schema as the form would produce it. */
export function makeRegistration(overrides: Partial<Record<keyof Registration, unknown>> = {}): Registration {
  const n = serial++;
  return registrationSchema.parse({
    id: crypto.randomUUID(),
    nik: composeNik({ regionCode: '32.14.16', birthDate: '1985-03-12', sex: 'L', serial: n }),
    fullName: `Budi Santoso ${String.fromCharCode(65 + (n % 26))}`,
    birthDate: '1985-03-12',
    sex: 'L',
    villageCode: VILLAGE,
    address: 'Kp. Tanjungsari',
    rt: '1',
    rw: '2',
    occupation: 'petani',
    monthlyIncome: 1_000_000,
    fundingSource: 'apbd-kabupaten',
    coverageStart: '2025-03',
    coverageEnd: '2025-12',
    consent: { noticeVersion: '2025-01', at: '2025-03-01T08:00:00Z' },
    capturedAt: '2025-03-01T08:00:00Z',
    ...overrides,
  });
}
