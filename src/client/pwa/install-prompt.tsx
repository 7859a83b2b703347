import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n';

// "Pasang aplikasi": Chromium fires `beforeinstallprompt` when the app may be installed; the
// event is kept (its default mini-bar suppressed) so that the app offers installation in its
// own words, at a calm place (home, settings), and the browser's prompt opens on a tap.

/** Chromium's event; not in TypeScript's DOM library. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

function isInstallPrompt(event: Event): event is BeforeInstallPromptEvent {
  return typeof (event as Partial<BeforeInstallPromptEvent>).prompt === 'function';
}

/** Called once at start (main.tsx), before the event can fire. Browsers without it never call. */
export function listenForInstallPrompt(target: Window = window): void {
  target.addEventListener('beforeinstallprompt', (event) => {
    if (!isInstallPrompt(event)) return;
    event.preventDefault();
    deferred = event;
    notify();
  });
  target.addEventListener('appinstalled', () => {
    deferred = null;
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const canInstall = () => deferred !== null;

/** Opens the browser's install prompt; the offer goes away whatever the answer (one use). */
async function install(): Promise<void> {
  const event = deferred;
  if (!event) return;
  deferred = null;
  notify();
  await event.prompt();
  await event.userChoice.catch(() => undefined);
}

/**
 * The offer, where the browser allows installing; nothing elsewhere (iOS, installed, Firefox).
 * `compact`: one button, for home, where a late, larger block would become the page's largest
 * paint (P2) and push nothing but itself.
 */
export function InstallOffer({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const available = useSyncExternalStore(subscribe, canInstall, () => false);
  const [later, setLater] = useState(false);
  if (!available || later) return null;
  if (compact) {
    return <button type="button" className="btn btn-wide install-offer" onClick={() => void install()}>{t('pwa.install.title')}</button>;
  }
  return (
    <section className="card install-offer" aria-labelledby="install-title">
      <h2 id="install-title">{t('pwa.install.title')}</h2>
      <p>{t('pwa.install.text')}</p>
      <div className="banner-actions">
        <button type="button" className="btn btn-primary" onClick={() => void install()}>{t('pwa.install.apply')}</button>
        <button type="button" className="btn" onClick={() => setLater(true)}>{t('pwa.install.later')}</button>
      </div>
    </section>
  );
}
