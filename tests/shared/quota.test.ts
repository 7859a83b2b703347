import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admits, quotaMeter } from '../../src/shared/quota';

const counts = fc.record({
  quota: fc.integer({ min: 0, max: 500 }),
  accepted: fc.integer({ min: 0, max: 500 }),
  waitlisted: fc.integer({ min: 0, max: 500 }),
});

describe('quotaMeter', () => {
  it('counts accepted plus pending here against the quota', () => {
    fc.assert(fc.property(counts, fc.integer({ min: 0, max: 500 }), (q, pending) => {
      const m = quotaMeter(q, pending);
      expect(m).toEqual({
        quota: q.quota,
        accepted: q.accepted,
        waitlisted: q.waitlisted,
        pendingHere: pending,
        used: q.accepted + pending,
        free: Math.max(0, q.quota - q.accepted - pending),
        full: q.accepted + pending >= q.quota,
      });
      // Full exactly when no slot is free; free never goes negative.
      expect(m.full).toBe(m.free === 0);
      expect(m.free).toBeGreaterThanOrEqual(0);
    }));
  });

  it('warns at the last slot, not one late', () => {
    expect(quotaMeter({ quota: 100, accepted: 98, waitlisted: 0 }, 1)).toMatchObject({ used: 99, free: 1, full: false });
    expect(quotaMeter({ quota: 100, accepted: 98, waitlisted: 0 }, 2)).toMatchObject({ used: 100, free: 0, full: true });
    expect(quotaMeter({ quota: 100, accepted: 100, waitlisted: 7 }, 3)).toMatchObject({ used: 103, free: 0, full: true });
  });
});

describe('admits', () => {
  it('admits exactly while fewer than quota are accepted', () => {
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (quota, accepted) => {
      expect(admits(quota, accepted)).toBe(accepted < quota);
    }));
  });

  it('arrivals one by one fill exactly min(arrivals, quota) slots', () => {
    fc.assert(fc.property(fc.nat(300), fc.nat(300), (quota, arrivals) => {
      let accepted = 0;
      let waitlisted = 0;
      for (let i = 0; i < arrivals; i++) {
        if (admits(quota, accepted)) accepted++;
        else waitlisted++;
      }
      expect(accepted).toBe(Math.min(arrivals, quota));
      expect(waitlisted).toBe(Math.max(0, arrivals - quota));
    }));
  });
});
