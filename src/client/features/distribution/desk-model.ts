import type { EventEntry, PriorHandover } from '../../db/distribution-store';
import { priorFromDetails } from '../../db/distribution-store';
import type { ServerStatus } from '../../../shared/protocol';
import { normaliseNik } from '../../../shared/nik';

// What the event table shows for each worker, derived from the registration, this phone's
// mark and its outbox op: no second copy of the truth to drift.

export type DeskState =
  /** Accepted, card not handed over: hand it over. */
  | { kind: 'ready' }
  /** Handed over (here or elsewhere); `synced` once the server's record has it. */
  | { kind: 'handed'; prior: PriorHandover; synced: boolean }
  /** This phone handed it over, but another phone had already: the server refused ours. */
  | { kind: 'conflict'; mine: PriorHandover; other: PriorHandover }
  /** The server refused this phone's handover for another reason (voided meanwhile, ...). */
  | { kind: 'refused'; code: string; mine: PriorHandover }
  /** Not a card to hand over: waitlisted, voided, or not on the server yet. */
  | { kind: 'not-eligible'; status: ServerStatus | 'unsynced' };

export interface DeskRow {
  id: string;
  fullName: string;
  nik: string;
  /** `YYYY-MM-DD`: with the address, what tells two workers of the same name apart. */
  birthDate: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  kpjNumber: string | null;
  state: DeskState;
}

export function deskState({ registration: reg, mark }: EventEntry): DeskState {
  const card = reg.server?.card ?? null;
  if (mark) {
    const mine: PriorHandover = { handedAt: mark.handedAt, receiver: mark.receiver, operator: mark.operator, here: true };
    // The server's copy can only match ours if ours was applied: same moment, same phone.
    if (card && Date.parse(card.handedAt) === Date.parse(mark.handedAt) && (card.deviceId === null || card.deviceId === mark.deviceId)) {
      return { kind: 'handed', prior: { ...mine, operator: card.operator || mark.operator }, synced: true };
    }
    if (card) return { kind: 'conflict', mine, other: { ...card, eventId: card.eventId ?? undefined, here: false } };
    const rejection = reg.rejection?.opId === mark.opId ? reg.rejection : null;
    if (rejection?.code === 'already-handed-over') return { kind: 'conflict', mine, other: priorFromDetails(rejection.details) };
    if (rejection) return { kind: 'refused', code: rejection.code, mine };
    return { kind: 'handed', prior: mine, synced: false };
  }
  if (card) return { kind: 'handed', prior: { ...card, eventId: card.eventId ?? undefined, here: false }, synced: true };
  const status = reg.server?.status;
  if (status === 'accepted') return { kind: 'ready' };
  return { kind: 'not-eligible', status: status ?? 'unsynced' };
}

export function toDeskRow(entry: EventEntry): DeskRow {
  const reg = entry.registration;
  return {
    id: reg.id,
    fullName: reg.data.fullName,
    nik: reg.nik,
    birthDate: reg.data.birthDate,
    address: reg.data.address,
    rt: reg.data.rt,
    rw: reg.data.rw,
    villageCode: reg.villageCode,
    kpjNumber: reg.server?.kpjNumber ?? null,
    state: deskState(entry),
  };
}

export interface Progress {
  /** Cards to hand over: accepted workers (and any already handed over). */
  expected: number;
  handed: number;
  /** Handed over here and not yet confirmed by the server. */
  unsynced: number;
  /** Handovers the server refused: someone must look at them. */
  attention: number;
}

export function progressOf(rows: readonly DeskRow[]): Progress {
  const p: Progress = { expected: 0, handed: 0, unsynced: 0, attention: 0 };
  for (const { state } of rows) {
    if (state.kind === 'not-eligible') continue;
    p.expected += 1;
    if (state.kind === 'handed' || state.kind === 'conflict') p.handed += 1;
    if (state.kind === 'handed' && !state.synced) p.unsynced += 1;
    if (state.kind === 'conflict' || state.kind === 'refused') p.attention += 1;
  }
  return p;
}

const collator = new Intl.Collator('id', { sensitivity: 'base' });

export function byName(a: DeskRow, b: DeskRow): number {
  return collator.compare(a.fullName, b.fullName);
}

/**
 * The table's search: digits (spaces and dots allowed, as on a KTP photocopy) match anywhere
 * in the NIK; words match the start of any word of the name, in any order ("siti nur" finds
 * NUR SITI AMINAH). Matches whose name starts with the query come first.
 */
export function searchRows(rows: readonly DeskRow[], text: string, limit = 50): DeskRow[] {
  const query = text.trim().toLowerCase();
  if (query === '') return [];
  const digits = normaliseNik(query);
  let hits: DeskRow[];
  if (/^\d+$/.test(digits)) {
    hits = rows.filter((r) => r.nik.includes(digits));
  } else {
    const words = query.split(/\s+/);
    hits = rows.filter((r) => {
      const nameWords = r.fullName.toLowerCase().split(/\s+/);
      return words.every((w) => nameWords.some((n) => n.startsWith(w)));
    });
    const starts = (r: DeskRow) => (r.fullName.toLowerCase().startsWith(query) ? 0 : 1);
    hits.sort((a, b) => starts(a) - starts(b) || byName(a, b));
    return hits.slice(0, limit);
  }
  hits.sort(byName);
  return hits.slice(0, limit);
}

/** The registration id a scanned QR code names: `desa100:reg:<uuid>`, or any text holding one UUID. */
export function registrationIdFromQr(text: string): string | null {
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(text);
  return match ? match[0].toLowerCase() : null;
}

export function qrPayload(registrationId: string): string {
  return `desa100:reg:${registrationId}`;
}
