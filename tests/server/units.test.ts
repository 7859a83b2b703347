// Small pieces with rules of their own: canonical JSON, CSV cells, rate limits, encodings, env.
import { describe, expect, it } from 'vitest';
import { FailureLimiter, WindowLimiter } from '../../src/server/auth/rate-limit';
import { negotiate } from '../../src/server/compression';
import { csvCell, csvRow } from '../../src/server/csv';
import { readEnv } from '../../src/server/env';
import { canonicalJson, payloadHash } from '../../src/server/sync/canonical';
import { chunkRows } from '../../src/server/store/db';
import { BACKENDS, disposeLocation, newLocation, openAt } from './support/harness';

describe('canonical JSON (idempotency payloads)', () => {
  it('ignores key order at every depth, but not array order or values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(payloadHash({ opId: 'x', type: 't', n: [1, 2] })).toBe(payloadHash({ n: [1, 2], type: 't', opId: 'y' }));
    expect(payloadHash({ type: 't', n: [1, 2] })).not.toBe(payloadHash({ type: 't', n: [2, 1] }));
    expect(payloadHash({ type: 't', n: '1' })).not.toBe(payloadHash({ type: 't', n: 1 }));
  });
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(1_000_000)).toBe('1000000');
    expect(csvRow(['a', undefined, 'b'])).toBe('a,,b\r\n');
  });
});

describe('rate limiters', () => {
  it('counts hits per key in fixed windows', () => {
    const limiter = new WindowLimiter(3, 60_000);
    expect([1, 2, 3].map(() => limiter.hit('a', 1000))).toEqual([0, 0, 0]);
    expect(limiter.hit('a', 31_000)).toBe(30);
    expect(limiter.hit('b', 31_000)).toBe(0);
    expect(limiter.hit('a', 61_000)).toBe(0);
  });

  it('blocks after N failures in a sliding window until the oldest ages out', () => {
    const limiter = new FailureLimiter(2, 600_000);
    limiter.fail('ip', 0);
    expect(limiter.blocked('ip', 1)).toBe(0);
    limiter.fail('ip', 100_000);
    expect(limiter.blocked('ip', 100_000)).toBe(500);
    expect(limiter.blocked('ip', 600_000)).toBe(0);
    expect(limiter.blocked('other', 100_000)).toBe(0);
  });
});

describe('Accept-Encoding negotiation', () => {
  it('prefers brotli, honours q=0, ignores unknown encodings', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiate('gzip, br;q=0')).toBe('gzip');
    expect(negotiate('identity')).toBeUndefined();
    expect(negotiate(undefined)).toBeUndefined();
  });
});

describe('env', () => {
  it('has the contract defaults and refuses bad values with every problem named', () => {
    expect(readEnv({})).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info', trustProxy: false });
    expect(readEnv({ DATA_DIR: 'x' }).dataDir).toMatch(/\/x$/);
    expect(readEnv({ DATABASE_URL: 'postgres://u@h/db', PORT: '9000' })).toMatchObject({ databaseUrl: 'postgres://u@h/db', port: 9000 });
    expect(() => readEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});

describe('bulk statements', () => {
  it('chunks rows under each dialect bind-parameter limit', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ a: i, b: i, c: i, d: i, e: i, f: i, g: i, h: i, i, j: i, k: i, l: i, m: i, n: i, o: i }));
    const sqlite = chunkRows('sqlite', rows);
    expect(Math.max(...sqlite.map((c) => c.length * 15))).toBeLessThanOrEqual(32_766);
    expect(sqlite.flat()).toHaveLength(5000);
    expect(Math.max(...chunkRows('postgres', rows).map((c) => c.length * 15))).toBeLessThanOrEqual(65_535);
  });
});

describe.each(BACKENDS)('migrations (%s)', (backend) => {
  it('run once, then again as a no-op', async () => {
    const loc = await newLocation(backend);
    try {
      // Separate processes open at once on PostgreSQL (separate pools here). One SQLite file is
      // opened by one Store per process: the server and the CLI are separate processes, which
      // the CLI tests cover.
      const first = backend === 'postgres' ? await Promise.all([openAt(loc), openAt(loc)]) : [await openAt(loc)];
      const versions = await first[0]?.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
      expect(versions?.map((v) => Number(v.version))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      await Promise.all(first.map((st) => st.close()));
      const again = await openAt(loc);
      expect(await again.db.selectFrom('schema_migrations').select('version').execute()).toHaveLength(8);
      await again.close();
    } finally {
      await disposeLocation(loc);
    }
  });
});
