// RFC 4180 CSV, enough for idn-area-data: the village names carry commas and doubled quotes
// (`"Lubuk Pakam I,II"`, `"Soka""an"`), so splitting lines on commas would corrupt them.
// scripts/build-places.mjs uses this parser too (it runs under tsx).

export class CsvError extends Error {
  constructor(message: string) {
    super(`CSV: ${message}`);
    this.name = 'CsvError';
  }
}

/** Every record of `text` as fields; CRLF or LF endings; a trailing newline adds no record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    // Fast path: almost every line has no quote, and then a split is exact.
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = n;
    const raw = text.slice(i, eol);
    if (!raw.includes('"')) {
      rows.push((raw.endsWith('\r') ? raw.slice(0, -1) : raw).split(','));
      i = eol + 1;
      line++;
      continue;
    }
    const [row, next, lines] = parseQuotedRecord(text, i, line);
    rows.push(row);
    i = next;
    line += lines;
  }
  return rows;
}

/** One record that has a quote somewhere, from `i`; returns it, where the next starts, lines used. */
function parseQuotedRecord(text: string, start: number, firstLine: number): [string[], number, number] {
  const n = text.length;
  const row: string[] = [];
  let i = start;
  let line = firstLine;
  for (;;) {
    if (text[i] === '"') {
      // Quoted: runs to the next quote not followed by another quote; may span lines.
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) throw new CsvError(`unterminated quoted field on line ${line}`);
        value += text.slice(from, q);
        for (let k = from; k < q; k++) if (text.charCodeAt(k) === 10) line++;
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const c = text.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13) {
        throw new CsvError(`text after a closing quote on line ${line}`);
      }
      row.push(value);
    } else {
      // Unquoted: runs to the next comma or line end; a quote inside is malformed.
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) throw new CsvError(`quote inside an unquoted field on line ${line}`);
        end++;
      }
      row.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) return [row, n, line - firstLine + 1];
    const sep = text.charCodeAt(i);
    if (sep === 44) {
      i++;
      continue;
    }
    // Line end: \r\n, \n, or a lone \r.
    i += sep === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    return [row, i, line - firstLine + 1];
  }
}

/**
 * Records of a CSV with a header, as the named columns in the order asked for. Looking columns
 * up by name keeps working if the dataset reorders or adds columns.
 */
export function readColumns<const C extends readonly string[]>(
  text: string,
  columns: C,
): Array<{ [K in keyof C]: string }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvError('no header');
  const at = columns.map((c) => {
    const idx = header.indexOf(c);
    if (idx === -1) throw new CsvError(`no column "${c}" in header ${header.join(',')}`);
    return idx;
  });
  const out: Array<{ [K in keyof C]: string }> = [];
  rows.forEach((row, r) => {
    // A blank line (an editor's trailing newline) is not a record.
    if (row.length === 1 && row[0] === '') return;
    if (row.length !== header.length) {
      throw new CsvError(`record ${r + 1} has ${row.length} fields, the header ${header.length}`);
    }
    out.push(at.map((idx) => row[idx] as string) as { [K in keyof C]: string });
  });
  return out;
}
