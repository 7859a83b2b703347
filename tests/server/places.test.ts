import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { villageKind } from '../../src/shared/places/codes';
import { buildPlaces, loadPlaces, placesDataDir } from '../../src/server/places';

// The registry is checked against the CSV files read independently of its parser: codes are the
// first column and never quoted, so the first comma ends them.
function codesOf(file: string): string[] {
  const lines = readFileSync(join(placesDataDir(), file), 'utf8').split('\n').slice(1);
  return lines.filter((l) => l.trim() !== '').map((l) => l.slice(0, l.indexOf(',')));
}

/** Strictly ascending: sorted and without repeats. */
function ascending(codes: string[]): boolean {
  return codes.every((c, i) => i === 0 || (codes[i - 1] as string) < c);
}

describe('loadPlaces (real idn-area-data)', () => {
  const places = loadPlaces();

  it('is memoised', () => {
    expect(loadPlaces()).toBe(places);
  });

  it('holds every place of the CSVs, and only those', () => {
    const provinces = codesOf('provinces.csv');
    const regencies = codesOf('regencies.csv');
    const districts = codesOf('districts.csv');
    const villages = codesOf('villages.csv');
    expect([provinces.length, regencies.length, districts.length, villages.length])
      .toEqual([38, 514, 7285, 83762]);
    for (const code of [...provinces, ...regencies, ...districts, ...villages]) {
      expect(places.regionName(code), code).toBeTypeOf('string');
    }
    const all = places.villagesUnder('*');
    expect(all).toHaveLength(villages.length);
    expect(ascending(all.map((v) => v.code))).toBe(true);
    expect(new Set(all.map((v) => v.code))).toEqual(new Set(villages));
    expect(new Set(all.map((v) => v.districtCode)).size).toBe(districts.length);
    expect(new Set(all.map((v) => v.regencyCode)).size).toBe(regencies.length);
    expect(new Set(all.map((v) => v.provinceCode)).size).toBe(provinces.length);
  });

  it('knows Desa Tanjungsari, Kecamatan Pondoksalam, Kabupaten Purwakarta', () => {
    expect(places.village('32.14.16.2005')).toEqual({
      code: '32.14.16.2005',
      name: 'Tanjungsari',
      districtCode: '32.14.16',
      districtName: 'Pondoksalam',
      regencyCode: '32.14',
      regencyName: 'Kabupaten Purwakarta',
      provinceCode: '32',
      provinceName: 'Jawa Barat',
    });
    expect(places.regionName('32')).toBe('Jawa Barat');
    expect(places.regionName('32.14')).toBe('Kabupaten Purwakarta');
    expect(places.regionName('32.14.16')).toBe('Pondoksalam');
    expect(places.regionName('32.14.16.2005')).toBe('Tanjungsari');
  });

  it('reads quoted names with commas and doubled quotes', () => {
    expect(places.regionName('12.07.28.1007')).toBe('Lubuk Pakam I,II');
    expect(places.regionName('35.13.15.2017')).toBe('Soka"an');
  });

  it('answers undefined for codes that are not real places', () => {
    for (const code of ['', '*', '00', '99', '32.99', '32.14.99', '32.14.16.2999', '32.14.16.205',
      '3214162005', ' 32.14.16.2005', '32.14.16.2005 ', '32.14.16']) {
      expect(places.village(code), code).toBeUndefined();
    }
    for (const code of ['', '00', '32.99', '32.14.16.9999', 'Jawa Barat', '32.']) {
      expect(places.regionName(code), code).toBeUndefined();
    }
  });

  it('lists the villages under a prefix, sorted by code', () => {
    const district = places.villagesUnder('32.14.16');
    expect(district).toHaveLength(11);
    expect(district[0]?.name).toBe('Parakansalam');
    expect(district.map((v) => v.code)).toContain('32.14.16.2005');

    // Purwakarta: 183 desa and 9 kelurahan (domain.md).
    const regency = places.villagesUnder('32.14');
    expect(regency).toHaveLength(192);
    expect(regency.filter((v) => villageKind(v.code) === 'desa')).toHaveLength(183);
    expect(regency.filter((v) => villageKind(v.code) === 'kelurahan')).toHaveLength(9);

    const province = places.villagesUnder('32');
    expect(province.every((v) => v.code.startsWith('32.') && v.provinceName === 'Jawa Barat')).toBe(true);
    expect(province.length).toBeGreaterThan(regency.length);

    for (const list of [district, regency, province, places.villagesUnder('*')]) {
      expect(ascending(list.map((v) => v.code))).toBe(true);
    }
    expect(places.villagesUnder('32.14.16.2005').map((v) => v.name)).toEqual(['Tanjungsari']);
  });

  it('answers an empty list for prefixes that are not places', () => {
    for (const prefix of ['', '3', '32.1', '32.14.1', '99', '32.14.16.2999', '32.', 'x']) {
      expect(places.villagesUnder(prefix), prefix).toEqual([]);
    }
  });

  it('hands out copies, so a caller cannot reorder the registry', () => {
    const mine = places.villagesUnder('32.14');
    mine.reverse();
    mine.length = 1;
    expect(places.villagesUnder('32.14')).toHaveLength(192);
    expect(places.villagesUnder('32.14')[0]?.code).toBe('32.14.01.1001');
  });
});

describe('buildPlaces (data checks)', () => {
  const ok = {
    provinces: 'code,name\n32,Jawa Barat\n',
    regencies: 'code,province_code,name\n32.14,32,Kabupaten Purwakarta\n',
    districts: 'code,regency_code,name\n32.14.16,32.14,Pondoksalam\n',
    villages: 'code,district_code,name\r\n32.14.16.2005,32.14.16,Tanjungsari\r\n32.14.16.2001,32.14.16,"Parakan, ""Salam"""\r\n',
  };

  it('sorts villages and reads CRLF and quoted names', () => {
    const places = buildPlaces(ok);
    expect(places.villagesUnder('*').map((v) => v.name)).toEqual(['Parakan, "Salam"', 'Tanjungsari']);
  });

  it('refuses a village whose district is unknown or does not contain it', () => {
    expect(() => buildPlaces({ ...ok, villages: 'code,district_code,name\n32.14.17.2001,32.14.17,X\n' }))
      .toThrow(/unknown parent 32\.14\.17/);
    expect(() => buildPlaces({ ...ok, villages: 'code,district_code,name\n32.14.17.2001,32.14.16,X\n' }))
      .toThrow(/not under 32\.14\.16/);
  });

  it('refuses duplicates and missing columns', () => {
    expect(() => buildPlaces({ ...ok, provinces: 'code,name\n32,A\n32,B\n' })).toThrow(/twice/);
    expect(() => buildPlaces({ ...ok, provinces: 'kode,nama\n32,A\n' })).toThrow(/no column "code"/);
  });
});
