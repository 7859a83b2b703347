import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdGenerator, newId, newRecordId, uuid } from '../../src/shared';
import * as z from 'zod/mini';

const gzipped = (ids: string[]) => gzipSync(JSON.stringify(ids.map((opId) => ({ opId })))).length;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fixedSource(times: number[], fill = 0xab) {
  let i = 0;
  return {
    now: () => times[Math.min(i++, times.length - 1)] as number,
    random: (bytes: Uint8Array) => bytes.fill(fill),
  };
}

describe('ids made on the phone (UUIDv7)', () => {
  it('are RFC 9562 version-7 UUIDs that the wire schema accepts, with the time in the first 48 bits', () => {
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(z.safeParse(uuid, id).success).toBe(true);
    const ms = Date.parse('2026-12-07T13:00:00.123Z');
    const made = createIdGenerator(fixedSource([ms]))();
    expect(parseInt(made.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    expect(made).toMatch(UUID_V7);
  });

  it('strictly increase within a millisecond, past 4,096 in one, and when the clock steps back', () => {
    const ms = Date.parse('2026-12-07T13:00:00.000Z');
    const times = [ms, ms, ms - 5_000, ...Array.from({ length: 5000 }, () => ms), ms + 10_000];
    const next = createIdGenerator(fixedSource(times));
    const ids = times.map(() => next());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The clock went back 5 s: the ids kept the last time instead.
    expect(ids[2]!.slice(0, 13)).toBe(ids[0]!.slice(0, 13));
  });

  it('two generators with different random bits never make the same id, even at the same instant', () => {
    const ms = Date.parse('2026-12-07T13:00:00.000Z');
    const a = createIdGenerator(fixedSource([ms], 0x11));
    const b = createIdGenerator(fixedSource([ms], 0x22));
    const ids = Array.from({ length: 100 }, () => [a(), b()]).flat();
    expect(new Set(ids).size).toBe(200);
    expect(new Set(Array.from({ length: 1000 }, newId)).size).toBe(1000);
  });

  it('compress far better than random v4 ids in a batch (the reason they exist)', () => {
    const next = createIdGenerator();
    const v7 = Array.from({ length: 500 }, next);
    const v4 = Array.from({ length: 500 }, () => randomUUID());
    expect(gzipped(v7)).toBeLessThan(gzipped(v4) / 2);
  });

  it('registration ids draw their own random bits: one seen id does not give away the next', () => {
    const ms = Date.parse('2026-12-07T13:00:00.000Z');
    let draw = 0;
    const source = { now: () => ms, random: (bytes: Uint8Array) => bytes.fill(++draw) };
    const next = createIdGenerator(source, { perId: true });
    const [a, b] = [next(), next()];
    expect(a).toMatch(UUID_V7);
    expect(a!.slice(19)).not.toBe(b!.slice(19));
    // The page's own: consecutive ids share nothing past the timestamp and counter.
    const [c, d] = [newRecordId(), newRecordId()];
    expect(c).toMatch(UUID_V7);
    expect(c!.slice(20)).not.toBe(d!.slice(20));
    // Op ids of one page still share theirs (they compress; they are per token, R2).
    const [e, f] = [newId(), newId()];
    expect(e!.slice(19)).toBe(f!.slice(19));
  });
});
