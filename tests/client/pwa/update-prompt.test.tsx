import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/app/app';
import { setUnsavedInput } from '../../../src/client/features/enrol/unsaved-input';
import { I18nProvider, type Locale } from '../../../src/client/i18n';
import { attachSwController } from '../../../src/client/pwa/register';
import { createSwController } from '../../../src/client/pwa/sw-controller';
import { UpdateBanner, type UpdateBannerProps } from '../../../src/client/pwa/update-prompt';
import { fakeWorkbox } from './fake-workbox';

function renderBanner(props: Partial<UpdateBannerProps>, locale: Locale = 'id') {
  const handlers = { onUpdate: vi.fn(), onDismiss: vi.fn(), onDismissOfflineReady: vi.fn() };
  render(
    <I18nProvider initial={locale}>
      <UpdateBanner needRefresh={false} reloadNeeded={false} offlineReady={false} blocked={false} {...handlers} {...props} />
    </I18nProvider>,
  );
  return handlers;
}

afterEach(() => {
  setUnsavedInput(false);
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

describe('update flow in the app shell', () => {
  it('never applies an update while the enrol form shows unsaved input', async () => {
    const fake = fakeWorkbox();
    attachSwController(createSwController(fake.wb, vi.fn()));
    render(<App />);
    await screen.findByRole('heading', { level: 1 });

    act(() => fake.fire('waiting'));
    const update = await screen.findByRole('button', { name: 'Perbarui' });
    act(() => setUnsavedInput(true));
    expect(update).toHaveProperty('disabled', true);
    expect(screen.getByText(/Simpan dulu formulir pendaftaran/)).toBeTruthy();
    await userEvent.click(update);
    expect(fake.calls.skipWaiting).toBe(0);

    act(() => setUnsavedInput(false));
    expect(update).toHaveProperty('disabled', false);
    await userEvent.click(update);
    expect(fake.calls.skipWaiting).toBe(1);
  });
});
