import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { composeNik } from '../../../src/shared/nik';
import { boardFixture, enrol, fakeServer, freshDb, renderId, serverRegistration } from './helpers';

// Revision 2, R4: a KPJ number belongs to one live registration. The server refuses a second
// holder with `kpj-taken`, naming the holder's village when it lies inside the caller's scope.

const CODE = '32.14.16.2005';
const nik = (serial: number) => composeNik({ regionCode: '32.14.16', birthDate: '1990-07-01', sex: 'L', serial });

/** Types a KPJ number on the village page against a server answering `kpj-taken`. */
async function refusedKpj(details?: { villageCode: string }) {
  const reg = serverRegistration({ fullName: 'ASEP SUNANDAR' });
  const db = freshDb();
  await enrol(db);
  const { fetchFn } = fakeServer({
    'GET /api/v1/quotas': () => ({ body: boardFixture() }),
    [`GET /api/v1/villages/${CODE}/registrations`]: () => ({ body: { registrations: [reg] } }),
    [`PUT /api/v1/registrations/${reg.id}/kpj`]: () => ({
      status: 409, body: { error: { code: 'kpj-taken', message: 'kpj held', details } },
    }),
  });
  renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Catat KPJ ASEP SUNANDAR' }));
  await user.type(screen.getByRole('textbox', { name: 'Nomor KPJ ASEP SUNANDAR' }), '25012345678');
  await user.click(screen.getByRole('button', { name: 'Simpan' }));
  return (await screen.findByRole('alert')).textContent;
}

describe('a KPJ number already held by another worker', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', `/koordinator?desa=${CODE}`);
  });

  it('"Catat KPJ" says so in Indonesian, naming the village that holds it', async () => {
    expect(await refusedKpj({ villageCode: '32.14.16.2006' })).toBe(
      'Nomor KPJ 25012345678 sudah dipakai peserta lain di Desa Gurudug, Kec. Pondoksalam. Periksa lagi nomor di kartu.',
    );
  });

  it('"Catat KPJ" without a village named still explains the refusal', async () => {
    expect(await refusedKpj()).toBe('Nomor KPJ 25012345678 sudah dipakai peserta lain. Periksa lagi nomor di kartu.');
  });

  it('the import report shows the KPJ number and the village holding it', async () => {
    window.history.replaceState(null, '', '/koordinator?tab=kpj');
    const db = freshDb();
    await enrol(db);
    const { fetchFn } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'POST /api/v1/kpj/import': (req) => {
        const rows = (req.body as { rows: Array<{ nik: string }> }).rows;
        return {
          body: {
            matched: [],
            unmatched: [
              { nik: rows[0]?.nik, reason: 'kpj-taken', villageCode: '32.14.16.2006' },
              { nik: rows[1]?.nik, reason: 'kpj-taken' },
            ],
            invalid: [],
          },
        };
      },
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Atau tempel isinya di sini' });
    await user.click(box);
    await user.paste(`${nik(1)};25012345678\n${nik(2)};25012345679\n`);
    await user.click(screen.getByRole('button', { name: 'Periksa' }));
    await user.click(screen.getByRole('button', { name: 'Kirim 2 baris' }));
    const report = await screen.findByRole('region', { name: 'Laporan impor KPJ' });
    const table = within(report).getByRole('table', { name: 'NIK yang tidak cocok' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('25012345678');
    expect(rows[0]).toContain('Nomor KPJ ini sudah dipakai peserta lain di Desa Gurudug, Kec. Pondoksalam.');
    expect(rows[1]).toContain('25012345679');
    expect(rows[1]).toContain('Nomor KPJ ini sudah dipakai peserta lain.');
  });
});
