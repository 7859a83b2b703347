import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Messages } from '../../../src/client/i18n/types';

// The first chunk carries only the shell's words; each feature registers its own file of
// i18n/messages when its module loads. A key a feature names but never registers would show
// as the raw key on the phone: this finds every quoted key in a feature's sources and checks
// it has words once the feature's entry module (what the lazy route loads) is imported.

const ROOT = join(import.meta.dirname, '../../../src/client');
const messageFiles = import.meta.glob<Record<string, Messages>>('../../../src/client/i18n/messages/*.ts', { eager: true });
const allKeys = new Set(Object.values(messageFiles).flatMap((mod) => Object.values(mod).flatMap((dict) => Object.keys(dict))));

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every quoted string in the folder's sources that is a message key somewhere. */
function keysNamedIn(dir: string): string[] {
  const found = new Set<string>();
  for (const source of sourcesOf(dir)) {
    for (const match of source.matchAll(/'([a-z][\w.-]*)'/g)) {
      const key = match[1] as string;
      if (allKeys.has(key)) found.add(key);
    }
  }
  return [...found];
}

const FEATURES: Record<string, () => Promise<unknown>> = {
  enrol: () => import('../../../src/client/features/enrol'),
  roster: () => import('../../../src/client/features/roster'),
  quota: () => import('../../../src/client/features/quota'),
  settings: () => import('../../../src/client/features/settings'),
  device: () => import('../../../src/client/features/device'),
  coordinator: () => import('../../../src/client/features/coordinator'),
  distribution: () => import('../../../src/client/features/distribution'),
  'sync-status': () => import('../../../src/client/features/sync-status'),
};

beforeEach(() => {
  vi.resetModules();
});

describe('per-feature strings', () => {
  it('the shell alone knows its own words and none of a lazy feature', async () => {
    const { hasMessage, translate } = await import('../../../src/client/i18n');
    expect(translate('id', 'nav.enrol')).toBe('Daftar');
    expect(translate('id', 'invalid.required')).toBe('Wajib diisi.');
    const lazy = ['enrol.title.new', 'rejection.invalid', 'roster.title', 'quota.title', 'coord.title', 'dist.title', 'settings.title', 'device.title', 'sync.title'];
    for (const key of lazy) {
      expect(allKeys.has(key), key).toBe(true);
      expect(hasMessage(key), key).toBe(false);
      expect(translate('id', key)).toBe(key);
    }
  });

  for (const [name, load] of Object.entries(FEATURES)) {
    it(`${name}: every key its sources name has words once its module is loaded`, async () => {
      const { hasMessage } = await import('../../../src/client/i18n');
      await load();
      const keys = keysNamedIn(join(ROOT, 'features', name));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((key) => !hasMessage(key))).toEqual([]);
    });
  }

  it('the shell names only keys it carries itself', async () => {
    const { hasMessage } = await import('../../../src/client/i18n');
    const keys = [...keysNamedIn(join(ROOT, 'app')), ...keysNamedIn(join(ROOT, 'pwa'))];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !hasMessage(key))).toEqual([]);
  });
});
