import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceIndex, RegencyPlaces } from '../../src/shared/places/codes';
import { PROVINCES } from '../../src/shared/places/provinces';
import { loadPlaces } from '../../src/server/places';

// The PWA's place files and the server's registry come from two pipelines (script and server
// module); the phone and the server must agree on every village, so they are compared in full.
const root = join(import.meta.dirname, '..', '..');
let dir: string;

function build(): string {
  const r = spawnSync(process.execPath, [
    '--import', 'tsx',
    join(root, 'scripts', 'build-places.mjs'),
    '--out-dir', join(dir, 'places'),
    '--provinces-ts', join(dir, 'provinces.ts'),
  ], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(dir, 'places', file), 'utf8')) as T;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desa100-places-'));
  build();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/build-places.mjs', () => {
  it('writes the index with provinces, regencies, source and licence', () => {
    const index = readJson<PlaceIndex>('index.json');
    expect(index.provinces).toHaveLength(38);
    expect(index.regencies).toHaveLength(514);
    expect(index.licence).toBe('Data wilayah: idn-area-data (Kepmendagri 2025), ODbL-1.0');
    expect(index.source).toMatch(/^idn-area-data \d+\.\d+\.\d+ /);
    expect(index.provinces.find((p) => p.code === '32')).toEqual({ code: '32', name: 'Jawa Barat' });
    expect(index.regencies.find((r) => r.code === '32.14'))
      .toEqual({ code: '32.14', provinceCode: '32', name: 'Kabupaten Purwakarta' });
  });

  it('writes one file per regency that agrees with the server registry, village by village', () => {
    const index = readJson<PlaceIndex>('index.json');
    const places = loadPlaces();
    expect(new Set(readdirSync(join(dir, 'places')))).toEqual(
      new Set(['index.json', ...index.regencies.map((r) => `${r.code}.json`)]),
    );
    let villages = 0;
    for (const { code } of index.regencies) {
      const regency = readJson<RegencyPlaces>(`${code}.json`);
      expect(regency.name).toBe(places.regionName(code));
      expect(regency.province).toEqual({ code: code.slice(0, 2), name: places.regionName(code.slice(0, 2)) });
      const flat = regency.districts.flatMap((d) => d.villages.map(([vc, name]) => ({
        code: vc, name, districtCode: d.code, districtName: d.name,
      })));
      expect(flat).toEqual(places.villagesUnder(code).map((v) => ({
        code: v.code, name: v.name, districtCode: v.districtCode, districtName: v.districtName,
      })));
      villages += flat.length;
    }
    expect(villages).toBe(83762);
  });

  it('lays out Purwakarta as the PWA expects', () => {
    const purwakarta = readJson<RegencyPlaces>('32.14.json');
    const pondoksalam = purwakarta.districts.find((d) => d.code === '32.14.16');
    expect(pondoksalam?.name).toBe('Pondoksalam');
    expect(pondoksalam?.villages).toContainEqual(['32.14.16.2005', 'Tanjungsari']);
    expect(purwakarta.districts.reduce((n, d) => n + d.villages.length, 0)).toBe(192);
  });

  it('generates provinces.ts identical to the committed one', () => {
    const generated = readFileSync(join(dir, 'provinces.ts'), 'utf8');
    expect(generated).toBe(readFileSync(join(root, 'src', 'shared', 'places', 'provinces.ts'), 'utf8'));
    expect(generated.split('\n')[0]).toContain('scripts/build-places.mjs');
    expect(PROVINCES.map(([code, name]) => ({ code, name }))).toEqual(readJson<PlaceIndex>('index.json').provinces);
  });

  it('is idempotent: a rerun writes nothing and removes only stale regency files', () => {
    const before = statSync(join(dir, 'places', '32.14.json')).mtimeMs;
    writeFileSync(join(dir, 'places', '99.99.json'), '{}');
    writeFileSync(join(dir, 'places', 'notes.txt'), 'not ours');
    expect(build()).toMatch(/; 0 file\(s\) written, 1 removed/);
    expect(statSync(join(dir, 'places', '32.14.json')).mtimeMs).toBe(before);
    expect(readdirSync(join(dir, 'places'))).not.toContain('99.99.json');
    expect(readdirSync(join(dir, 'places'))).toContain('notes.txt');
  });

  it('rewrites a provinces.ts that drifted', () => {
    writeFileSync(join(dir, 'provinces.ts'), 'export const PROVINCES = [];\n');
    expect(build()).toMatch(/; 1 file\(s\) written/);
    expect(readFileSync(join(dir, 'provinces.ts'), 'utf8'))
      .toBe(readFileSync(join(root, 'src', 'shared', 'places', 'provinces.ts'), 'utf8'));
  });
});
