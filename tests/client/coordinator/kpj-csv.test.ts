import { describe, expect, it } from 'vitest';
import { parseKpjCsv, splitCsvLine } from '../../../src/client/features/coordinator/kpj-csv';
import { composeNik } from '../../../src/shared/nik';

const nik = (serial: number) => composeNik({ regionCode: '32.14.16', birthDate: '1985-03-12', sex: 'P', serial });
const A = nik(1);
const B = nik(2);
const C = nik(3);

describe('parseKpjCsv', () => {
  it('reads NIK,KPJ rows without a header', () => {
    const result = parseKpjCsv(`${A},25012345678\n${B},25012345679\n`);
    expect(result.header).toBe(false);
    expect(result.rows).toEqual([
      { nik: A, kpjNumber: '25012345678' },
      { nik: B, kpjNumber: '25012345679' },
    ]);
    expect(result.invalid).toEqual([]);
  });

  it('tolerates a BOM, a header in any column order, `;` separators, CRLF, quotes and spaces', () => {
    const csv = `\uFEFFNo KPJ;NIK;Nama\r\n"250 1234 5678";"${A}";"SITI; AMINAH"\r\n25012345679;'${B};BUDI\r\n\r\n`;
    const result = parseKpjCsv(csv);
    expect(result.header).toBe(true);
    expect(result.rows).toEqual([
      { nik: A, kpjNumber: '25012345678' },
      { nik: B, kpjNumber: '25012345679' },
    ]);
  });

  it('reports bad lines by number and reason, and keeps the good ones', () => {
    const csv = [
      'nik,kpj',
      `${A},25012345678`,
      '3214161203850000,25012345670', // serial 0000
      '3214169903850001,25012345671', // day 99
      '1234,25012345672', // too short
      '3.21416E+15,25012345673', // a spreadsheet's rounding
      `${B},123`, // KPJ too short
      `${C},`, // KPJ missing
    ].join('\n');
    const result = parseKpjCsv(csv);
    expect(result.rows).toEqual([{ nik: A, kpjNumber: '25012345678' }]);
    expect(result.invalid.map((e) => [e.line, e.reason])).toEqual([
      [3, 'nik-serial'],
      [4, 'nik-birth-date'],
      [5, 'nik-format'],
      [6, 'nik-scientific'],
      [7, 'kpj-format'],
      [8, 'missing-kpj'],
    ]);
  });

  it('spots a NIK rounded by an Indonesian-locale spreadsheet (decimal comma, `;` separator)', () => {
    const result = parseKpjCsv('3,21416E+15;25012345673\n');
    expect(result.invalid).toEqual([{ line: 1, nik: '3,21416E+15', reason: 'nik-scientific' }]);
  });

  it('drops a NIK given two different KPJ numbers, and ignores an exact repeat', () => {
    const result = parseKpjCsv(`${A},25012345678\n${B},25012345679\n${A},25012345678\n${B},25099999999\n`);
    expect(result.rows).toEqual([{ nik: A, kpjNumber: '25012345678' }]);
    expect(result.invalid.map((e) => [e.line, e.nik, e.reason])).toEqual([
      [2, B, 'duplicate-nik'],
      [4, B, 'duplicate-nik'],
    ]);
  });
});

describe('splitCsvLine', () => {
  it('keeps separators inside quotes and unescapes doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","say ""hi"""', ',')).toEqual(['a', 'b,c', 'say "hi"']);
  });
});
