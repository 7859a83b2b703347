import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, saveEditedRegistration, saveNewRegistration, setMeta, type Rejection } from '../../../src/client/db';
import { EnrolScreen } from '../../../src/client/features/enrol';
import { RegistrationDetail } from '../../../src/client/features/roster';
import { REJECTION_CODES, type RejectionCode } from '../../../src/shared/errors';
import type { ServerRegistration } from '../../../src/shared/protocol';
import type { Registration } from '../../../src/shared/registration';
import { makeRegistration, VILLAGE } from '../db/helpers';
import { byName, freshPhone, renderScreen } from './support';

// Issue 12: every refusal has a way out on the record's screen, and an enrolled operator's
// phone offers only its own village (the server refuses any other with `forbidden-village`).

const OTHER_VILLAGE = '32.14.16.2006';

beforeEach(freshPhone);

function rejection(code: RejectionCode, details: unknown = {}): Rejection {
  return { opId: crypto.randomUUID(), code, message: code, details, at: '2025-03-02T00:00:00.000Z' };
}

async function refuse(reg: Registration, r: Rejection): Promise<void> {
  const last = (await db.outbox.where('registrationId').equals(reg.id).sortBy('seq')).at(-1);
  if (last) await db.outbox.update(last.seq as number, { state: 'rejected', attempts: 1 });
  await db.registrations.update(reg.id, { status: 'rejected', rejection: r });
}

/** A record the server accepted, with a change of this phone's that the server refused. */
async function refusedUpdate(code: RejectionCode): Promise<Registration> {
  const reg = makeRegistration();
  await saveNewRegistration(db, reg);
  const server: ServerRegistration = {
    ...reg, status: 'accepted', version: 1, receivedAt: '2025-03-02T01:00:00.000Z',
    updatedAt: '2025-03-02T01:00:00.000Z', kpjNumber: null, card: null, seq: 4,
  };
  await db.outbox.clear();
  await db.registrations.update(reg.id, { status: 'accepted', server });
  await saveEditedRegistration(db, { ...reg, address: 'Kp. Baru' });
  await refuse(reg, rejection(code));
  return reg;
}

async function refusedCreate(code: RejectionCode, overrides: Partial<Registration> = {}): Promise<Registration> {
  const reg = makeRegistration(overrides);
  await saveNewRegistration(db, reg);
  await refuse(reg, rejection(code));
  return reg;
}

async function offers(reg: Registration) {
  const view = renderScreen(<RegistrationDetail id={reg.id} />);
  await screen.findByRole('heading', { name: 'Ditolak server' });
  const result = {
    correct: screen.queryByRole('link', { name: 'Perbaiki dan kirim ulang' }) !== null,
    resend: screen.queryByRole('button', { name: 'Kirim ulang' }) !== null,
    discardOnly: screen.queryByText(/^Memperbaiki atau mengirim ulang tidak akan mengubah jawaban server/) !== null,
    discard: screen.queryByRole('button', { name: 'Buang' }) !== null,
  };
  view.unmount();
  return result;
}

describe('a refused record’s way out', () => {
  it('offers, for every rejection code, a correction, a resend, or says plainly that only discarding is left', async () => {
    for (const code of REJECTION_CODES) {
      const reg = await refusedUpdate(code);
      const ways = await offers(reg);
      expect(ways.discard, code).toBe(true);
      expect(ways.correct || ways.resend || ways.discardOnly, code).toBe(true);
      // Never both: "only discarding helps" next to a correction would contradict itself.
      expect(ways.discardOnly && (ways.correct || ways.resend), code).toBe(false);
    }
  });

  it('does not send the operator to the form when no correction can answer the refusal', async () => {
    for (const code of ['not-found', 'forbidden-village', 'already-voided'] as const) {
      const ways = await offers(await refusedUpdate(code));
      expect(ways, code).toEqual({ correct: false, resend: false, discardOnly: true, discard: true });
    }
  });

  it('says what to do when a refused NIK is right after all: discard', async () => {
    const reg = await refusedCreate('duplicate-nik');
    renderScreen(<RegistrationDetail id={reg.id} />);
    expect(await screen.findByText(/jika sudah benar, pekerja ini sudah terdaftar, jadi buang data ini\.$/)).toBeTruthy();
  });

  it('says in words why a create is refused as id-conflict, and leaves only discarding', async () => {
    const reg = await refusedCreate('id-conflict');
    expect(await offers(reg)).toEqual({ correct: false, resend: false, discardOnly: true, discard: true });
    renderScreen(<RegistrationDetail id={reg.id} />);
    expect(await screen.findByText(/^Server sudah menyimpan data pekerja lain dengan kode data yang sama/)).toBeTruthy();
  });

  it('offers a plain resend for an op-conflict, which a new opId answers', async () => {
    expect(await offers(await refusedCreate('op-conflict'))).toMatchObject({ resend: true, discardOnly: false });
  });

  it('offers to correct the village of a create refused as forbidden-village', async () => {
    expect(await offers(await refusedCreate('forbidden-village', { villageCode: OTHER_VILLAGE }))).toMatchObject({ correct: true });
  });
});

describe('an enrolled operator’s phone registers for its own village only', () => {
  beforeEach(async () => {
    await setMeta(db, 'role', 'operator');
    await setMeta(db, 'scope', VILLAGE);
  });

  it('offers only the enrolled village in a new form, even with another chosen before enrolment', async () => {
    await setMeta(db, 'villageCode', OTHER_VILLAGE);
    const view = renderScreen(<EnrolScreen />);
    await waitFor(() => expect(byName(view.container, 'villageCode').value).toBe(VILLAGE));
    expect(byName(view.container, 'villageCode').readOnly).toBe(true);
    expect(screen.getByText('Ponsel ini terdaftar untuk desa ini saja.')).toBeTruthy();
  });

  it('corrects a create refused as forbidden-village by sending it again for the phone’s own village', async () => {
    const user = userEvent.setup();
    const reg = await refusedCreate('forbidden-village', { villageCode: OTHER_VILLAGE });
    const view = renderScreen(<EnrolScreen registrationId={reg.id} />);
    await waitFor(() => expect(byName(view.container, 'villageCode').value).toBe(VILLAGE));
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(async () => expect((await db.registrations.get(reg.id))?.status).toBe('pending'));
    const ops = await db.outbox.where('registrationId').equals(reg.id).toArray();
    expect(ops.map((o) => [o.state, o.op.type])).toEqual([['queued', 'registration.create']]);
    const op = ops[0]?.op;
    expect(op?.type === 'registration.create' ? op.registration.villageCode : null).toBe(VILLAGE);
  });
});

describe('a coordinator’s phone', () => {
  it('explains, in place of the enrol form, that village phones enrol workers', async () => {
    await setMeta(db, 'role', 'coordinator');
    await setMeta(db, 'scope', '32.14');
    const view = renderScreen(<EnrolScreen />);
    expect(await screen.findByText(/^Ponsel koordinator tidak dapat mendaftarkan pekerja/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka menu Koordinator' }).getAttribute('href')).toBe('/koordinator');
    expect(view.container.querySelector('form')).toBeNull();
  });
});
