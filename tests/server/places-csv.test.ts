import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, readColumns } from '../../src/server/places/csv';

/** RFC 4180 writing: quote when needed, double the quotes. */
function writeField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// One parser serves the server's registry and the build script (run under tsx).
const parsers: Array<[string, (text: string) => string[][]]> = [['server and build script', parseCsv]];

describe.each(parsers)('parseCsv, %s', (_, parse) => {
  it('reads plain, quoted, comma and doubled-quote fields', () => {
    expect(parse('code,name\n1,"Lubuk Pakam I,II"\n2,"Soka""an"\n3,plain\n')).toEqual([
      ['code', 'name'], ['1', 'Lubuk Pakam I,II'], ['2', 'Soka"an'], ['3', 'plain'],
    ]);
  });

  it('accepts CRLF, a missing final newline, a BOM, empty fields and newlines inside quotes', () => {
    expect(parse('\uFEFFa,b\r\n,"x\r\ny"\r\nlast,')).toEqual([['a', 'b'], ['', 'x\r\ny'], ['last', '']]);
    expect(parse('')).toEqual([]);
    expect(parse('"",""\n')).toEqual([['', '']]);
  });

  it('refuses malformed quoting', () => {
    expect(() => parse('a,"open\n')).toThrow(/unterminated/);
    expect(() => parse('a,"x"y\n')).toThrow(/after a closing quote/);
    expect(() => parse('a,b"c,"d"\n')).toThrow(/quote inside an unquoted field/);
  });

  it('reads back whatever an RFC 4180 writer wrote', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '.') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 8 });
    fc.assert(fc.property(table, (rows) => {
      const text = rows.map((r) => r.map(writeField).join(',')).join('\r\n');
      expect(parse(text)).toEqual(rows);
    }));
  });
});

describe('readColumns', () => {
  it('picks columns by name, in the order asked, and skips blank lines', () => {
    expect(readColumns('code,extra,name\n32,x,Jawa Barat\n\n', ['name', 'code'] as const))
      .toEqual([['Jawa Barat', '32']]);
  });

  it('refuses a record with the wrong number of fields', () => {
    expect(() => readColumns('code,name\n32\n', ['code'] as const)).toThrow(/record 1 has 1 fields/);
  });
});
