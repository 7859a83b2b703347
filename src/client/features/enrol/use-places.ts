import { useEffect, useState } from 'react';
import { PROVINCES } from '../../../shared/places/provinces';
import type { RegencyPlaces } from '../../../shared/places/codes';
import { db, getPlaceIndex, getRegencyPlaces, listCachedRegencies } from '../../db';

export interface PlaceChoices {
  provinces: Array<{ code: string; name: string }>;
  regencies: Array<{ code: string; provinceCode: string; name: string }>;
}

/**
 * Provinces and regencies for the picker. With no network and no cached index, the provinces
 * still come from the bundle and the regencies from the files this phone already keeps:
 * exactly those it can offer villages for.
 */
export function usePlaceChoices(): PlaceChoices | null {
  const [choices, setChoices] = useState<PlaceChoices | null>(null);
  useEffect(() => {
    let live = true;
    getPlaceIndex()
      .then((index) => ({ provinces: index.provinces, regencies: index.regencies }))
      .catch(async () => ({
        provinces: PROVINCES.map(([code, name]) => ({ code, name })),
        regencies: await listCachedRegencies(db).catch(() => []),
      }))
      .then((value) => {
        if (live) setChoices(value);
      });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

export type RegencyState =
  | { status: 'idle' }
  | { status: 'loading'; code: string }
  | { status: 'ready'; code: string; places: RegencyPlaces }
  | { status: 'error'; code: string; error: unknown };

/** One regency's districts and villages (from this phone, else fetched and kept). */
export function useRegencyPlaces(regencyCode: string): RegencyState {
  const [state, setState] = useState<RegencyState>({ status: 'idle' });
  useEffect(() => {
    if (!regencyCode) return;
    let live = true;
    getRegencyPlaces(db, regencyCode).then(
      (places) => live && setState({ status: 'ready', code: regencyCode, places }),
      (error: unknown) => live && setState({ status: 'error', code: regencyCode, error }),
    );
    return () => {
      live = false;
    };
  }, [regencyCode]);
  if (!regencyCode) return { status: 'idle' };
  // Until the answer for this regency arrives, an older regency's answer is not this one's.
  if (state.status === 'idle' || state.code !== regencyCode) return { status: 'loading', code: regencyCode };
  return state;
}
