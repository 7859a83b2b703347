import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: two payloads equal as data give one string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The idempotency payload of an op (contract rule 1): everything but `opId`, key order ignored. */
export function payloadHash(op: Record<string, unknown>): string {
  const { opId: _opId, ...payload } = op;
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
