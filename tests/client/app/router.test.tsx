import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Link, matchPath, navigate, resolveRoute, useRoute } from '../../../src/client/app/router';

function Where() {
  const route = useRoute();
  return (
    <p data-testid="where">
      {route.name} {JSON.stringify(route.params)} {route.query.get('code') ?? ''}
    </p>
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('matchPath and resolveRoute', () => {
  it('matches static and parameter segments, ignoring a trailing slash', () => {
    expect(matchPath('/daftar', '/daftar')).toEqual({});
    expect(matchPath('/daftar', '/daftar/')).toEqual({});
    expect(matchPath('/peserta/:id', '/peserta/abc-1')).toEqual({ id: 'abc-1' });
    expect(matchPath('/peserta/:id', '/peserta')).toBeNull();
    expect(matchPath('/peserta/:id', '/peserta/a/b')).toBeNull();
  });

  it('names every app route and decodes parameters', () => {
    expect(resolveRoute('/').name).toBe('home');
    expect(resolveRoute('/daftar').name).toBe('enrol');
    expect(resolveRoute('/daftar/x%20y')).toMatchObject({ name: 'enrol-edit', params: { id: 'x y' } });
    expect(resolveRoute('/peserta').name).toBe('roster');
    expect(resolveRoute('/peserta/42')).toMatchObject({ name: 'registration', params: { id: '42' } });
    expect(resolveRoute('/pengaturan').name).toBe('settings');
    expect(resolveRoute('/koordinator').name).toBe('coordinator');
    expect(resolveRoute('/penyerahan').name).toBe('distribution');
    expect(resolveRoute('/enrol?code=AB12').query.get('code')).toBe('AB12');
  });

  it('treats unknown paths and malformed escapes as not found instead of crashing', () => {
    expect(resolveRoute('/nope').name).toBe('not-found');
    expect(resolveRoute('/peserta/%E0%A4%A').name).toBe('not-found');
  });
});

describe('navigate and useRoute', () => {
  it('re-renders on navigate() and on the back button', async () => {
    render(<Where />);
    expect(screen.getByTestId('where').textContent).toContain('home');

    act(() => navigate('/peserta/7'));
    expect(window.location.pathname).toBe('/peserta/7');
    expect(screen.getByTestId('where').textContent).toContain('registration {"id":"7"}');

    act(() => navigate('/enrol?code=XYZ', { replace: true }));
    expect(screen.getByTestId('where').textContent).toContain('device {} XYZ');

    // replace: the back button skips /enrol and returns to / (before /peserta/7 was pushed).
    await act(async () => {
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      window.history.back();
      await popped;
    });
    expect(screen.getByTestId('where').textContent).toContain('home');
  });
});

describe('Link', () => {
  it('navigates in-page on a plain click and marks the current page', () => {
    render(
      <>
        <Link href="/pengaturan">Pengaturan</Link>
        <Link href="/peserta" match="prefix">Peserta</Link>
        <Where />
      </>,
    );
    const settings = screen.getByRole('link', { name: 'Pengaturan' });
    expect(settings.getAttribute('href')).toBe('/pengaturan');
    expect(settings.getAttribute('aria-current')).toBeNull();

    const notPrevented = fireEvent.click(settings);
    expect(notPrevented).toBe(false); // the router took over: no full page load
    expect(window.location.pathname).toBe('/pengaturan');
    expect(settings.getAttribute('aria-current')).toBe('page');

    act(() => navigate('/peserta/9'));
    expect(screen.getByRole('link', { name: 'Peserta' }).getAttribute('aria-current')).toBe('page');
    expect(settings.getAttribute('aria-current')).toBeNull();
  });

  it('leaves modified clicks to the browser (open in a new tab)', () => {
    render(<Link href="/pengaturan">Pengaturan</Link>);
    const link = screen.getByRole('link', { name: 'Pengaturan' });
    link.addEventListener('click', (e) => e.preventDefault()); // keep jsdom from "navigating"
    fireEvent.click(link, { ctrlKey: true });
    expect(window.location.pathname).toBe('/');
  });
});
