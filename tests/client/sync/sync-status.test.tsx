import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SyncStatus } from '../../../src/client/features/sync-status';
import { I18nProvider } from '../../../src/client/i18n';
import { INITIAL_SYNC_STATE, type SyncEngine } from '../../../src/client/sync/engine';
import type { SyncState } from '../../../src/client/sync/types';
import { capture, setup } from './harness';

function show(engine: SyncEngine) {
  return render(
    <I18nProvider initial="id">
      <SyncStatus engine={engine} />
    </I18nProvider>,
  );
}

/** An engine whose state the test sets, for the states a real run passes through too fast. */
function fixedEngine(patch: Partial<SyncState>): SyncEngine & { syncNow: ReturnType<typeof vi.fn> } {
  const state: SyncState = { ...INITIAL_SYNC_STATE, ...patch };
  return {
    start: () => {}, stop: () => {}, refresh: async () => {},
    syncNow: vi.fn(async () => state), getState: () => state, subscribe: () => () => {}, folded: async () => {},
  };
}

const hhmm = (ms: number) => new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));

describe('SyncStatus', () => {
  it('shows what waits, syncs on "Sinkronkan sekarang", then when it last worked', async () => {
    const h = await setup({ now: Date.now });
    await capture(h.db, 3);
    await h.engine.refresh();
    show(h.engine);
    expect(screen.getByText('Belum pernah sinkron')).toBeTruthy();
    expect(screen.getByTestId('sync-pending').textContent).toBe('3 menunggu kirim');

    fireEvent.click(screen.getByRole('button', { name: 'Sinkronkan sekarang' }));
    await waitFor(() => expect(screen.getByTestId('sync-pending').textContent).toBe('Semua terkirim'));
    expect(screen.getByText(`Sinkron terakhir ${hhmm(Date.parse(h.engine.getState().lastSyncAt ?? ''))}`)).toBeTruthy();
    expect(h.server.registrations.size).toBe(3);
  });

  it('puts a failure in words, with the next try, and links a dead token to re-enrolment', async () => {
    const h = await setup({ now: Date.now });
    await capture(h.db, 1);
    h.server.fault('html-500', 'push');
    show(h.engine);
    fireEvent.click(screen.getByRole('button', { name: 'Sinkronkan sekarang' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Server sedang bermasalah. Data aman di ponsel; dicoba lagi otomatis.');

    const halted = fixedEngine({
      halted: true, lastError: { code: 'unauthenticated', messageKey: 'sync.error.unauthenticated', at: '' },
    });
    show(halted);
    const link = screen.getByRole('link', { name: 'Daftarkan ulang perangkat' });
    expect(link.getAttribute('href')).toBe('/enrol');
  });

  it('says "not enrolled" inside its one row and offers enrolment instead of a sync', () => {
    show(fixedEngine({
      halted: true, pendingCount: 2, lastError: { code: 'not-enrolled', messageKey: 'sync.error.not-enrolled', at: '' },
    }));
    expect(screen.getByRole('link', { name: 'Daftarkan perangkat' }).getAttribute('href')).toBe('/enrol');
    expect(screen.queryByRole('button', { name: 'Sinkronkan sekarang' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    const line = screen.getByRole('status');
    expect(line.textContent).toContain('Belum terdaftar');
    expect(line.textContent).toContain('Perangkat belum didaftarkan. Data tersimpan di ponsel sampai perangkat didaftarkan.');
    expect(screen.getByTestId('sync-pending').textContent).toBe('2 menunggu kirim');
  });

  it('keeps the last error in view while the retry runs (the band does not jump)', () => {
    show(fixedEngine({
      running: true, phase: 'push', lastError: { code: 'server-unavailable', messageKey: 'sync.error.server-unavailable', at: '' },
    }));
    expect(screen.getByRole('alert').textContent).toContain('Server sedang bermasalah');
  });

  it('says the server was restored and counts the records sent again', () => {
    show(fixedEngine({ running: true, phase: 'push', restoring: 50, progress: { sent: 20, total: 55 }, pendingCount: 55 }));
    expect(screen.getByText('Server dipulihkan dari cadangan: mengirim ulang 50 data… (20 dari 55)')).toBeTruthy();
    expect(document.querySelector('progress')?.getAttribute('value')).toBe('20');
  });

  it('shows progress through a big queue, refused records, and a clock far off', () => {
    const engine = fixedEngine({
      running: true, phase: 'push', progress: { sent: 1000, total: 2500 }, pendingCount: 2500, rejectedCount: 2,
      clockOffsetMs: -7 * 60_000, clockFarOff: true,
    });
    show(engine);
    expect(screen.getByText('Mengirim 1.000 dari 2.500 data')).toBeTruthy();
    const bar = document.querySelector('progress');
    expect(bar?.getAttribute('value')).toBe('1000');
    expect(bar?.getAttribute('max')).toBe('2500');
    expect(screen.getByTestId('sync-rejected').textContent).toBe('2 ditolak, perlu diperbaiki');
    expect(screen.getByText(/Jam ponsel selisih 7 menit dari server/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sinkronkan sekarang' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('SyncStatus before the count is known', () => {
  it('says nothing about unsent records until the count is read (no "Semua terkirim" flash on reload)', async () => {
    const h = await setup({ now: Date.now, isOnline: () => false });
    await capture(h.db, 6);
    // A reload: the band renders before the engine has read the outbox.
    show(h.engine);
    expect(screen.getByRole('status').textContent).not.toContain('Semua terkirim');
    expect(screen.queryByTestId('sync-pending')).toBeNull();
    h.engine.start();
    await waitFor(() => expect(screen.getByTestId('sync-pending').textContent).toBe('6 menunggu kirim'));
    h.engine.stop();
  });
});
