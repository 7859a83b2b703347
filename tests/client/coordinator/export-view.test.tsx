import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

const file = () => ({ body: 'nik,nama_lengkap' });

describe('exports', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=export');
    // jsdom has no object URLs; the browser hands the Blob to its download manager.
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('downloads CSV or XLSX for the whole scope, a district or a village, with the token', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn, sent } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'GET /api/v1/exports/registrations.csv': file,
      'GET /api/v1/exports/registrations.xlsx': file,
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    const exports = () => sent.filter((r) => r.path.startsWith('/api/v1/exports/')).map((r) => r.path);

    await user.click(await screen.findByRole('button', { name: 'Unduh CSV' }));
    expect(await screen.findByText('Berkas desa100-peserta-32.14.csv diunduh.')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Satu kecamatan' }));
    await user.click(screen.getByRole('button', { name: 'Unduh Excel (XLSX)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Pilih dulu');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kecamatan' }), 'Pondoksalam');
    await user.click(screen.getByRole('button', { name: 'Unduh Excel (XLSX)' }));
    await screen.findByText('Berkas desa100-peserta-32.14.16.xlsx diunduh.');

    await user.click(screen.getByRole('radio', { name: 'Satu desa' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Desa' }), '32.14.16.2005');
    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await screen.findByText('Berkas desa100-peserta-32.14.16.2005.csv diunduh.');

    expect(exports()).toEqual([
      '/api/v1/exports/registrations.csv?scope=32.14',
      '/api/v1/exports/registrations.xlsx?scope=32.14.16',
      '/api/v1/exports/registrations.csv?scope=32.14.16.2005',
    ]);
  });
});

describe('which file for whom', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=export');
  });

  it('says the XLSX opens cleanly in a spreadsheet and the CSV is for systems', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn } = fakeServer({ 'GET /api/v1/quotas': () => ({ body: boardFixture() }) });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const xlsx = await screen.findByRole('button', { name: 'Unduh Excel (XLSX)' });
    const csv = screen.getByRole('button', { name: 'Unduh CSV' });
    expect(xlsx.getAttribute('aria-describedby') && document.getElementById(xlsx.getAttribute('aria-describedby') ?? '')?.textContent)
      .toBe('Excel (XLSX): untuk dibuka dan dibaca di Excel atau spreadsheet lain. NIK tetap 16 angka; pekerjaan dan sumber iuran tertulis dalam kata.');
    expect(document.getElementById(csv.getAttribute('aria-describedby') ?? '')?.textContent)
      .toBe('CSV: untuk diunggah ke sistem, dengan kode sesuai format BPJS. Jangan dibuka langsung di Excel berbahasa Indonesia: NIK 16 angka rusak (3,21E+15) dan kolomnya bercampur.');
    // The file for people comes first.
    expect(xlsx.compareDocumentPosition(csv) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
