import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/client/db/app-state';
import { I18nProvider } from '../../../src/client/i18n';
import { StorageBadge } from '../../../src/client/pwa/storage-badge';

function withUsage(usage: number): void {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage, quota: 10 ** 9 }) },
  });
}

afterEach(async () => {
  Reflect.deleteProperty(navigator, 'storage');
  await appDb().meta.clear();
});

describe('StorageBadge (home)', () => {
  it('says in plain words what a storage that is not persistent means, and no "0 B"', async () => {
    withUsage(0);
    await appDb().meta.put({ key: 'storagePersisted', value: false });
    render(<I18nProvider initial="id"><StorageBadge /></I18nProvider>);
    const badge = screen.getByTestId('storage-badge');
    await waitFor(() => expect(badge.textContent).toBe('Data bisa terhapus jika memori ponsel penuh: kirim data sesering mungkin.'));
  });

  it('adds the size once there is data to count', async () => {
    withUsage(1536 * 1024);
    await appDb().meta.put({ key: 'storagePersisted', value: true });
    render(<I18nProvider initial="id"><StorageBadge /></I18nProvider>);
    await waitFor(() => expect(screen.getByTestId('storage-badge').textContent).toBe('Data tersimpan aman di ponsel ini. Terpakai 1,5 MB.'));
  });
});
