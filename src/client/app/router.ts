import {
  createElement, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode,
} from 'react';

// A history-API router in one file: react-router would cost more bytes than the whole shell,
// and the app has a dozen flat routes. Screens are mapped to route names in routes.tsx.

/** Every route the app knows, in match order. `:name` matches one path segment. */
export const ROUTES = [
  { name: 'home', pattern: '/' },
  { name: 'enrol', pattern: '/daftar' },
  { name: 'enrol-edit', pattern: '/daftar/:id' },
  { name: 'roster', pattern: '/peserta' },
  { name: 'registration', pattern: '/peserta/:id' },
  { name: 'settings', pattern: '/pengaturan' },
  { name: 'device', pattern: '/enrol' },
  { name: 'coordinator', pattern: '/koordinator' },
  { name: 'distribution', pattern: '/penyerahan' },
] as const;

export type RouteName = (typeof ROUTES)[number]['name'] | 'not-found';

export interface Route {
  name: RouteName;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  pathname: string;
}

const NAVIGATE_EVENT = 'desa100:navigate';

/** Path + query, the part of the URL routes depend on; a string so React can compare it. */
function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const next = url.pathname + url.search + url.hash;
  if (next === currentUrl() + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a malformed %-escape is a URL we do not know, not a crash
  }
}

/** Params of `pattern` in `pathname`, or null. A trailing slash is ignored. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) {
      const value = decode(h);
      if (value === null || value === '') return null;
      params[w.slice(1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

export function resolveRoute(url: string): Route {
  const parsed = new URL(url, 'http://local');
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, parsed.pathname);
    if (params) return { name: route.name, params, query: parsed.searchParams, pathname: parsed.pathname };
  }
  return { name: 'not-found', params: {}, query: parsed.searchParams, pathname: parsed.pathname };
}

/** The current route; re-renders on navigate() and on back/forward. */
export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, currentUrl, () => '/');
  return useMemo(() => resolveRoute(url), [url]);
}

/** Whether `href` is the current page (`exact`) or the section it starts (`prefix`). */
export function isActive(href: string, pathname: string, match: 'exact' | 'prefix' = 'exact'): boolean {
  if (match === 'exact' || href === '/') return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string;
  replace?: boolean;
  /** How aria-current is decided: the bottom navigation marks whole sections. */
  match?: 'exact' | 'prefix';
  children?: ReactNode;
}

/** A real <a href> (so long-press, middle-click and "open in new tab" work) routed in-page. */
export function Link({ href, replace, match = 'exact', onClick, children, ...rest }: LinkProps) {
  const route = useRoute();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href, { replace });
  };
  return createElement(
    'a',
    { ...rest, href, onClick: handleClick, 'aria-current': isActive(href, route.pathname, match) ? 'page' : undefined },
    children,
  );
}
