import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, saveDraft, saveNewRegistration } from '../../../src/client/db';
import { RosterScreen } from '../../../src/client/features/roster';
import { composeNik } from '../../../src/shared/nik';
import type { Registration } from '../../../src/shared/registration';
import { makeRegistration } from '../db/helpers';
import { freshPhone, renderScreen } from './support';

const FIRST = ['Siti', 'Budi', 'Agus', 'Dewi', 'Sitti', 'Eka', 'Joko', 'Rina', 'Asep', 'Nur'];
const COUNT = 300;
let regs: Registration[] = [];

/** Names hold letters only: row i is "… Warga" and three letters counting in base 26. */
function tag(i: number): string {
  const a = 'abcdefghijklmnopqrstuvwxyz';
  return `${a[Math.floor(i / 676) % 26]}${a[Math.floor(i / 26) % 26]}${a[i % 26]}`;
}

beforeAll(() => {
  regs = Array.from({ length: COUNT }, (_, i) => makeRegistration({
    fullName: `${FIRST[i % FIRST.length]} Warga ${tag(i)}`,
    nik: composeNik({ regionCode: '32.14.16', birthDate: '1980-01-15', sex: 'L', serial: 1000 + i }),
    birthDate: '1980-01-15',
    sex: 'L',
  }));
});

beforeEach(async () => {
  await freshPhone();
  for (const reg of regs) await saveNewRegistration(db, reg);
});

function rows(): HTMLElement[] {
  return screen.queryAllByRole('listitem');
}

// Generous waits: a shared, busy machine can take seconds over what a phone does at once.
const SLOW = { timeout: 8000 };

async function expectCount(n: number) {
  await screen.findByText(`${n} peserta`, undefined, SLOW);
}

describe('RosterScreen', () => {
  it('lists every record but renders only a window of rows, NIKs masked', async () => {
    renderScreen(<RosterScreen />);
    await expectCount(COUNT);
    await waitFor(() => expect(rows()[0]?.textContent).toContain('AGUS WARGA AAC'), SLOW);
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(40);
    const first = rows()[0] as HTMLElement;
    const agus = regs[2] as Registration;
    expect(first.textContent).toContain(`3214${'*'.repeat(10)}${agus.nik.slice(-2)}`);
    expect(document.body.textContent).not.toContain(agus.nik);
    expect(within(first).getByText('Menunggu kirim')).toBeTruthy();
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`/peserta/${agus.id}`);
  });

  it('renders the rows further down once scrolled there', async () => {
    renderScreen(<RosterScreen />);
    await expectCount(COUNT);
    const list = screen.getByRole('list', { name: 'Daftar peserta' }).parentElement as HTMLElement;
    list.scrollTop = 88 * 200;
    fireEvent.scroll(list);
    await waitFor(() => {
      const positions = rows().map((r) => Number(r.getAttribute('aria-posinset')), SLOW);
      expect(positions).toContain(201);
      expect(positions).not.toContain(1);
    });
    await waitFor(() => expect(rows().find((r) => r.getAttribute('aria-posinset') === '201')?.textContent).toMatch(/WARGA/), SLOW);
  });

  it('searches by name prefix, and by the first or last digits of the NIK', async () => {
    const user = userEvent.setup();
    renderScreen(<RosterScreen />);
    await expectCount(COUNT);
    const search = screen.getByLabelText('Cari nama atau NIK');
    await user.type(search, 'sit');
    // "Siti …" and "Sitti …": 30 each.
    await expectCount(60);
    await user.type(search, 'i ');
    await expectCount(30);
    await waitFor(() => expect(rows().every((r) => r.textContent?.startsWith('SITI WARGA'))).toBe(true), SLOW);

    await user.clear(search);
    await user.type(search, '1123');
    await expectCount(1);
    await waitFor(() => expect(rows()[0]?.textContent).toContain(regs[123]?.fullName), SLOW);

    await user.clear(search);
    await user.type(search, '3214 16');
    await expectCount(COUNT);
    await user.type(search, '9');
    await expectCount(0);
    expect(screen.getByText('Tidak ada peserta yang cocok.')).toBeTruthy();
  });

  it('shows each state, and a refusal with its reason in words', async () => {
    const [rejected, accepted, waitlisted, voided, handedElsewhere] = regs as [Registration, Registration, Registration, Registration, Registration];
    // A refused card handover keeps the worker's status: a conflict about the card.
    await db.registrations.update(handedElsewhere.id, {
      status: 'accepted',
      rejection: { opId: crypto.randomUUID(), code: 'already-handed-over', message: 'handed over', at: '2025-03-02T00:00:00.000Z' },
    });
    await db.registrations.update(rejected.id, {
      status: 'rejected',
      rejection: {
        opId: crypto.randomUUID(), code: 'duplicate-nik', message: 'duplicate',
        details: { villageCode: '32.14.01.1001' }, at: '2025-03-02T00:00:00.000Z',
      },
    });
    await db.registrations.update(accepted.id, { status: 'accepted' });
    await db.registrations.update(waitlisted.id, { status: 'waitlisted' });
    await db.registrations.update(voided.id, { status: 'voided' });
    const user = userEvent.setup();
    renderScreen(<RosterScreen />);
    await expectCount(COUNT);
    const search = screen.getByLabelText('Cari nama atau NIK');
    const expectRow = async (name: string, text: string | RegExp) => {
      await user.clear(search);
      await user.type(search, name);
      await expectCount(1);
      await waitFor(() => expect(rows()[0]?.textContent).toMatch(text), SLOW);
    };
    await expectRow(rejected.fullName, /Ditolak.*NIK ini sudah terdaftar di desa 32\.14\.01\.1001/);
    await expectRow(accepted.fullName, /Diterima/);
    await expectRow(waitlisted.fullName, /Cadangan/);
    await expectRow(voided.fullName, /Dibatalkan/);
    await expectRow(handedElsewhere.fullName, /Diterima.*Penyerahan kartu dari HP ini ditolak/);

    await user.clear(search);
    await user.selectOptions(screen.getByLabelText('Status'), 'rejected');
    await expectCount(1);
  });

  it('lists unfinished forms as drafts', async () => {
    await saveDraft(db, 'new', null, { fullName: 'Rina Baru' });
    const reg = regs[7] as Registration;
    await saveDraft(db, `edit:${reg.id}`, reg.id, { fullName: reg.fullName });
    renderScreen(<RosterScreen />);
    const link = await screen.findByRole('link', { name: /Pendaftaran baru: Rina Baru/ });
    expect(link.getAttribute('href')).toBe('/daftar');
    expect(screen.getByRole('link', { name: /Perubahan belum disimpan/ }).getAttribute('href')).toBe(`/daftar/${reg.id}`);
  });
});
