import { describe, expect, it } from 'vitest';
import { dismissHandoverConflict, readEventEntries, recordHandover } from '../../../src/client/db/distribution-store';
import { countByStatus } from '../../../src/client/db/registration-queries';
import { deskState } from '../../../src/client/features/distribution/desk-model';
import type { Card } from '../../../src/shared/protocol';
import { capture, expectConverged, local, setup, VILLAGE } from './harness';

// Two phones hand over the same card offline; the one that syncs second is refused. That is a
// conflict about the card, shown as such; the worker stays as the server holds them.

const OTHER: Card = {
  handedAt: '2025-03-10T02:00:00.000Z', receiver: { kind: 'representative', name: 'UJANG', relationship: 'suami' },
  eventId: null, operator: 'Operator Meja 2', deviceId: crypto.randomUUID(),
};

describe('a refused card handover', () => {
  it('already handed over by another phone: the worker stays accepted, the desk shows who had it, "Tutup" clears it', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    expect((await local(h.db, reg!.id)).status).toBe('accepted');
    h.server.handOverDirect(reg!.id, OTHER);
    expect(await recordHandover(h.db, { registrationId: reg!.id, receiver: { kind: 'self' }, eventId: null })).toMatchObject({ ok: true });

    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0 });
    const row = await local(h.db, reg!.id);
    expect(row.status).toBe('accepted');
    expect(row.rejection).toMatchObject({ code: 'already-handed-over' });
    expect((await countByStatus(h.db)).rejected).toBe(0);
    const [entry] = await readEventEntries(h.db, [VILLAGE]);
    expect(deskState(entry!)).toMatchObject({ kind: 'conflict', other: { operator: 'Operator Meja 2', handedAt: OTHER.handedAt } });

    await dismissHandoverConflict(h.db, reg!.id);
    expect(await h.db.handovers.count()).toBe(0);
    expect(await local(h.db, reg!.id)).toMatchObject({ status: 'accepted', rejection: null });
    const [after] = await readEventEntries(h.db, [VILLAGE]);
    expect(deskState(after!)).toMatchObject({ kind: 'handed', synced: true, prior: { operator: 'Operator Meja 2' } });
    await expectConverged(h);
  });

  it('voided meanwhile: the worker reads as voided (the server’s word), not as refused', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    expect(await recordHandover(h.db, { registrationId: reg!.id, receiver: { kind: 'self' }, eventId: null })).toMatchObject({ ok: true });
    h.server.voidDirect(reg!.id);

    const state = await h.engine.syncNow();
    expect(state.rejectedCount).toBe(0);
    const row = await local(h.db, reg!.id);
    expect(row.status).toBe('voided');
    expect(row.rejection).toMatchObject({ code: 'already-voided' });
    const [entry] = await readEventEntries(h.db, [VILLAGE]);
    expect(deskState(entry!)).toMatchObject({ kind: 'refused', code: 'already-voided' });
    await dismissHandoverConflict(h.db, reg!.id);
    await expectConverged(h);
  });
});
