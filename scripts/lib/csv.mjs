// RFC 4180 CSV for scripts that run under plain Node (no TypeScript loader): the twin of
// src/server/places/csv.ts, which the server keeps so that it imports nothing from scripts/.
// idn-area-data quotes names with commas and doubled quotes (`"Lubuk Pakam I,II"`, `"Soka""an"`).

/** Every record of `text` as fields; CRLF or LF endings; a trailing newline adds no record. */
export function parseCsv(text) {
  const rows = [];
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
    const row = [];
    for (;;) {
      if (text[i] === '"') {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) throw new Error(`CSV: unterminated quoted field on line ${line}`);
          value += text.slice(from, q);
          for (let k = from; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text[q + 1] !== '"') {
            i = q + 1;
            break;
          }
          value += '"';
          from = q + 2;
        }
        if (i < n && !',\r\n'.includes(text[i])) {
          throw new Error(`CSV: text after a closing quote on line ${line}`);
        }
        row.push(value);
      } else {
        let end = i;
        while (end < n && !',\r\n'.includes(text[end])) {
          if (text[end] === '"') throw new Error(`CSV: quote inside an unquoted field on line ${line}`);
          end++;
        }
        row.push(text.slice(i, end));
        i = end;
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      // Line end (\r\n, \n or a lone \r) or the end of the text.
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      break;
    }
    rows.push(row);
  }
  return rows;
}

/** Records as the named columns, in the order asked; blank lines are skipped. */
export function readColumns(text, columns) {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('CSV: no header');
  const at = columns.map((c) => {
    const idx = header.indexOf(c);
    if (idx === -1) throw new Error(`CSV: no column "${c}" in header ${header.join(',')}`);
    return idx;
  });
  const out = [];
  rows.forEach((row, r) => {
    if (row.length === 1 && row[0] === '') return;
    if (row.length !== header.length) {
      throw new Error(`CSV: record ${r + 1} has ${row.length} fields, the header ${header.length}`);
    }
    out.push(at.map((idx) => row[idx]));
  });
  return out;
}
