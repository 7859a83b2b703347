import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import type { QuotaBoard, ServerRegistration } from '../../../src/shared/protocol';
import { DEVICE_ID, enrol, fakeServer, freshDb, renderId, serverRegistration } from './helpers';

const CODE = '32.14.16.2005';

/** A village of quota 2: two accepted and one waitlisted; raising the quota promotes her. */
function villageServer() {
  let quota = 2;
  const regs: ServerRegistration[] = [
    serverRegistration({ fullName: 'ASEP SUNANDAR', receivedAt: '2025-03-02T01:00:00.000Z' }),
    serverRegistration({ fullName: 'BUDI SANTOSO', receivedAt: '2025-03-02T02:00:00.000Z', kpjNumber: '25012345678' }),
    serverRegistration({ fullName: 'CICIH', status: 'waitlisted', receivedAt: '2025-03-02T03:00:00.000Z' }),
  ];
  const board = (): QuotaBoard => {
    const accepted = regs.filter((r) => r.status === 'accepted').length;
    const waitlisted = regs.filter((r) => r.status === 'waitlisted').length;
    return {
      villages: [{ villageCode: CODE, name: 'Tanjungsari', district: 'Pondoksalam', quota, accepted, waitlisted, cardsHandedOver: 0 }],
      totals: { villages: 1, quota, accepted, waitlisted, cardsHandedOver: 0 },
    };
  };
  return {
    regs,
    ...fakeServer({
      'GET /api/v1/quotas': () => ({ body: board() }),
      [`GET /api/v1/villages/${CODE}/registrations`]: () => ({ body: { registrations: regs } }),
      [`PUT /api/v1/villages/${CODE}/quota`]: (req) => {
        const asked = (req.body as { quota: number }).quota;
        const accepted = regs.filter((r) => r.status === 'accepted').length;
        if (asked < accepted) {
          return { status: 409, body: { error: { code: 'quota-below-accepted', message: 'quota below accepted', details: { accepted } } } };
        }
        quota = asked;
        for (const r of regs) if (r.status === 'waitlisted' && regs.filter((x) => x.status === 'accepted').length < quota) r.status = 'accepted';
        const b = board().villages[0];
        return { body: { villageCode: CODE, quota, accepted: b?.accepted, waitlisted: b?.waitlisted } };
      },
      ...Object.fromEntries(regs.map((r) => [`PUT /api/v1/registrations/${r.id}/kpj`, (req: { body: unknown }) => {
        r.kpjNumber = (req.body as { kpjNumber: string }).kpjNumber;
        return { body: r };
      }])),
      'POST /api/v1/sync/push': (req) => {
        const { ops } = req.body as { ops: Array<{ opId: string; id: string; reason: string }> };
        const op = ops[0];
        const target = regs.find((r) => r.id === op?.id);
        if (!op || !target) return { status: 400, body: { error: { code: 'invalid-request', message: 'x' } } };
        target.status = 'voided';
        target.voidReason = op.reason;
        for (const r of regs) if (r.status === 'waitlisted' && regs.filter((x) => x.status === 'accepted').length < quota) r.status = 'accepted';
        return { body: { results: [{ opId: op.opId, status: 'applied', registration: target }], serverTime: new Date().toISOString() } };
      },
    }),
  };
}

/** An enrolled coordinator on the village page, once its workers are listed. */
async function openVillage() {
  const db = freshDb();
  await enrol(db);
  const server = villageServer();
  renderId(<CoordinatorScreen db={db} fetchFn={server.fetchFn} />);
  await screen.findByRole('table', { name: 'Peserta diterima (2)' });
  return { server, user: userEvent.setup() };
}

describe('village page', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', `/koordinator?desa=${CODE}`);
  });

  it('lists workers with masked NIKs, the waitlist in arrival order', async () => {
    const { server } = await openVillage();
    const accepted = screen.getByRole('table', { name: 'Peserta diterima (2)' });
    expect(accepted.textContent).toContain('ASEP SUNANDAR');
    expect(accepted.textContent).toContain('3214**********');
    expect(accepted.textContent).not.toContain(server.regs[0]?.nik);
    expect(accepted.textContent).toContain('25012345678');
    expect(screen.getByRole('table', { name: 'Daftar cadangan, urut kedatangan (1)' }).textContent).toContain('CICIH');
  });

  it('changes the quota with a PUT; the promoted worker shows on refresh', async () => {
    const { server, user } = await openVillage();

    await user.type(await screen.findByRole('spinbutton', { name: 'Kuota baru (sekarang 2)' }), '3');
    await user.click(screen.getByRole('button', { name: 'Simpan kuota' }));

    expect(await screen.findByText('Kuota disimpan: 3. Kini 3 diterima, 0 cadangan.')).toBeTruthy();
    expect(server.sent.find((r) => r.method === 'PUT')).toMatchObject({
      path: `/api/v1/villages/${CODE}/quota`, body: { quota: 3 },
    });
    expect(await screen.findByRole('table', { name: 'Peserta diterima (3)' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Daftar cadangan/ })).toBeNull();
  });

  it('explains a refused quota below the accepted count, in Indonesian', async () => {
    const { user } = await openVillage();

    await user.type(await screen.findByRole('spinbutton', { name: 'Kuota baru (sekarang 2)' }), '1');
    await user.click(screen.getByRole('button', { name: 'Simpan kuota' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kuota tidak boleh lebih kecil dari jumlah peserta yang sudah diterima (2). Peserta yang diterima tidak pernah diturunkan.',
    );
  });

  it('voids a registration with a reason through a push op; the waitlist moves up', async () => {
    const { server, user } = await openVillage();

    await user.click(screen.getByRole('button', { name: 'Batalkan pendaftaran BUDI SANTOSO' }));
    await user.click(screen.getByRole('button', { name: 'Ya, batalkan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tuliskan alasannya.');
    await user.type(screen.getByRole('textbox', { name: 'Alasan pembatalan' }), 'Pindah domisili');
    await user.click(screen.getByRole('button', { name: 'Ya, batalkan' }));

    await waitFor(() => expect(screen.queryByRole('table', { name: /Daftar cadangan/ })).toBeNull());
    const push = server.sent.find((r) => r.method === 'POST');
    expect(push?.body).toMatchObject({
      deviceId: DEVICE_ID,
      ops: [{ type: 'registration.void', id: server.regs[1]?.id, reason: 'Pindah domisili' }],
    });
    expect(screen.getByRole('table', { name: 'Peserta diterima (2)' }).textContent).toContain('CICIH');
  });

  it('records a KPJ number typed from the card, checking its form first', async () => {
    const { server, user } = await openVillage();
    await user.click(screen.getByRole('button', { name: 'Catat KPJ ASEP SUNANDAR' }));
    const input = screen.getByRole('textbox', { name: 'Nomor KPJ ASEP SUNANDAR' });
    await user.type(input, '2501');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nomor KPJ harus 11 angka.');
    expect(server.sent.some((r) => r.path.endsWith('/kpj'))).toBe(false);

    await user.clear(input);
    await user.type(input, '250 1234 5699');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Peserta diterima (2)' }).textContent).toContain('25012345699'));
    expect(server.sent.find((r) => r.path.endsWith('/kpj'))).toMatchObject({
      method: 'PUT', path: `/api/v1/registrations/${server.regs[0]?.id}/kpj`, body: { kpjNumber: '25012345699' },
    });
  });
});
