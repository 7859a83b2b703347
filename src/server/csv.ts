// RFC 4180 CSV for spreadsheets: CRLF rows, quoted cells when needed, and no formulas.

/** Cells a spreadsheet would read as a formula; prefixed with `'` (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Lets Excel open the file as UTF-8 (names with diacritics). */
export const UTF8_BOM = '\uFEFF';
