import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { openDb, type Desa100Db } from '../../../src/client/db/schema';
import { setMeta } from '../../../src/client/db/meta';
import { I18nProvider } from '../../../src/client/i18n';
import type { FetchFn } from '../../../src/client/features/coordinator/api';
import type { QuotaBoard, ServerRegistration } from '../../../src/shared/protocol';
import { composeNik } from '../../../src/shared/nik';

// Helpers for the coordinator and handover tests: a database per test, an enrolled phone,
// and a scripted server that records every request it is sent.

// The test machines are shared and busy: an IndexedDB round trip can take well over the
// default second. Waiting longer costs nothing when things are fast.
configure({ asyncUtilTimeout: 5000 });

export function freshDb(): Desa100Db {
  return openDb(`test-${crypto.randomUUID()}`);
}

export const TOKEN = 'test-token-coordinator';
export const DEVICE_ID = '5b0d3c1e-9a43-4c1e-8f64-2c1f1d7a0001';

export async function enrol(db: Desa100Db, role: 'coordinator' | 'operator' = 'coordinator', scope = '32.14'): Promise<void> {
  await setMeta(db, 'token', TOKEN);
  await setMeta(db, 'role', role);
  await setMeta(db, 'scope', scope);
  await setMeta(db, 'deviceId', DEVICE_ID);
  await setMeta(db, 'deviceName', 'HP Meja 1');
}

export interface SentRequest {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

export type Handler = (req: SentRequest) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>;

/** Routes are `METHOD /path` (query included when the key has one; else matched without it). */
export function fakeServer(routes: Record<string, Handler>): { fetchFn: FetchFn; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const req: SentRequest = {
      method,
      path: url.pathname + url.search,
      auth: headers.get('authorization'),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null,
    };
    sent.push(req);
    const handler = routes[`${method} ${url.pathname}${url.search}`] ?? routes[`${method} ${url.pathname}`];
    if (!handler) return new Response(JSON.stringify({ error: { code: 'not-found', message: 'no route' } }), { status: 404 });
    const { status = 200, body } = await handler(req);
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, sent };
}

export function renderId(ui: ReactElement): RenderResult {
  return render(<I18nProvider initial="id">{ui}</I18nProvider>);
}

/**
 * Two districts of Kab. Purwakarta, figures chosen so every filter keeps a different set.
 * Hand-computed: Pondoksalam 3 villages, quota 320, accepted 160, waitlisted 7, cards 50,
 * not yet handed over 60 + 0 + 50 = 110; Purwakarta 2 villages, quota 180, accepted 85,
 * waitlisted 0, cards 80, not yet handed over 5; regency 5, 500, 245, 7, 130, 115.
 */
export function boardFixture(): QuotaBoard {
  return {
    villages: [
      { villageCode: '32.14.01.1001', name: 'Nagri Kaler', district: 'Purwakarta', quota: 80, accepted: 80, waitlisted: 0, cardsHandedOver: 80 },
      { villageCode: '32.14.16.2005', name: 'Tanjungsari', district: 'Pondoksalam', quota: 100, accepted: 100, waitlisted: 7, cardsHandedOver: 40 },
      { villageCode: '32.14.16.2006', name: 'Gurudug', district: 'Pondoksalam', quota: 100, accepted: 0, waitlisted: 0, cardsHandedOver: 0 },
      { villageCode: '32.14.01.1002', name: 'Nagri Tengah', district: 'Purwakarta', quota: 100, accepted: 5, waitlisted: 0, cardsHandedOver: 0 },
      { villageCode: '32.14.16.2001', name: 'Bungurjaya', district: 'Pondoksalam', quota: 120, accepted: 60, waitlisted: 0, cardsHandedOver: 10 },
    ],
    totals: { villages: 5, quota: 500, accepted: 245, waitlisted: 7, cardsHandedOver: 130 },
  };
}

let serial = 1;

/** A server record as pull and the coordinator endpoints return it. */
export function serverRegistration(overrides: Partial<ServerRegistration> = {}): ServerRegistration {
  const n = serial++;
  return {
    id: crypto.randomUUID(),
    nik: composeNik({ regionCode: '32.14.16', birthDate: '1985-03-12', sex: 'L', serial: n }),
    fullName: `PEKERJA ${n}`,
    birthDate: '1985-03-12',
    sex: 'L',
    villageCode: '32.14.16.2005',
    address: 'Kp. Tanjungsari',
    rt: '001',
    rw: '002',
    occupation: 'petani',
    monthlyIncome: 1_000_000,
    fundingSource: 'apbd-kabupaten',
    coverageStart: '2025-03',
    coverageEnd: '2025-12',
    consent: { noticeVersion: '2025-01', at: '2025-03-01T08:00:00.000Z' },
    capturedAt: '2025-03-01T08:00:00.000Z',
    // The shared schema's output type names every optional field (absent = undefined).
    occupationOther: undefined,
    birthPlace: undefined,
    motherName: undefined,
    phone: undefined,
    kkNumber: undefined,
    maritalStatus: undefined,
    heir: undefined,
    status: 'accepted',
    version: 1,
    receivedAt: `2025-03-02T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2025-03-02T00:00:00.000Z',
    kpjNumber: null,
    card: null,
    seq: n,
    ...overrides,
  };
}
