import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/client/db';
import type { Rejection } from '../../../src/client/db';
import { RejectionReason } from '../../../src/client/features/roster/use-rejection-text';
import type { RegencyPlaces } from '../../../src/shared/places/codes';
import { placesFixture } from '../fixtures/places';
import { freshPhone, renderScreen } from './support';

// "NIK ini sudah terdaftar di desa 32.14.01.1001" told the operator nothing: the village is
// named from the place file the phone keeps (from enrolment on), offline too.

const duplicate = (villageCode: string): Rejection => ({
  opId: crypto.randomUUID(), code: 'duplicate-nik', message: 'duplicate', details: { villageCode }, at: '2025-03-02T00:00:00.000Z',
});

describe('a duplicate NIK names the other village', () => {
  beforeEach(async () => {
    await freshPhone();
  });

  it('by name when the phone keeps its regency’s places', async () => {
    await db.places.put({ ...(placesFixture('/places/32.14.json') as RegencyPlaces), cachedAt: '2025-03-01T00:00:00.000Z' });
    renderScreen(<p data-testid="reason"><RejectionReason rejection={duplicate('32.14.01.1001')} /></p>);
    expect(await screen.findByText(
      'NIK ini sudah terdaftar di desa Nagri Kidul, Kec. Purwakarta. Satu NIK hanya boleh terdaftar sekali.',
    )).toBeTruthy();
  });

  it('by code when the village is not in a kept file', async () => {
    renderScreen(<p data-testid="reason"><RejectionReason rejection={duplicate('35.05.01.2001')} /></p>);
    expect(screen.getByTestId('reason').textContent).toBe(
      'NIK ini sudah terdaftar di desa 35.05.01.2001. Satu NIK hanya boleh terdaftar sekali.',
    );
  });
});
