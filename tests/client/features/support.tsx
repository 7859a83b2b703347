import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { db, resetPlaceIndex } from '../../../src/client/db';
import { I18nProvider } from '../../../src/client/i18n';
import { fetchPlacesFixture } from '../fixtures/places';

/** Renders a screen as the app does: inside the i18n provider, Indonesian first. */
export function renderScreen(ui: ReactElement): RenderResult {
  return render(<I18nProvider initial="id">{ui}</I18nProvider>);
}

/** Every test starts with an empty phone, the place files served, and the router at `/`. */
export async function freshPhone(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
  resetPlaceIndex();
  vi.stubGlobal('fetch', vi.fn(fetchPlacesFixture));
  window.history.replaceState(null, '', '/');
}

/** The input, select or textarea a script would find by its wire name. */
export function byName<T extends HTMLElement = HTMLInputElement>(container: HTMLElement, name: string): T {
  const el = container.querySelector<T>(`[name="${name}"]`);
  if (!el) throw new Error(`no field named ${name}`);
  return el;
}

/** The error text tied to an input through aria-describedby, as a screen reader hears it. */
export function describedText(el: HTMLElement): string {
  const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
