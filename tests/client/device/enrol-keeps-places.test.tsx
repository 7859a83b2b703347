import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnrolDeviceScreen } from '../../../src/client/features/device';
import { I18nProvider } from '../../../src/client/i18n';
import { resetPlaceIndex } from '../../../src/client/db/places';
import { enrolDevice } from '../../../src/client/features/device/enrol-device';
import { fetchPlacesFixture } from '../fixtures/places';
import { freshDb } from '../db/helpers';

// A phone enrolled at the office then used in a village with no signal must still name its
// places: enrolment keeps its regency's place file on the phone.

const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 201, headers: { 'Content-Type': 'application/json' } });
const identity = { deviceId: '2f1c3c4e-8a52-4c55-9a55-3b1f3d2b8e11', token: 'd100_secret', role: 'coordinator' };

describe('enrolment keeps the place file', () => {
  beforeEach(() => {
    resetPlaceIndex();
    vi.stubGlobal('fetch', fetchPlacesFixture);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(['32.14', '32.14.16', '32.14.16.2005'])('keeps the regency file for a phone of %s', async (scope) => {
    const db = freshDb();
    const outcome = await enrolDevice(
      { db, fetch: async () => answer({ ...identity, scope }) },
      { code: 'K7QFM2XD9P', deviceName: 'HP Kaur' },
    );
    expect(outcome.ok).toBe(true);
    await vi.waitFor(async () => expect((await db.places.get('32.14'))?.name).toBe('Kabupaten Purwakarta'));
  });

  it('enrols all the same when the place file cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 503 }));
    const db = freshDb();
    const outcome = await enrolDevice(
      { db, fetch: async () => answer({ ...identity, scope: '32.14' }) },
      { code: 'K7QFM2XD9P', deviceName: 'HP Kaur' },
    );
    expect(outcome.ok).toBe(true);
  });
});

describe('the enrolled phone says where it works, in names', () => {
  beforeEach(() => {
    resetPlaceIndex();
    vi.stubGlobal('fetch', fetchPlacesFixture);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['32.14.16.2005', 'Ponsel ini terdaftar sebagai operator desa untuk Desa Tanjungsari, Kec. Pondoksalam, Kabupaten Purwakarta.'],
    ['32.14', 'Ponsel ini terdaftar sebagai koordinator untuk Kabupaten Purwakarta.'],
  ])('%s', async (scope, text) => {
    const db = freshDb();
    const role = scope.length > 5 ? 'operator' : 'coordinator';
    render(
      <I18nProvider initial="id">
        <EnrolDeviceScreen code="K7QFM2XD9P" db={db} fetch={async () => answer({ ...identity, role, scope })} onEnrolled={() => undefined} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(await screen.findByText((_, el) => el?.tagName === 'P' && (el.textContent ?? '').startsWith(text))).toBeTruthy();
  });
});
