import { PROVINCES } from './places/provinces';
import type { Sex } from './codes';

const PROVINCE_CODES = new Set(PROVINCES.map(([code]) => code));

export type NikIssue = 'format' | 'province' | 'birth-date' | 'serial';

export interface NikInfo {
  nik: string;
  provinceCode: string;
  /** Dotted district code of first issue (`32.14.16`); may differ from residence. */
  regionCode: string;
  birthDate: string;
  sex: Sex;
  serial: string;
}

export type NikResult = { ok: true; value: NikInfo } | { ok: false; issue: NikIssue };

/** Spaces and dots are how people write NIKs on paper; they carry no meaning. */
export function normaliseNik(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The NIK only holds a two-digit year; a birth date cannot be in the future, so a date that
 * would be is in the previous century. The whole date counts, not only the year: in November
 * 2025, `201225` is 20 December 1925 (a 99-year-old), not a birth next month.
 */
function fullYear(yy: number, month: number, day: number, today: Date): number {
  const current = today.getUTCFullYear();
  const candidate = Math.floor(current / 100) * 100 + yy;
  const todayKey = current * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return candidate * 10_000 + month * 100 + day > todayKey ? candidate - 100 : candidate;
}

export function parseNik(raw: string, today: Date = new Date()): NikResult {
  const nik = normaliseNik(raw);
  if (!/^\d{16}$/.test(nik)) return { ok: false, issue: 'format' };
  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, issue: 'province' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  let sex: Sex = 'L';
  if (day >= 41 && day <= 71) {
    sex = 'P';
    day -= 40;
  } else if (day > 31) {
    return { ok: false, issue: 'birth-date' };
  }
  const year = fullYear(yy, month, day, today);
  if (!isRealDate(year, month, day)) return { ok: false, issue: 'birth-date' };
  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, issue: 'serial' };
  return {
    ok: true,
    value: {
      nik,
      provinceCode,
      regionCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      sex,
      serial,
    },
  };
}

/** Builds a NIK from its parts: used by seeders, tests and benchmarks. */
export function composeNik(parts: {
  regionCode: string;
  birthDate: string;
  sex: Sex;
  serial: number;
}): string {
  const [y, m, d] = parts.birthDate.split('-');
  const day = Number(d) + (parts.sex === 'P' ? 40 : 0);
  return `${parts.regionCode.replace(/\./g, '')}${pad(day, 2)}${m}${String(y).slice(2)}${pad(parts.serial, 4)}`;
}

/** `3214**********01`: the form lists show, per UU PDP. */
export function maskNik(nik: string): string {
  if (nik.length < 6) return '*'.repeat(nik.length);
  return nik.slice(0, 4) + '*'.repeat(nik.length - 6) + nik.slice(-2);
}
