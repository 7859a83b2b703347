import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import type { RegionBoard } from '../../../src/shared/protocol';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

// A province's or the country's board is summed by region (GET /quotas?level=): one level per
// request, never the tens of thousands of villages of the whole scope at once.

const regions = (level: RegionBoard['level'], list: Array<[string, string, number]>): RegionBoard => ({
  level,
  regions: list.map(([code, name, accepted]) => ({ code, name, villages: 10, quota: 1000, accepted, waitlisted: 0, cardsHandedOver: 0 })),
  totals: { villages: 10 * list.length, quota: 1000 * list.length, accepted: list.reduce((n, r) => n + r[2], 0), waitlisted: 0, cardsHandedOver: 0 },
});

/** The board's requests only (the protection-period form asks for its own). */
const quotaRequests = <T extends { path: string }>(sent: T[]) => sent.filter((r) => r.path.startsWith('/api/v1/quotas'));

function server() {
  return fakeServer({
    'GET /api/v1/quotas?level=province': () => ({ body: regions('province', [['32', 'JAWA BARAT', 245], ['35', 'JAWA TIMUR', 12]]) }),
    'GET /api/v1/quotas?level=regency&scope=32': () => ({ body: regions('regency', [['32.14', 'KABUPATEN PURWAKARTA', 245], ['32.15', 'KABUPATEN KARAWANG', 0]]) }),
    'GET /api/v1/quotas?scope=32.14': () => ({ body: boardFixture() }),
  });
}

describe('the board above a regency', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it("drills from the country to a province to a regency's villages, and back, one level per request", async () => {
    window.history.replaceState(null, '', '/koordinator');
    const db = freshDb();
    await enrol(db, 'coordinator', '*');
    const { fetchFn, sent } = server();
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();

    await screen.findByRole('link', { name: 'JAWA BARAT' });
    expect(screen.getByText(/10 desa · kuota 1\.000 · diterima 245/)).toBeTruthy();
    // The village list of the whole country is never asked for.
    expect(quotaRequests(sent).map((r) => r.path)).toEqual(['/api/v1/quotas?level=province']);

    await user.click(screen.getByRole('link', { name: 'JAWA BARAT' }));
    await user.click(await screen.findByRole('link', { name: 'KABUPATEN PURWAKARTA' }));
    // The regency's own board: its villages, as a regency coordinator sees them.
    await screen.findByText('Tanjungsari');
    expect(quotaRequests(sent).map((r) => r.path)).toContain('/api/v1/quotas?scope=32.14');
    expect(quotaRequests(sent).some((r) => r.path === '/api/v1/quotas' || r.path === '/api/v1/quotas?scope=32')).toBe(false);

    await user.click(screen.getByRole('link', { name: /Kembali ke wilayah di atasnya/ }));
    await screen.findByRole('link', { name: 'KABUPATEN KARAWANG' });
    await user.click(screen.getByRole('link', { name: /Kembali ke wilayah di atasnya/ }));
    await screen.findByRole('link', { name: 'JAWA TIMUR' });
    await act(async () => {});
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('a region outside the coordinator scope in the URL is ignored', async () => {
    window.history.replaceState(null, '', '/koordinator?wilayah=35');
    const db = freshDb();
    await enrol(db, 'coordinator', '32');
    const { fetchFn, sent } = server();
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    await screen.findByRole('link', { name: 'KABUPATEN PURWAKARTA' });
    expect(quotaRequests(sent).map((r) => r.path)).toEqual(['/api/v1/quotas?level=regency&scope=32']);
  });
});
