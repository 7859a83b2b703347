import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCount, searchRoster, settledRosterNames, visibleRosterNames } from './harness/app-actions';
import { openApp } from './harness/browser';
import { laterNameParts, nameKeyOf } from '../../src/shared/registration-keys';
import { generateRegistration, workerName } from './harness/generate';
import { DIST } from './harness/paths';
import { buildSeedScript } from './harness/seed-bundle';
import { startPhone, type Phone } from './harness/phone';

// 10,000 registrations in the phone's real IndexedDB, then the roster search must answer from
// its indexes. Villages are the real ones of Kecamatan Pondoksalam (from the built place files).

const COUNT = 10_000;

function pondoksalamVillages(): string[] {
  const regency = JSON.parse(readFileSync(join(DIST, 'places/32.14.json'), 'utf8')) as {
    districts: Array<{ code: string; villages: Array<[string, string]> }>;
  };
  return regency.districts.find((d) => d.code === '32.14.16')?.villages.map(([code]) => code) ?? [];
}

type Match = [key: string, index: number, name: string];
const byKeyThenId = (a: Match, b: Match) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);

/**
 * What the roster must show for a search: names starting with it (by name, then id), then names
 * with a later word starting with it (by that part of the name, then id).
 */
function expectedFor(text: string): string[] {
  const query = nameKeyOf(text);
  const starts: Match[] = [];
  const within: Match[] = [];
  for (let i = 0; i < COUNT; i++) {
    const name = workerName(i);
    const key = nameKeyOf(name);
    // The index lists a worker under its smallest matching part first.
    const part = laterNameParts(key).filter((p) => p.startsWith(query)).reduce<string | undefined>((a, p) => (a === undefined || p < a ? p : a), undefined);
    if (key.startsWith(query)) starts.push([name, i, name]);
    else if (part) within.push([part, i, name]);
  }
  // Local arrays, sorted in place on purpose (toSorted is ES2023; the tests target ES2022).
  // oxlint-disable-next-line unicorn/no-array-sort
  return [...starts.sort(byKeyThenId), ...within.sort(byKeyThenId)].map(([, , name]) => name);
}

let app: Phone;
const villages = pondoksalamVillages();

beforeAll(async () => {
  expect(villages.length).toBeGreaterThan(5);
  generateRegistration(0, villages); // throws here, readably, if the generator makes invalid data
  const script = await buildSeedScript();
  app = await startPhone();
  await app.page.evaluate(script);
  const stored = await app.page.evaluate(
    ([count, codes]) => (window as unknown as { desa100Seed: { seed: (n: number, v: string[]) => Promise<number> } })
      .desa100Seed.seed(count, codes),
    [COUNT, villages] as [number, string[]],
  );
  expect(stored).toBe(COUNT);
});

afterAll(async () => {
  await app?.close();
});

describe('roster over 10,000 local registrations', () => {
  it('lists them all', async () => {
    await openApp(app.page, '/peserta');
    await app.page.getByText(rosterCount(COUNT)).waitFor();
    const first = await settledRosterNames(app.page);
    expect(first.length).toBeGreaterThan(3);
    expect(first).toEqual(expectedFor('').slice(0, first.length));
  });

  it.each(['siti', 'Asep Her', 'EUIS KURNIASIH', 'ko', 'kurniasih'])('finds names with a word starting with "%s"', async (prefix) => {
    const expected = expectedFor(prefix);
    expect(expected.length).toBeGreaterThan(0);
    await searchRoster(app.page, prefix, expected.length);
    const shown = await settledRosterNames(app.page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected.slice(0, shown.length));
  });

  it('a one-letter search shows the first 500 at once, then how many match in all', async () => {
    const expected = expectedFor('s');
    expect(expected.length).toBeGreaterThan(500);
    await app.page.locator('input[name="q"]').fill('s');
    const grouped = String(expected.length).replace(/\B(?=(\d{3})+(?!\d))/g, '[.,]?');
    await app.page.locator('.roster-count').getByText(new RegExp(`^${grouped} peserta cocok, 500 pertama ditampilkan`)).waitFor();
    const shown = await settledRosterNames(app.page);
    expect(shown).toEqual(expected.slice(0, shown.length));
  });

  it('says so when nothing matches', async () => {
    await searchRoster(app.page, 'zzz', 0);
    expect(await settledRosterNames(app.page)).toEqual([]);
  });

  it('finds a worker by the last digits of the NIK', async () => {
    const worker = generateRegistration(4321, villages);
    await app.page.locator('input[name="q"]').fill(worker.nik.slice(-8));
    await expect.poll(() => visibleRosterNames(app.page)).toContain(worker.fullName);
  });
});
