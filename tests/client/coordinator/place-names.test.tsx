import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetPlaceIndex } from '../../../src/client/db/places';
import type { RegencyPlaces } from '../../../src/shared/places/codes';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import type { DeviceInfo } from '../../../src/client/features/coordinator/endpoints';
import { fetchPlacesFixture, placesFixture } from '../fixtures/places';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

// People read names, not Kemendagri codes: "Wilayah: 32.14" means nothing at a village desk.

const device = (over: Partial<DeviceInfo>): DeviceInfo => ({
  deviceId: crypto.randomUUID(), name: 'HP', role: 'operator', scope: '32.14.16.2005',
  createdAt: '2025-03-01T00:00:00.000Z', lastSeenAt: null, revokedAt: null, ...over,
});

function server() {
  return fakeServer({
    'GET /api/v1/quotas': () => ({ body: boardFixture() }),
    'GET /api/v1/devices': () => ({
      body: {
        devices: [
          device({ name: 'HP Operator Tanjungsari', scope: '32.14.16.2005' }),
          device({ name: 'HP Camat', role: 'coordinator', scope: '32.14.16' }),
        ],
      },
    }),
  }).fetchFn;
}

describe('place names on the coordinator screens', () => {
  beforeEach(() => {
    resetPlaceIndex();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('names the region, the regency and the devices’ villages from the place file kept on the phone, offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    window.history.replaceState(null, '', '/koordinator');
    const db = freshDb();
    await enrol(db);
    await db.places.put({ ...(placesFixture('/places/32.14.json') as RegencyPlaces), cachedAt: '2025-03-01T00:00:00.000Z' });
    renderId(<CoordinatorScreen db={db} fetchFn={server()} />);

    expect(await screen.findByText('Wilayah: Kabupaten Purwakarta')).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Kabupaten Purwakarta' })).toBeTruthy();
  });

  it('names a regency from the place index when no file is kept yet', async () => {
    vi.stubGlobal('fetch', fetchPlacesFixture);
    window.history.replaceState(null, '', '/koordinator');
    const db = freshDb();
    await enrol(db);
    renderId(<CoordinatorScreen db={db} fetchFn={server()} />);
    expect(await screen.findByText('Wilayah: Kabupaten Purwakarta')).toBeTruthy();
  });

  it('shows each device’s region by name', async () => {
    vi.stubGlobal('fetch', fetchPlacesFixture);
    window.history.replaceState(null, '', '/koordinator?tab=devices');
    const db = freshDb();
    await enrol(db);
    renderId(<CoordinatorScreen db={db} fetchFn={server()} />);
    const row = (await screen.findByRole('rowheader', { name: 'HP Operator Tanjungsari' })).closest('tr') as HTMLElement;
    expect(await within(row).findByText('Desa Tanjungsari, Kec. Pondoksalam')).toBeTruthy();
    const camat = (await screen.findByRole('rowheader', { name: 'HP Camat' })).closest('tr') as HTMLElement;
    expect(within(camat).getByText('Kec. Pondoksalam')).toBeTruthy();
  });
});
