import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  JATEN_BLITAR, SALEM, TANJUNGSARI, auth, createOp, handoverOp, pushOk, registration, voidOp,
} from './support/wire';

const HEADER = 'nik,nama_lengkap,tempat_lahir,tanggal_lahir,jenis_kelamin,nama_ibu_kandung,alamat,rt,rw,kode_desa,desa,kecamatan,kabupaten,provinsi,no_hp,pekerjaan,penghasilan,sumber_iuran,periode_mulai,periode_selesai,no_kpj,kartu_diserahkan';

/** An independent RFC 4180 reader: CRLF rows, quoted cells with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('last row not terminated by CRLF');
  return rows;
}

describe.each(BACKENDS)('GET /exports/registrations.csv (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let coordinator: string;
  beforeEach(async () => {
    s = await startServer(backend);
    admin = await s.token('admin', '*');
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  const get = (token: string, query = '') =>
    s.app.inject({ method: 'GET', url: `/api/v1/exports/registrations.csv${query}`, headers: auth(token) });

  it('exports accepted registrations in scope: BOM, header, RFC 4180 quoting, no formulas', async () => {
    const tricky = registration({
      fullName: "Ni'mah Al-Hasan", birthPlace: '=HYPERLINK("x")', address: 'Jl. "Mawar", Gg. 2\nBelakang masjid',
      motherName: 'Dewi', phone: '081234567890', occupation: 'lainnya', occupationOther: '@tukang, pijat',
    });
    const waiting = registration();
    const voided = registration();
    await s.app.inject({ method: 'PUT', url: `/api/v1/villages/${SALEM}/quota`, headers: auth(admin), payload: { quota: 0 } });
    await pushOk(s.app, admin, [
      createOp(tricky), createOp(voided), voidOp(voided.id as string), handoverOp(tricky.id as string),
      createOp(registration({ villageCode: SALEM, id: waiting.id, nik: waiting.nik })),
      createOp(registration({ villageCode: JATEN_BLITAR })),
    ]);

    const res = await get(coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]?.join(',')).toBe(HEADER);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(HEADER.split(',').map((h, i) => [h, rows[1]?.[i]]));
    expect(row).toEqual({
      nik: tricky.nik, nama_lengkap: "NI'MAH AL-HASAN", tempat_lahir: `'=HYPERLINK("x")`, tanggal_lahir: '1990-05-17',
      jenis_kelamin: 'P', nama_ibu_kandung: 'DEWI', alamat: 'Jl. "Mawar", Gg. 2\nBelakang masjid', rt: '003', rw: '012',
      kode_desa: TANJUNGSARI, desa: 'Tanjungsari', kecamatan: 'Pondoksalam', kabupaten: 'Kabupaten Purwakarta',
      provinsi: 'Jawa Barat', no_hp: "'+6281234567890", pekerjaan: 'lainnya: @tukang, pijat', penghasilan: '1000000',
      sumber_iuran: 'dana-desa', periode_mulai: '2025-03', periode_selesai: '2025-12', no_kpj: '',
      kartu_diserahkan: '2025-04-01T02:00:00.000Z',
    });
    // Quoting on the wire itself, not only after parsing.
    expect(res.body).toContain('"Jl. ""Mawar"", Gg. 2\nBelakang masjid"');
  });

  it('narrows to ?scope= inside the caller scope and refuses others', async () => {
    await pushOk(s.app, admin, [createOp(registration()), createOp(registration({ villageCode: JATEN_BLITAR }))]);
    const all = parseCsv((await get(admin)).body.slice(1));
    expect(all).toHaveLength(3);
    const blitar = parseCsv((await get(admin, '?scope=35.05')).body.slice(1));
    expect(blitar.slice(1).map((r) => r[9])).toEqual([JATEN_BLITAR]);
    expect((await get(coordinator, '?scope=35')).statusCode).toBe(403);
    expect((await get(await s.token('operator', TANJUNGSARI))).statusCode).toBe(403);
    expect((await get(admin, '?scope=bad')).statusCode).toBe(400);
    // Streamed through compression when the client accepts it.
    const zipped = await s.app.inject({ method: 'GET', url: '/api/v1/exports/registrations.csv', headers: { ...auth(admin), 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(parseCsv(gunzipSync(zipped.rawPayload).toString().slice(1))).toEqual(all);
  });

  it('streams large exports completely, page after page, in village then arrival order', async () => {
    const villages = [TANJUNGSARI, SALEM, JATEN_BLITAR];
    for (const code of villages) {
      await s.app.inject({ method: 'PUT', url: `/api/v1/villages/${code}/quota`, headers: auth(admin), payload: { quota: 1000 } });
    }
    for (let i = 0; i < 3; i += 1) {
      await pushOk(s.app, admin, Array.from({ length: 450 }, (_, j) => createOp(registration({ villageCode: villages[j % 3] }))));
    }
    const rows = parseCsv((await get(admin)).body.slice(1)).slice(1);
    expect(rows).toHaveLength(1350);
    const codes = rows.map((r) => r[9] as string);
    const sorted = [...codes];
    sorted.sort();
    expect(codes).toEqual(sorted);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1350);
  });

  it('exports the same rows as XLSX with typed string cells, audited', async () => {
    const reg = registration({ birthPlace: '=1+1' });
    await pushOk(s.app, admin, [createOp(reg), createOp(registration({ villageCode: JATEN_BLITAR }))]);
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/exports/registrations.xlsx', headers: auth(coordinator) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).join(',')).toBe(HEADER);
    expect(sheet.rowCount).toBe(2);
    expect(values(2).slice(0, 3)).toEqual([reg.nik, 'SITI AMINAH', '=1+1']);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(values(2)[16]).toBe(1_000_000);
    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.registrations.xlsx').execute();
    expect(audits).toHaveLength(1);
  });

  it('labels occupation and funding source in Indonesian in the XLSX; the CSV keeps the codes', async () => {
    const farmer = registration({ fullName: 'ASEP', occupation: 'petani', fundingSource: 'apbd-kabupaten' });
    const other = registration({ fullName: 'BUDI', occupation: 'lainnya', occupationOther: 'Tukang cukur', fundingSource: 'dana-desa' });
    await pushOk(s.app, admin, [createOp(farmer), createOp(other)]);
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/exports/registrations.xlsx', headers: auth(coordinator) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const byName = new Map([2, 3].map((n) => {
      const v = (sheet.getRow(n).values as unknown[]).slice(1);
      return [v[1], v];
    }));
    expect(byName.get('ASEP')?.[15]).toBe('Petani');
    expect(byName.get('ASEP')?.[17]).toBe('APBD Kabupaten/Kota');
    expect(byName.get('BUDI')?.[15]).toBe('Lainnya: Tukang cukur');
    expect(byName.get('BUDI')?.[17]).toBe('Dana Desa');
    const csv = parseCsv((await get(coordinator)).body.slice(1)).slice(1);
    const asep = csv.find((r) => r[1] === 'ASEP');
    expect([asep?.[15], asep?.[17]]).toEqual(['petani', 'apbd-kabupaten']);
  });

  it('audits every export: who, scope and row count, no personal data', async () => {
    const reg = registration();
    await pushOk(s.app, admin, [createOp(reg)]);
    await get(coordinator, '?scope=32.14.16');
    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.registrations.csv').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ scope: '32.14.16', details: JSON.stringify({ rows: 1 }) });
    const tokenRow = await s.store.db.selectFrom('tokens').select('id').where('scope', '=', '32.14').executeTakeFirst();
    expect(audits[0]?.actor).toBe(tokenRow?.id);
    expect(JSON.stringify(audits)).not.toContain(reg.nik);
  });
});
