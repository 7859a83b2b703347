import { parseNik, type NikIssue } from '../../../shared/nik';
import type { KpjImportRow } from './endpoints';

// KPJ numbers come back from BPJS as spreadsheets that people save as CSV: with or without a
// header, comma or semicolon separated (Excel with an Indonesian locale writes `;`), often with
// a BOM, sometimes with a quoted or `'`-prefixed NIK. Read all of those; report what is wrong
// line by line instead of refusing the file.

/** A KPJ (Kartu Peserta Jamsostek) number: 11 digits. */
export const KPJ_RE = /^\d{11}$/;

export type KpjLineIssue =
  | `nik-${NikIssue}` | 'nik-scientific' | 'kpj-format' | 'missing-kpj' | 'duplicate-nik';

export interface KpjLineError {
  line: number;
  nik: string;
  reason: KpjLineIssue;
}

export interface KpjCsvResult {
  rows: KpjImportRow[];
  invalid: KpjLineError[];
  /** Whether the first line was read as a header. */
  header: boolean;
}

/** Splits one line into cells (RFC 4180 quotes), on the given separator. */
export function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function separatorOf(line: string): string {
  if (line.includes(';')) return ';';
  if (line.includes('\t')) return '\t';
  return ',';
}

/** Strips what spreadsheets add around numbers: a leading `'`, spaces, dots, dashes. */
export function cleanNumber(cell: string): string {
  return cell.replace(/^'/, '').replace(/[\s.-]/g, '');
}

const NIK_HEADERS = ['nik', 'no_nik', 'nomor_nik'];
const KPJ_HEADERS = ['kpj', 'no_kpj', 'nomor_kpj', 'kpj_number', 'kpjnumber', 'no kpj', 'nomor kpj'];

function headerColumns(cells: string[]): { nik: number; kpj: number } | null {
  const names = cells.map((c) => c.toLowerCase().replace(/^\uFEFF/, '').trim());
  // A header has words and no long numbers (a rounded NIK like 3.2E+15 has a letter too).
  if (!names.some((n) => /[a-z]/.test(n)) || names.some((n) => n.replace(/\D/g, '').length >= 6)) return null;
  const nik = names.findIndex((n) => NIK_HEADERS.includes(n));
  const kpj = names.findIndex((n) => KPJ_HEADERS.includes(n));
  return { nik: nik < 0 ? 0 : nik, kpj: kpj < 0 ? 1 : kpj };
}

export function parseKpjCsv(text: string): KpjCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: KpjImportRow[] = [];
  const invalid: KpjLineError[] = [];
  const seen = new Map<string, { kpj: string; line: number }>();
  const conflicted = new Set<string>();
  let columns = { nik: 0, kpj: 1 };
  let header = false;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    const cells = splitCsvLine(raw, separatorOf(raw));
    if (rows.length === 0 && invalid.length === 0 && !header) {
      const named = headerColumns(cells);
      if (named) {
        columns = named;
        header = true;
        return;
      }
    }
    const nikCell = cells[columns.nik] ?? '';
    const nik = cleanNumber(nikCell);
    const kpj = cleanNumber(cells[columns.kpj] ?? '');
    const fail = (reason: KpjLineIssue) => invalid.push({ line: lineNo, nik: nik || nikCell, reason });
    // 3.21416E+15: the spreadsheet already rounded the NIK away; no digit of it can be trusted.
    if (/e\+?\d+$/i.test(nikCell.replace(/,/g, '.'))) return fail('nik-scientific');
    const parsed = parseNik(nik);
    if (!parsed.ok) return fail(`nik-${parsed.issue}`);
    if (kpj === '') return fail('missing-kpj');
    if (!KPJ_RE.test(kpj)) return fail('kpj-format');
    const earlier = seen.get(nik);
    if (earlier?.kpj === kpj) return; // the same pair twice is harmless
    if (earlier) {
      conflicted.add(nik);
      return fail('duplicate-nik');
    }
    seen.set(nik, { kpj, line: lineNo });
    rows.push({ nik, kpjNumber: kpj });
  });
  // One NIK with two KPJ numbers: neither can be trusted, so neither is sent.
  for (const nik of conflicted) {
    const first = seen.get(nik);
    if (first) invalid.push({ line: first.line, nik, reason: 'duplicate-nik' });
  }
  invalid.sort((a, b) => a.line - b.line);
  return { rows: rows.filter((r) => !conflicted.has(r.nik)), invalid, header };
}
