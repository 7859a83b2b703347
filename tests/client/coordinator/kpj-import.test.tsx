import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { composeNik } from '../../../src/shared/nik';
import { boardFixture, enrol, fakeServer, freshDb, renderId } from './helpers';

const nik = (serial: number) => composeNik({ regionCode: '32.14.16', birthDate: '1990-07-01', sex: 'L', serial });

describe('KPJ import', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator?tab=kpj');
  });

  it('checks the file here, sends the sound rows, and reports what matched and what did not', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn, sent } = fakeServer({
      'GET /api/v1/quotas': () => ({ body: boardFixture() }),
      'POST /api/v1/kpj/import': (req) => {
        const rows = (req.body as { rows: Array<{ nik: string }> }).rows;
        return {
          body: {
            matched: [{ nik: rows[0]?.nik, registrationId: crypto.randomUUID(), villageCode: '32.14.16.2005' }],
            unmatched: [{ nik: rows[1]?.nik, reason: 'not-found' }],
            invalid: [],
          },
        };
      },
    });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();

    const csv = `\uFEFFNIK;KPJ\n${nik(1)};25012345678\n${nik(2)};25012345679\n3214160000000001;25012345670\n`;
    const box = await screen.findByRole('textbox', { name: 'Atau tempel isinya di sini' });
    await user.click(box);
    await user.paste(csv);
    await user.click(screen.getByRole('button', { name: 'Periksa' }));
    expect(screen.getByText('2 baris siap dikirim, 1 baris bermasalah.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Kirim 2 baris' }));
    const report = await screen.findByRole('region', { name: 'Laporan impor KPJ' });
    expect(within(report).getByText('Cocok dan dicatat: 1')).toBeTruthy();
    expect(within(report).getByText('Tidak cocok: 1')).toBeTruthy();
    expect(within(report).getByText('Tidak valid: 1')).toBeTruthy();
    const unmatched = within(report).getByRole('table', { name: 'NIK yang tidak cocok' });
    expect(unmatched.textContent).toContain('Tidak ada peserta dengan NIK ini di wilayah Anda.');
    expect(unmatched.textContent).not.toContain(nik(2)); // masked in the report
    const invalid = within(report).getByRole('table', { name: 'Baris tidak valid' });
    expect(invalid.textContent).toContain('Tanggal lahir pada NIK tidak valid.');

    const post = sent.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      rows: [
        { nik: nik(1), kpjNumber: '25012345678' },
        { nik: nik(2), kpjNumber: '25012345679' },
      ],
    });
  });
});
