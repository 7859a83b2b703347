import { describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { createSyncStore } from '../../../src/client/db/sync-store';
import { coverageDefaults } from '../../../src/client/features/enrol/coverage-default';
import { freshDb } from './helpers';

// The programme's protection period arrives with the pull; the enrolment form starts from it.

describe('programme protection period on the phone', () => {
  it('is kept from a pull answer that carries one, and a malformed one is ignored', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    const page = { changes: [], cursor: 0, hasMore: false, quotas: [] };
    await store.applyPullPage({ ...page, period: { scope: '35.05', start: '2025-03', end: '2025-12' } }, '2025-03-02T00:00:00.000Z');
    expect(await getMeta(db, 'coveragePeriod')).toEqual({ scope: '35.05', start: '2025-03', end: '2025-12' });
    await store.applyPullPage({ ...page, period: { scope: '35.05', start: 'March', end: '2025-12' } }, '2025-03-03T00:00:00.000Z');
    expect(await getMeta(db, 'coveragePeriod')).toEqual({ scope: '35.05', start: '2025-03', end: '2025-12' });
  });

  it('gives the form the period, from this month on while the period runs', () => {
    const period = { scope: '35.05', start: '2025-03', end: '2025-12' };
    expect(coverageDefaults(period, new Date(2025, 1, 10))).toEqual({ coverageStart: '2025-03', coverageEnd: '2025-12' });
    expect(coverageDefaults(period, new Date(2025, 5, 10))).toEqual({ coverageStart: '2025-06', coverageEnd: '2025-12' });
    // After the period has ended the form still shows it: the operator sees it is over.
    expect(coverageDefaults(period, new Date(2026, 0, 10))).toEqual({ coverageStart: '2025-03', coverageEnd: '2025-12' });
    expect(coverageDefaults(undefined, new Date(2025, 5, 10))).toEqual({});
  });
});
