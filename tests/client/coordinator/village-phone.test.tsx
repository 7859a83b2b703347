import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoordinatorScreen } from '../../../src/client/features/coordinator';
import { boardFixture, enrol, fakeServer, freshDb, renderId, serverRegistration } from './helpers';

// On a 360 px phone the worker table scrolls sideways: a form opened inside a row was cut off,
// and the board's scroll position carried over to the village page.

const CODE = '32.14.16.2005';

async function openBoard() {
  const db = freshDb();
  await enrol(db);
  const reg = serverRegistration({ fullName: 'ASEP SUNANDAR' });
  const { fetchFn } = fakeServer({
    'GET /api/v1/quotas': () => ({ body: boardFixture() }),
    [`GET /api/v1/villages/${CODE}/registrations`]: () => ({ body: { registrations: [reg] } }),
  });
  renderId(<CoordinatorScreen db={db} fetchFn={fetchFn} />);
  return userEvent.setup();
}

describe('village page on a phone', () => {
  let scrollTo: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    window.history.replaceState(null, '', '/koordinator');
    scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens at its top, not at the board’s scroll position', async () => {
    const user = await openBoard();
    scrollTo.mockClear();
    await user.click(await screen.findByRole('link', { name: 'Tanjungsari' }));
    await screen.findByRole('table', { name: 'Peserta diterima (1)' });
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('asks to void in a dialog outside the table, naming the worker', async () => {
    window.history.replaceState(null, '', `/koordinator?desa=${CODE}`);
    const user = await openBoard();
    const table = await screen.findByRole('table', { name: 'Peserta diterima (1)' });
    await user.click(within(table).getByRole('button', { name: 'Batalkan pendaftaran ASEP SUNANDAR' }));
    const dialog = screen.getByRole('dialog', { name: 'Batalkan pendaftaran ASEP SUNANDAR' });
    expect(table.contains(dialog)).toBe(false);
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Alasan pembatalan' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('records a KPJ number in a dialog; the button’s name starts with what it shows', async () => {
    window.history.replaceState(null, '', `/koordinator?desa=${CODE}`);
    const user = await openBoard();
    const table = await screen.findByRole('table', { name: 'Peserta diterima (1)' });
    const button = within(table).getByRole('button', { name: 'Catat KPJ ASEP SUNANDAR' });
    expect(button.textContent).toBe('Catat KPJ');
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Catat KPJ ASEP SUNANDAR' });
    expect(table.contains(dialog)).toBe(false);
    expect(within(dialog).getByRole('textbox', { name: 'Nomor KPJ ASEP SUNANDAR' })).toBeTruthy();
  });
});
