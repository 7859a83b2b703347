import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appDb } from '../../../src/client/db/app-state';
import { I18nProvider, type Locale } from '../../../src/client/i18n';
import { useUnsavedInput } from '../../../src/client/pwa/unsaved-input';
import { UpdateBanner, type UpdateBannerProps } from '../../../src/client/pwa/update-prompt';

function renderBanner(props: Partial<UpdateBannerProps>, locale: Locale = 'id') {
  const handlers = { onUpdate: vi.fn(), onDismiss: vi.fn(), onDismissOfflineReady: vi.fn() };
  render(
    <I18nProvider initial={locale}>
      <UpdateBanner needRefresh={false} reloadNeeded={false} offlineReady={false} blocked={false} {...handlers} {...props} />
    </I18nProvider>,
  );
  return handlers;
}

afterEach(async () => {
  await appDb().drafts.clear();
});

describe('UpdateBanner', () => {
  it('offers the new version and applies it on "Perbarui"', async () => {
    const h = renderBanner({ needRefresh: true });
    expect(screen.getByRole('status').textContent).toContain('Versi baru tersedia');
    await userEvent.click(screen.getByRole('button', { name: 'Perbarui' }));
    expect(h.onUpdate).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Nanti' }));
    expect(h.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('holds the update while the enrol form has unsaved input, and says why', async () => {
    const h = renderBanner({ needRefresh: true, blocked: true });
    const button = screen.getByRole('button', { name: 'Perbarui' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText(/Simpan dulu formulir pendaftaran/)).toBeTruthy();
    expect(button.getAttribute('aria-describedby')).toBe('update-blocked');
    await userEvent.click(button);
    expect(h.onUpdate).not.toHaveBeenCalled();
  });

  it('asks for a reload when another tab switched versions', async () => {
    const h = renderBanner({ reloadNeeded: true });
    expect(screen.getByRole('status').textContent).toContain('tab lain');
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(h.onUpdate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Nanti' })).toBeNull();
  });

  it('announces offline readiness, in English too', async () => {
    const h = renderBanner({ offlineReady: true }, 'en');
    expect(screen.getByRole('status').textContent).toContain('ready to work without signal');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(h.onDismissOfflineReady).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when there is nothing to say', () => {
    renderBanner({});
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('useUnsavedInput', () => {
  it('is true only while the form is open and a draft is stored', async () => {
    const open = renderHook(() => useUnsavedInput(true));
    const closed = renderHook(() => useUnsavedInput(false));
    await waitFor(() => expect(open.result.current).toBe(false));

    await appDb().drafts.put({ id: 'new', registrationId: null, values: { fullName: 'SITI' }, updatedAt: new Date().toISOString() });
    await waitFor(() => expect(open.result.current).toBe(true));
    expect(closed.result.current).toBe(false);

    await appDb().drafts.delete('new');
    await waitFor(() => expect(open.result.current).toBe(false));
  });
});
