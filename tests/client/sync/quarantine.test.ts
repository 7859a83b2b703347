import { describe, expect, it } from 'vitest';
import { discardRejected, saveEditedRegistration } from '../../../src/client/db/registrations';
import { resendRejected } from '../../../src/client/db/sync-store';
import { rejectionText } from '../../../src/client/features/roster/rejection-text';
import { translate } from '../../../src/client/i18n';
import { capture, expectConverged, local, setup, type Harness } from './harness';

// A server that crashes (500) on one op's content must not block the queue for ever: after the
// same batch failed three times the engine splits it, sets the op aside as refused (kept for
// correction) and sends the rest. An outage must set nothing aside.

const POISON = 'RACUN';
const crashesOnPoison = (op: Record<string, unknown>) => JSON.stringify(op).includes(POISON);

async function failThrice(h: Harness): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const state = await h.engine.syncNow();
    expect(state.lastError?.code).toBe('server-unavailable');
  }
}

const pushSizes = (h: Harness) => h.server.log.filter((l) => l.route === 'push').map((l) => l.ops);

describe('sync engine: an op the server cannot process', () => {
  it('is found by halving the batch, set aside as refused, and the rest lands', async () => {
    const h = await setup();
    h.server.crashOn = crashesOnPoison;
    const regs = [
      ...(await capture(h.db, 3)), ...(await capture(h.db, 1, { fullName: `Siti ${POISON}` })), ...(await capture(h.db, 6)),
    ];
    const poison = regs[3]!;
    await failThrice(h);
    expect(h.server.registrations.size).toBe(0);

    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(state).toMatchObject({ pendingCount: 0, rejectedCount: 1 });
    expect(h.server.registrations.size).toBe(9);
    expect(h.server.registrations.has(poison.id)).toBe(false);
    const refused = await local(h.db, poison.id);
    expect(refused.status).toBe('rejected');
    expect(refused.rejection).toMatchObject({ code: 'quarantined' });
    const reason = (locale: 'id' | 'en') => rejectionText((key, params) => translate(locale, key, params), refused.rejection!);
    expect(reason('id')).toContain('Server tidak dapat memproses data ini');
    expect(reason('en')).toContain('The server cannot process this record');
    expect((await h.db.outbox.toArray()).map((r) => [r.registrationId, r.state])).toEqual([[poison.id, 'rejected']]);
    // Halves, in seq order, never the whole batch again: 5 (fails), 3 (lands), 2 (fails), the
    // op alone (fails), its neighbour (lands), the other 5 (land), the op alone again (fails).
    expect(pushSizes(h).slice(3)).toEqual([5, 3, 2, 1, 1, 5, 1]);

    // Not sent again by itself.
    const before = pushSizes(h).length;
    await h.engine.syncNow();
    expect(pushSizes(h).length).toBe(before);

    // Corrected and sent again with a new opId: it lands.
    await resendRejected(h.db, poison.id, { corrected: { ...poison, fullName: 'SITI RAHMAH' } });
    expect((await h.engine.syncNow()).lastError).toBeNull();
    expect(h.server.registrations.get(poison.id)?.fullName).toBe('SITI RAHMAH');
    await expectConverged(h);
  });

  it('first in the queue, two in a row, with an edit queued behind one: none overtakes its own record', async () => {
    const h = await setup();
    h.server.crashOn = crashesOnPoison;
    const [first] = await capture(h.db, 1, { fullName: `Ani ${POISON}` });
    const [second] = await capture(h.db, 1, { fullName: `Budi ${POISON}` });
    const rest = await capture(h.db, 4);
    await failThrice(h);
    // Attempted, so the edit is an update queued behind the create.
    await saveEditedRegistration(h.db, { ...first!, address: 'Kp. Baru' });
    const update = (await h.db.outbox.toArray()).at(-1)!;
    expect(update.op.type).toBe('registration.update');

    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(state.rejectedCount).toBe(2);
    for (const reg of rest) expect((await local(h.db, reg.id)).status).toBe('accepted');
    expect(h.server.decided.has(update.opId)).toBe(false);
    const outbox = await h.db.outbox.toArray();
    expect(outbox.map((r) => [r.registrationId, r.op.type, r.state])).toEqual([
      [first!.id, 'registration.create', 'rejected'],
      [second!.id, 'registration.create', 'rejected'],
      [first!.id, 'registration.update', 'rejected'],
    ]);

    // Discarded on purpose: the server never had them.
    expect(await discardRejected(h.db, first!.id)).toBe('deleted');
    expect(await discardRejected(h.db, second!.id)).toBe('deleted');
    await h.engine.refresh();
    expect(h.engine.getState()).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
    await expectConverged(h);
  });
});

describe('sync engine: an outage is not a bad op', () => {
  for (const status of [500, 503]) {
    it(`every request answering ${status} for a while sets nothing aside`, async () => {
      const h = await setup();
      await capture(h.db, 10);
      h.server.outage = status;
      for (let i = 0; i < 6; i++) expect((await h.engine.syncNow()).lastError?.code).toBe('server-unavailable');
      expect(await h.db.outbox.where('state').equals('rejected').count()).toBe(0);
      h.server.outage = null;
      expect((await h.engine.syncNow()).rejectedCount).toBe(0);
      await expectConverged(h);
    });
  }

  it('an outage that starts during the split sets nothing aside', async () => {
    const h = await setup();
    await capture(h.db, 16);
    const pushes = () => h.server.log.filter((l) => l.route === 'push').length;
    // Three runs fail, the first half of the split lands, then every push fails.
    h.server.crashOn = () => pushes() <= 3 || pushes() >= 5;
    await failThrice(h);
    expect((await h.engine.syncNow()).lastError?.code).toBe('server-unavailable');
    expect(h.server.registrations.size).toBe(8);
    expect(await h.db.outbox.where('state').equals('rejected').count()).toBe(0);
    h.server.crashOn = null;
    expect((await h.engine.syncNow()).rejectedCount).toBe(0);
    await expectConverged(h);
  });

  it('a one-op batch that failed while the server was down, and later succeeds, is not set aside', async () => {
    const h = await setup();
    await capture(h.db, 8);
    // Three runs fail, then the first sends of the split too, down to the first op alone.
    for (let i = 0; i < 6; i++) h.server.fault('html-500', 'push');
    await failThrice(h);
    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, rejectedCount: 0 });
    await expectConverged(h);
  });
});
