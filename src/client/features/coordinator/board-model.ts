import type { CoordinatorVillage, QuotaBoard } from '../../../shared/protocol';
import { districtOf, regencyOf } from '../../../shared/places/codes';

// The board's arithmetic, kept apart from React so that it is tested with plain numbers.

export interface Figures {
  villages: number;
  quota: number;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
  /** Accepted workers whose card has not been handed over yet. */
  cardsPending: number;
}

export type BoardFilter = 'all' | 'not-started' | 'full' | 'waitlist';
export const BOARD_FILTERS: readonly BoardFilter[] = ['all', 'not-started', 'full', 'waitlist'];

export type BoardSort = 'name' | 'fill' | 'waitlisted' | 'cards-pending';
export const BOARD_SORTS: readonly BoardSort[] = ['name', 'fill', 'waitlisted', 'cards-pending'];

export interface DistrictGroup {
  code: string;
  name: string;
  /** Of the whole district, whatever the filter shows. */
  subtotal: Figures;
  /** The villages the filter keeps, sorted. */
  villages: CoordinatorVillage[];
}

export interface RegencyGroup {
  code: string;
  total: Figures;
  districts: DistrictGroup[];
}

export function cardsPending(v: Pick<CoordinatorVillage, 'accepted' | 'cardsHandedOver'>): number {
  return Math.max(0, v.accepted - v.cardsHandedOver);
}

export function sumFigures(villages: readonly CoordinatorVillage[]): Figures {
  const f: Figures = { villages: 0, quota: 0, accepted: 0, waitlisted: 0, cardsHandedOver: 0, cardsPending: 0 };
  for (const v of villages) {
    f.villages += 1;
    f.quota += v.quota;
    f.accepted += v.accepted;
    f.waitlisted += v.waitlisted;
    f.cardsHandedOver += v.cardsHandedOver;
    f.cardsPending += cardsPending(v);
  }
  return f;
}

/** Share of the quota taken, 0..1 (a village with quota 0 counts as full only if it has workers). */
export function fill(v: Pick<CoordinatorVillage, 'quota' | 'accepted'>): number {
  if (v.quota <= 0) return v.accepted > 0 ? 1 : 0;
  return Math.min(1, v.accepted / v.quota);
}

export function matchesFilter(v: CoordinatorVillage, filter: BoardFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'not-started':
      return v.accepted + v.waitlisted === 0;
    case 'full':
      return v.quota > 0 && v.accepted >= v.quota;
    case 'waitlist':
      return v.waitlisted > 0;
  }
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

const byName = (a: CoordinatorVillage, b: CoordinatorVillage) => collator.compare(a.name, b.name);

function compareVillages(sort: BoardSort): (a: CoordinatorVillage, b: CoordinatorVillage) => number {
  switch (sort) {
    case 'name':
      return byName;
    case 'fill':
      return (a, b) => fill(b) - fill(a) || byName(a, b);
    case 'waitlisted':
      return (a, b) => b.waitlisted - a.waitlisted || byName(a, b);
    case 'cards-pending':
      return (a, b) => cardsPending(b) - cardsPending(a) || byName(a, b);
  }
}

export interface BoardView {
  filter: BoardFilter;
  sort: BoardSort;
  /** Part of a village or district name, any case. */
  text: string;
}

/**
 * Regencies, then districts (by name), each with the figures of all its villages and the
 * villages the view keeps. Districts left with no village to show are dropped.
 */
export function groupBoard(board: QuotaBoard, view: BoardView): RegencyGroup[] {
  const needle = view.text.trim().toLocaleLowerCase('id');
  const byDistrict = new Map<string, CoordinatorVillage[]>();
  for (const v of board.villages) {
    const code = districtOf(v.villageCode);
    const list = byDistrict.get(code);
    if (list) list.push(v);
    else byDistrict.set(code, [v]);
  }
  const regencies = new Map<string, { all: CoordinatorVillage[]; districts: DistrictGroup[] }>();
  for (const [code, all] of byDistrict) {
    const regencyCode = regencyOf(code);
    const regency = regencies.get(regencyCode) ?? { all: [], districts: [] };
    regencies.set(regencyCode, regency);
    regency.all.push(...all);
    const name = all[0]?.district ?? code;
    const districtHit = needle !== '' && name.toLocaleLowerCase('id').includes(needle);
    const shown = all
      .filter((v) => matchesFilter(v, view.filter))
      .filter((v) => needle === '' || districtHit || v.name.toLocaleLowerCase('id').includes(needle));
    shown.sort(compareVillages(view.sort));
    if (shown.length > 0) regency.districts.push({ code, name, subtotal: sumFigures(all), villages: shown });
  }
  const codes = [...regencies.keys()];
  codes.sort();
  return codes.map((code) => {
    const r = regencies.get(code) as { all: CoordinatorVillage[]; districts: DistrictGroup[] };
    r.districts.sort((a, b) => collator.compare(a.name, b.name));
    return { code, total: sumFigures(r.all), districts: r.districts };
  });
}
