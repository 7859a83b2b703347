import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import type { DeviceInfo } from '../../../src/client/features/coordinator/endpoints';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

/** The devices tab against a server that mints one code, its village list loaded. */
async function openCodeForm() {
  const db = freshDb();
  await enrol(db);
  const { fetchFn, sent } = fakeServer({
    'GET /api/v1/quotas': () => ({ body: boardFixture() }),
    'GET /api/v1/devices': () => ({ body: { devices: [] } }),
    'POST /api/v1/enrolment-codes': () => ({
      status: 201,
      body: { code: 'ABCDEFGHJK', url: 'http://localhost/enrol?code=ABCDEFGHJK', expiresAt: '2025-03-11T00:00:00.000Z' },
    }),
  });
  renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
  const user = userEvent.setup();
  await screen.findByRole('option', { name: 'Tanjungsari' });
  return { sent, user };
}

describe('devices', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=devices');
  });

  it('creates a one-time code for an operator’s village, shown as a QR and a grouped short code', async () => {
    const { sent, user } = await openCodeForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Desa' }), '32.14.16.2005');
    await user.click(screen.getByRole('button', { name: 'Buat kode pendaftaran' }));

    const card = await screen.findByRole('article', { name: 'Kode pendaftaran HP Desa100' });
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ role: 'operator', scope: '32.14.16.2005' });
    expect(card.textContent).toContain('ABCD-EFGH-JK');
    expect(card.textContent).toContain('Operator desa: Desa Tanjungsari, Kec. Pondoksalam');
    const qr = await within(card).findByRole('img', { name: 'Kode QR pendaftaran HP' });
    expect(qr.getAttribute('data-qr')).toBe('http://localhost/enrol?code=ABCDEFGHJK');
  });

  it('lists enrolled phones and revokes one after a second look', async () => {
    const db = freshDb();
    await enrol(db);
    const devices: DeviceInfo[] = [{
      deviceId: '0a4c7d5e-1111-4c1e-8f64-2c1f1d7a0002', name: 'HP Operator Tanjungsari', role: 'operator',
      scope: '32.14.16.2005', createdAt: '2025-03-01T00:00:00.000Z', lastSeenAt: null, revokedAt: null,
    }];
    const { fetchFn, sent } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'GET /api/v1/devices': () => ({ body: { devices } }),
      'DELETE /api/v1/devices/0a4c7d5e-1111-4c1e-8f64-2c1f1d7a0002': () => {
        devices[0] = { ...(devices[0] as DeviceInfo), revokedAt: '2025-03-05T00:00:00.000Z' };
        return { status: 204 };
      },
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cabut akses HP Operator Tanjungsari' }));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ya, cabut' }));

    expect(await screen.findByText('Akses HP Operator Tanjungsari sudah dicabut.')).toBeTruthy();
    expect(sent.find((r) => r.method === 'DELETE')?.path).toBe('/api/v1/devices/0a4c7d5e-1111-4c1e-8f64-2c1f1d7a0002');
    expect(sent.filter((r) => r.path === '/api/v1/devices?scope=32.14')).toHaveLength(2);
    await waitFor(() => expect(screen.getByText(/^Dicabut /)).toBeTruthy());
  });
});

describe('renaming a device', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=devices');
  });

  it('gives a phone enrolled as "Linux" a name people know, in a dialog', async () => {
    const db = freshDb();
    await enrol(db);
    const devices: DeviceInfo[] = [{
      deviceId: '0a4c7d5e-1111-4c1e-8f64-2c1f1d7a0003', name: 'Linux', role: 'operator',
      scope: '32.14.16.2005', createdAt: '2025-03-01T00:00:00.000Z', lastSeenAt: null, revokedAt: null,
    }];
    const { fetchFn, sent } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'GET /api/v1/devices': () => ({ body: { devices } }),
      'PATCH /api/v1/devices/0a4c7d5e-1111-4c1e-8f64-2c1f1d7a0003': (req) => {
        devices[0] = { ...(devices[0] as DeviceInfo), name: (req.body as { name: string }).name };
        return { body: devices[0] };
      },
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ganti nama Linux' }));
    const dialog = screen.getByRole('dialog', { name: 'Ganti nama HP Linux' });
    const input = within(dialog).getByRole('textbox', { name: 'Nama HP' });
    expect(document.activeElement).toBe(input);
    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Isi nama HP.');
    await user.type(input, 'HP Kaur Tanjungsari');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Nama HP diganti menjadi HP Kaur Tanjungsari.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ name: 'HP Kaur Tanjungsari' });
    expect(await screen.findByRole('rowheader', { name: 'HP Kaur Tanjungsari' })).toBeTruthy();
  });
});

describe('a coordinator code for a region', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=devices');
  });

  it('picks the region by name, not by typing its code', async () => {
    const { sent, user } = await openCodeForm();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Peran' }), 'coordinator');
    const region = screen.getByRole('combobox', { name: 'Wilayah' });
    expect(within(region).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kabupaten/Kota 32.14', 'Kec. Pondoksalam', 'Kec. Purwakarta',
    ]);
    await user.selectOptions(region, '32.14.16');
    await user.click(screen.getByRole('button', { name: 'Buat kode pendaftaran' }));
    const card = await screen.findByRole('article', { name: 'Kode pendaftaran HP Desa100' });
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ role: 'coordinator', scope: '32.14.16' });
    expect(card.textContent).toContain('Koordinator: Kec. Pondoksalam');
  });
});
