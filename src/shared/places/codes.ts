// Kemendagri dotted codes: PP, PP.RR, PP.RR.DD, PP.RR.DD.VVVV.
export const VILLAGE_CODE_RE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const REGION_PREFIX_RE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export type VillageKind = 'kelurahan' | 'desa' | 'desa-adat';

export function isVillageCode(code: string): boolean {
  return VILLAGE_CODE_RE.test(code);
}

/** A scope is `*` or a region prefix; a coordinator of `32.14` sees `32.14.16.2005`. */
export function isScope(scope: string): boolean {
  return scope === '*' || REGION_PREFIX_RE.test(scope);
}

export function scopeContains(scope: string, code: string): boolean {
  if (scope === '*') return true;
  return code === scope || code.startsWith(`${scope}.`);
}

export function villageKind(villageCode: string): VillageKind | null {
  if (!VILLAGE_CODE_RE.test(villageCode)) return null;
  // `PP.RR.DD.` is 9 characters: the village part starts at index 9.
  const first = villageCode.charAt(9);
  if (first === '1') return 'kelurahan';
  if (first === '2') return 'desa';
  if (first === '3') return 'desa-adat';
  return null;
}

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}
export function regencyOf(code: string): string {
  return code.slice(0, 5);
}
export function districtOf(code: string): string {
  return code.slice(0, 8);
}

/** Places as the app ships them: one file per regency, loaded on demand. */
export interface RegencyPlaces {
  code: string;
  name: string;
  province: { code: string; name: string };
  districts: Array<{ code: string; name: string; villages: Array<[code: string, name: string]> }>;
}

export interface PlaceIndex {
  provinces: Array<{ code: string; name: string }>;
  regencies: Array<{ code: string; provinceCode: string; name: string }>;
  source: string;
  licence: string;
}
