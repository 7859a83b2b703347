// Turns idn-area-data's CSVs (Kepmendagri 2025, ODbL-1.0) into what the PWA ships:
//   public/places/index.json       PlaceIndex: provinces and regencies (src/shared/places/codes.ts)
//   public/places/<PP.RR>.json     RegencyPlaces: one regency's districts and villages
//   src/shared/places/provinces.ts PROVINCES, which the NIK check needs without any fetch
// Run by `npm run build` before `vite build`. Idempotent: a file is written only when its
// content changes, so file times (and vite's caches) stay put on a rerun; stale regency files
// are removed. `--out-dir` and `--provinces-ts` redirect the outputs (tests build into a
// temporary folder).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// Runs under tsx (`node --import tsx`) so that it reads the CSVs with the server's own parser:
// one parser for the phone's place files and the server's registry.
import { readColumns } from '../src/server/places/csv.ts';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { 'out-dir': { type: 'string' }, 'provinces-ts': { type: 'string' } },
});
const outDir = args['out-dir'] ?? join(root, 'public', 'places');
const provincesTs = args['provinces-ts'] ?? join(root, 'src', 'shared', 'places', 'provinces.ts');

const require = createRequire(import.meta.url);
const pkgPath = require.resolve('idn-area-data/package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const dataDir = join(dirname(pkgPath), 'data');
const csv = (file, columns) => readColumns(readFileSync(join(dataDir, file), 'utf8'), columns);

const SOURCE = `idn-area-data ${pkg.version} (https://github.com/fityannugroho/idn-area-data)`;
const LICENCE = 'Data wilayah: idn-area-data (Kepmendagri 2025), ODbL-1.0';

/** Fixed-width dotted codes sort correctly as strings. */
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** A bad row would ship a broken place list to every phone: stop the build instead. */
function fail(message) {
  throw new Error(`build-places: idn-area-data: ${message}`);
}

const provinces = csv('provinces.csv', ['code', 'name']).map(([code, name]) => ({ code, name })).toSorted(byCode);
const provinceByCode = new Map(provinces.map((p) => [p.code, p]));

const regencies = csv('regencies.csv', ['code', 'province_code', 'name'])
  .map(([code, provinceCode, name]) => {
    if (!provinceByCode.has(provinceCode) || !code.startsWith(`${provinceCode}.`)) {
      fail(`regency ${code} is not under a known province (${provinceCode})`);
    }
    return { code, provinceCode, name };
  })
  .toSorted(byCode);
const regencyPlaces = new Map(regencies.map((r) => {
  const province = provinceByCode.get(r.provinceCode);
  return [r.code, { code: r.code, name: r.name, province: { code: province.code, name: province.name }, districts: [] }];
}));

const districts = new Map();
for (const [code, regencyCode, name] of csv('districts.csv', ['code', 'regency_code', 'name'])) {
  const regency = regencyPlaces.get(regencyCode);
  if (!regency || !code.startsWith(`${regencyCode}.`)) fail(`district ${code} is not under a known regency (${regencyCode})`);
  if (districts.has(code)) fail(`district ${code} appears twice`);
  const district = { code, name, villages: [] };
  districts.set(code, district);
  regency.districts.push(district);
}

const villageCodes = new Set();
for (const [code, districtCode, name] of csv('villages.csv', ['code', 'district_code', 'name'])) {
  const district = districts.get(districtCode);
  if (!district || !code.startsWith(`${districtCode}.`)) fail(`village ${code} is not under a known district (${districtCode})`);
  if (villageCodes.has(code)) fail(`village ${code} appears twice`);
  villageCodes.add(code);
  district.villages.push([code, name]);
}
for (const regency of regencyPlaces.values()) {
  regency.districts.sort(byCode);
  for (const d of regency.districts) d.villages.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

let written = 0;
/** Writes through a temporary file and a rename: a dev server never reads half a file. */
function writeIfChanged(path, content) {
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) return;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  written++;
}

mkdirSync(outDir, { recursive: true });
const index = { provinces, regencies, source: SOURCE, licence: LICENCE };
const files = new Set(['index.json']);
writeIfChanged(join(outDir, 'index.json'), JSON.stringify(index));
for (const regency of regencyPlaces.values()) {
  const file = `${regency.code}.json`;
  files.add(file);
  writeIfChanged(join(outDir, file), JSON.stringify(regency));
}
let removed = 0;
for (const file of readdirSync(outDir)) {
  // Only what this script would have written: a regency that left the dataset must not linger.
  if (/^(\d{2}\.\d{2}|index)\.json$/.test(file) && !files.has(file)) {
    rmSync(join(outDir, file));
    removed++;
  }
}

const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const provincesSource = [
  '// Generated by scripts/build-places.mjs from idn-area-data (ODbL-1.0). Do not edit by hand.',
  'export const PROVINCES: ReadonlyArray<readonly [code: string, name: string]> = [',
  ...provinces.map((p) => `  [${quote(p.code)}, ${quote(p.name)}],`),
  '];',
  '',
].join('\n');
writeIfChanged(provincesTs, provincesSource);

console.log(
  `places: ${provinces.length} provinces, ${regencies.length} regencies, ${districts.size} districts, ` +
    `${villageCodes.size} villages; ${written} file(s) written, ${removed} removed ` +
    `(${Math.round(performance.now() - started)} ms)`,
);
