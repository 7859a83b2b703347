import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

// The coordinator sets the programme's protection period for their region on the board tab;
// village phones receive it with their next sync.

describe('programme protection period', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator');
  });

  it('shows the period in force and saves a new one for the coordinator’s region', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn, sent } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'GET /api/v1/coverage-periods/32.14': () => ({ body: { scope: '32', start: '2025-02', end: '2025-11' } }),
      'PUT /api/v1/coverage-periods/32.14': (req) => ({ body: { scope: '32.14', ...(req.body as object) } }),
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    const form = await screen.findByRole('region', { name: 'Masa perlindungan program' });
    const start = within(form).getByLabelText('Bulan mulai');
    const end = within(form).getByLabelText('Bulan selesai');
    await within(form).findByDisplayValue('2025-02');
    expect((end as HTMLInputElement).value).toBe('2025-11');

    await user.clear(start);
    await user.type(start, '2025-12');
    await user.clear(end);
    await user.type(end, '2025-03');
    await user.click(within(form).getByRole('button', { name: 'Simpan masa perlindungan' }));
    expect(within(form).getByRole('alert').textContent).toBe('Bulan selesai tidak boleh sebelum bulan mulai.');
    expect(sent.some((r) => r.method === 'PUT')).toBe(false);

    await user.clear(start);
    await user.type(start, '2025-03');
    await user.clear(end);
    await user.type(end, '2025-12');
    await user.click(within(form).getByRole('button', { name: 'Simpan masa perlindungan' }));
    expect(await within(form).findByText(
      'Masa perlindungan disimpan: Maret 2025 sampai Desember 2025 untuk Kabupaten/Kota 32.14. HP desa menerimanya saat sinkron berikutnya.',
    )).toBeTruthy();
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ start: '2025-03', end: '2025-12' });
  });
});
