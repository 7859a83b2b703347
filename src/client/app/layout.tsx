import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, readNavState, type NavState } from '../db/app-state';
import { useI18n } from '../i18n';
// The file, not the feature's index: the index would pull the whole form into the first chunk.
import { useHasUnsavedInput } from '../features/enrol/unsaved-input';
import { UpdatePrompt } from '../pwa/update-prompt';
import { useBeforeUnloadWarning } from '../pwa/unsaved-input';
import { importWhenReachable } from './deferred';
import { LanguageSwitch } from './language-switch';
import { NavIcon, type NavIconName } from './nav-icons';
import { useOnline } from './online-status';
import { Link, useRoute } from './router';

// The sync band and the engine behind it (storage, wire checks) are a chunk of their own: the
// first screen does not wait for them. The placeholder keeps the band's height (no layout shift).
const SyncStatus = lazy(() =>
  importWhenReachable(() => import('../features/sync-status')).then((m) => ({ default: m.SyncStatus })));

interface NavItem {
  href: string;
  label: string;
  icon: NavIconName;
}

const HOME: NavItem = { href: '/', label: 'nav.home', icon: 'home' };
const ENROL: NavItem = { href: '/daftar', label: 'nav.enrol', icon: 'enrol' };
const ROSTER: NavItem = { href: '/peserta', label: 'nav.roster', icon: 'roster' };
const COORDINATOR: NavItem = { href: '/koordinator', label: 'nav.coordinator', icon: 'coordinator' };
const EVENT_DESK: NavItem = { href: '/penyerahan', label: 'nav.distribution', icon: 'card' };
const SETTINGS: NavItem = { href: '/pengaturan', label: 'nav.settings', icon: 'settings' };

/** At most five items: a sixth would not fit a 360 px screen with readable labels. */
function navItems(state: NavState | null): NavItem[] {
  // A coordinator's phone cannot enrol (the server takes only voids and handovers from it):
  // its Daftar item gives way to the coordinator's screens. An admin may enrol, from home's
  // big button: its menu is a coordinator's so that it keeps five items.
  const desk = state?.role === 'coordinator' || state?.role === 'admin';
  const items = desk ? [HOME, ROSTER, COORDINATOR] : [HOME, ENROL, ROSTER];
  if (state?.eventDesk) items.push(EVENT_DESK);
  items.push(SETTINGS);
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const route = useRoute();
  const online = useOnline();
  const navState = useLiveQuery(() => readNavState(appDb()), [], null);
  const unsaved = useHasUnsavedInput();
  useBeforeUnloadWarning(unsaved);

  // After an in-app navigation, move focus to the new screen so a screen reader starts there
  // (and the page is scrolled to its top); not on the first load, where focus belongs to the page.
  const content = useRef<HTMLDivElement>(null);
  const pathname = route.pathname;
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    content.current?.focus();
  }, [pathname]);

  const nav = navItems(navState);
  const network = t(online ? 'app.online' : 'app.offline');

  return (
    <div className="shell">
      <a className="skip-link" href="#content">{t('app.skip')}</a>
      <header className="app-header">
        <Link href="/" className="brand">{t('app.name')}</Link>
        <span className={`net ${online ? 'net-on' : 'net-off'}`} role="status" data-testid="network-state">
          <span className="sr-only">{t('app.network')} </span>
          {network}
        </span>
        <LanguageSwitch />
      </header>
      <UpdatePrompt blocked={unsaved} />
      <Suspense fallback={<div className="sync-status-placeholder" aria-hidden="true" />}>
        <SyncStatus />
      </Suspense>
      <div id="content" ref={content} tabIndex={-1} className="content">
        {children}
      </div>
      <nav className="bottom-nav" aria-label={t('nav.label')}>
        <ul>
          {nav.map((item) => (
            <li key={item.href}>
              <Link href={item.href} match="prefix">
                <NavIcon name={item.icon} />
                <span>{t(item.label)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
