// Wire objects as a phone would send them, and small helpers to send them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { composeNik, type OpResult, type PullResponse, type ServerRegistration } from '../../../src/shared';

export const TANJUNGSARI = '32.14.16.2005';
export const SALEM = '32.14.16.2003';
export const NAGRI_KIDUL = '32.14.01.1001';
export const JATEN_BLITAR = '35.05.01.2001';

let counter = 0;
/** A valid, unique NIK (women's birth day + 40, like the real ones); 9,999 per birth day. */
export function nextNik(): string {
  const day = 1 + (Math.floor(counter / 9999) % 28);
  const serial = 1 + (counter % 9999);
  counter += 1;
  return composeNik({ regionCode: '32.14.16', birthDate: `1990-05-${String(day).padStart(2, '0')}`, sex: 'P', serial });
}

export type Wire = Record<string, unknown>;

export function registration(overrides: Wire = {}): Wire {
  return {
    id: randomUUID(),
    nik: nextNik(),
    fullName: 'Siti Aminah',
    birthDate: '1990-05-17',
    sex: 'P',
    villageCode: TANJUNGSARI,
    address: 'Kp. Cibening No. 5',
    rt: '3',
    rw: 12,
    occupation: 'petani',
    monthlyIncome: 1_000_000,
    fundingSource: 'dana-desa',
    coverageStart: '2025-03',
    coverageEnd: '2025-12',
    consent: { noticeVersion: '2025-01', at: '2025-03-01T08:00:00+07:00' },
    capturedAt: '2025-03-01T08:05:00+07:00',
    ...overrides,
  };
}

export const createOp = (reg: Wire, opId: string = randomUUID()): Wire => ({ opId, type: 'registration.create', registration: reg });
export const updateOp = (id: string, baseVersion: number, changes: Wire, opId: string = randomUUID()): Wire =>
  ({ opId, type: 'registration.update', id, baseVersion, changes });
export const voidOp = (id: string, reason = 'Pindah domisili', opId: string = randomUUID()): Wire =>
  ({ opId, type: 'registration.void', id, reason });
export const handoverOp = (registrationId: string, extra: Wire = {}, opId: string = randomUUID()): Wire => ({
  opId, type: 'card.handover', registrationId, handedAt: '2025-04-01T09:00:00+07:00', receiver: { kind: 'self' }, ...extra,
});

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Pushed {
  status: number;
  results: OpResult[];
  body: Record<string, unknown>;
}

export async function push(app: FastifyInstance, token: string, ops: Wire[], deviceId: string = randomUUID()): Promise<Pushed> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(token), payload: { deviceId, ops } });
  const body = res.json() as Record<string, unknown>;
  return { status: res.statusCode, results: (body.results ?? []) as OpResult[], body };
}

/** Pushes ops that must all apply; returns the registrations. */
export async function pushOk(app: FastifyInstance, token: string, ops: Wire[]): Promise<ServerRegistration[]> {
  const { status, results } = await push(app, token, ops);
  if (status !== 200) throw new Error(`push answered ${status}`);
  return results.map((r) => {
    if (r.status !== 'applied') throw new Error(`op rejected: ${r.code} ${JSON.stringify(r.details)}`);
    return r.registration;
  });
}

export async function pullAll(app: FastifyInstance, token: string, since = 0, limit?: number): Promise<PullResponse> {
  const q = limit === undefined ? `since=${since}` : `since=${since}&limit=${limit}`;
  const res = await app.inject({ method: 'GET', url: `/api/v1/sync/pull?${q}`, headers: auth(token) });
  if (res.statusCode !== 200) throw new Error(`pull answered ${res.statusCode}: ${res.body}`);
  return res.json() as PullResponse;
}

export function rejection(r: OpResult | undefined): { code: string; details?: unknown } {
  if (!r || r.status !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(r)}`);
  return { code: r.code, details: r.details };
}

export function applied(r: OpResult | undefined): ServerRegistration {
  if (!r || r.status !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(r)}`);
  return r.registration;
}

/** The same object with its keys in reverse order, at every depth: the same payload to rule 1. */
export function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  entries.reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reversedKeys(v)]));
}
