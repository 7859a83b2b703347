import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/client/app/error-boundary';

let failing = true;
function Flaky() {
  if (failing) throw new Error('Ada data: SITI AMINAH 3214164503850001');
  return <p>Layar pulih</p>;
}

function Missing(): never {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/roster-x.js');
}

beforeEach(() => {
  failing = true;
  document.documentElement.lang = 'id';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows a calm Indonesian message, logs no personal data, and recovers on "Coba lagi"', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { logged.push(args); });
    render(<ErrorBoundary><Flaky /></ErrorBoundary>);

    expect(screen.getByRole('alert').textContent).toContain('Maaf, ada yang tidak beres di layar ini.');
    expect(screen.getByText(/tetap aman di ponsel ini/)).toBeTruthy();
    const ours = logged.filter((args) => String(args[0]).startsWith('desa100:'));
    expect(ours).toHaveLength(1);
    expect(JSON.stringify(ours)).not.toContain('3214164503850001');

    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(screen.getByText('Layar pulih')).toBeTruthy();
  });

  it('explains a screen that could not be fetched offline', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    document.documentElement.lang = 'en';
    render(<ErrorBoundary><Missing /></ErrorBoundary>);
    expect(screen.getByRole('alert').textContent).toContain('not stored for offline use yet');
    expect(screen.getByRole('link', { name: 'Go home' }).getAttribute('href')).toBe('/');
  });
});
