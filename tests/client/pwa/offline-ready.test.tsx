import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/client/i18n';
import { InstallOffer, listenForInstallPrompt } from '../../../src/client/pwa/install-prompt';
import { attachSwController } from '../../../src/client/pwa/register';
import { createSwController } from '../../../src/client/pwa/sw-controller';
import { UpdatePrompt } from '../../../src/client/pwa/update-prompt';
import { fakeWorkbox } from './fake-workbox';

// A file of its own: the page's one controller is module state, and here it must be attached
// after the shell rendered, as in the app (the worker registers once the page has settled).

describe('offline readiness on a fresh phone', () => {
  it('says the app is ready without signal when the first install finishes after the shell rendered', async () => {
    render(<I18nProvider initial="id"><UpdatePrompt blocked={false} /></I18nProvider>);
    expect(screen.queryByRole('status')).toBeNull();
    const fake = fakeWorkbox();
    const controller = createSwController(fake.wb, vi.fn());
    act(() => attachSwController(controller));
    await act(() => controller.start());
    act(() => fake.fire('installed', { isUpdate: false }));
    expect((await screen.findByRole('status')).textContent).toContain('Aplikasi siap dipakai tanpa sinyal.');
    controller.stop();
  });
});

describe('install offer', () => {
  it('offers installation once the browser allows it, opens its prompt on a tap, and goes away', async () => {
    listenForInstallPrompt(window);
    render(<I18nProvider initial="id"><InstallOffer /></I18nProvider>);
    expect(screen.queryByRole('button', { name: 'Pasang' })).toBeNull(); // the browser has not allowed it
    const prompt = vi.fn(async () => undefined);
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt, userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => { window.dispatchEvent(event); });
    expect(event.defaultPrevented).toBe(true); // the app's offer, not the browser's mini-bar
    await userEvent.click(await screen.findByRole('button', { name: 'Pasang' }));
    expect(prompt).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pasang' })).toBeNull());
  });
});
