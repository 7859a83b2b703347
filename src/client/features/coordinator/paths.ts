import type { MouseEvent } from 'react';
import { navigate } from '../../app/router';

// URLs of the coordinator screen's sub-views (the shell routes /koordinator here).
export const COORDINATOR_PATH = '/koordinator';

export function villageHref(villageCode: string): string {
  return `${COORDINATOR_PATH}?desa=${encodeURIComponent(villageCode)}`;
}

/** A real link (long-press and "open in new tab" work) that navigates in-page on a plain click. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? COORDINATOR_PATH);
}

export function tabHref(tab: string): string {
  return tab === 'board' ? COORDINATOR_PATH : `${COORDINATOR_PATH}?tab=${tab}`;
}

/** The board narrowed to a region inside the coordinator's scope (a province or regency code). */
export function regionHref(code: string): string {
  return `${COORDINATOR_PATH}?wilayah=${encodeURIComponent(code)}`;
}
