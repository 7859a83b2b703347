import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { makeFormat } from '../../../src/client/features/coordinator/format';
import { boardFixture, enrol, fakeServer, freshDb, renderId, TOKEN } from './helpers';

/** What fetch does with no signal. */
async function offline(): Promise<Response> {
  throw new TypeError('Failed to fetch');
}

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('td.num')].map((c) => c.textContent ?? '');
}

describe('coordinator board', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator');
  });

  it('shows districts with subtotals and the regency total, asking with the token and scope', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn, sent } = fakeServer({ 'GET /api/v1/quotas': () => ({ body: boardFixture() }) });
    const { container } = renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);

    await screen.findByRole('link', { name: 'Tanjungsari' });
    expect(sent.find((r) => r.path.startsWith('/api/v1/quotas'))).toMatchObject({ method: 'GET', path: '/api/v1/quotas?scope=32.14', auth: `Bearer ${TOKEN}` });
    const pondok = container.querySelector<HTMLElement>('tbody[data-district="32.14.16"] tr.subtotal');
    const purwa = container.querySelector<HTMLElement>('tbody[data-district="32.14.01"] tr.subtotal');
    const total = container.querySelector<HTMLElement>('tfoot tr.total');
    expect(pondok && cells(pondok)).toEqual(['320', '160', '7', '50', '110']);
    expect(purwa && cells(purwa)).toEqual(['180', '85', '0', '80', '5']);
    expect(total && cells(total)).toEqual(['500', '245', '7', '130', '115']);
    // Districts in name order, the bar labelled with its numbers.
    const districts = [...container.querySelectorAll('tbody')].map((b) => b.dataset.district);
    expect(districts).toEqual(['32.14.16', '32.14.01']);
    expect(screen.getAllByRole('img', { name: /100 dari kuota 100 diterima, 7 cadangan, 40 kartu diserahkan/ })).toHaveLength(1);
  });

  it('filters villages and sorts them', async () => {
    const db = freshDb();
    await enrol(db);
    const { fetchFn } = fakeServer({ 'GET /api/v1/quotas': () => ({ body: boardFixture() }) });
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Tanjungsari' });

    await user.click(screen.getByRole('radio', { name: 'Kuota penuh' }));
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(
      expect.arrayContaining(['Tanjungsari', 'Nagri Kaler']),
    );
    expect(screen.queryByRole('link', { name: 'Gurudug' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nagri Tengah' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Belum mulai' }));
    expect(screen.getByRole('link', { name: 'Gurudug' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Tanjungsari' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Ada cadangan' }));
    expect(screen.getByRole('link', { name: 'Tanjungsari' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bungurjaya' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Semua desa' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Urutkan' }), 'fill');
    const rows = within(screen.getByRole('table')).getAllByRole('link').map((a) => a.textContent);
    expect(rows.slice(0, 3)).toEqual(['Tanjungsari', 'Bungurjaya', 'Gurudug']);
  });

  it('keeps the last board readable offline, with its time', async () => {
    const db = freshDb();
    await enrol(db);
    const online = fakeServer({ 'GET /api/v1/quotas': () => ({ body: boardFixture() }) });
    const first = renderId(<CoordinatorScreen db={db} fetchFn={online.fetchFn} />);
    await screen.findByRole('link', { name: 'Tanjungsari' });
    await waitFor(async () => expect(await getMeta(db, 'coordinatorBoard')).toBeTruthy());
    first.unmount();

    const snapshot = await getMeta(db, 'coordinatorBoard');
    renderId(<CoordinatorScreen db={db} fetchFn={offline} />);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Tidak ada sinyal atau server tidak terjangkau. Menampilkan data terakhir yang tersimpan di HP ini.',
    );
    expect(screen.getByRole('link', { name: 'Tanjungsari' })).toBeTruthy();
    const when = makeFormat('id').time(snapshot?.fetchedAt ?? '');
    expect(screen.getByText(`Data per ${when}.`, { exact: false })).toBeTruthy();
  });

  it('says so when there is no token, and when the phone is an operator', async () => {
    const db = freshDb();
    const { fetchFn, sent } = fakeServer({});
    const view = renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/belum terdaftar sebagai perangkat koordinator/);
    view.unmount();
    await enrol(db, 'operator', '32.14.16.2005');
    renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/untuk koordinator/);
    expect(sent).toHaveLength(0);
  });
});
