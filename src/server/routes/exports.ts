// GET /exports/registrations.csv and .xlsx: accepted registrations for BPJS, streamed page by page.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { withoutForbiddenChars, type ServerRegistration } from '../../shared';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { UTF8_BOM, csvRow } from '../csv';
import { FUNDING_LABELS, occupationLabel } from '../export-labels';
import type { PlaceRegistry } from '../places';
import { audit } from '../store/audit';
import { acceptedInScope } from '../store/export';
import { quotasInScope } from '../store/quotas';
import { requestedScope } from './scope';

export const EXPORT_COLUMNS = [
  'nik', 'nama_lengkap', 'tempat_lahir', 'tanggal_lahir', 'jenis_kelamin', 'nama_ibu_kandung',
  'alamat', 'rt', 'rw', 'kode_desa', 'desa', 'kecamatan', 'kabupaten', 'provinsi', 'no_hp',
  'pekerjaan', 'penghasilan', 'sumber_iuran', 'periode_mulai', 'periode_selesai', 'no_kpj',
  'kartu_diserahkan',
] as const;

export function exportCells(r: ServerRegistration, places: PlaceRegistry): Array<string | number | null | undefined> {
  const v = places.village(r.villageCode);
  return [
    r.nik, r.fullName, r.birthPlace, r.birthDate, r.sex, r.motherName,
    r.address, r.rt, r.rw, r.villageCode, v?.name, v?.districtName, v?.regencyName, v?.provinceName, r.phone,
    r.occupation === 'lainnya' && r.occupationOther ? `lainnya: ${r.occupationOther}` : r.occupation,
    r.monthlyIncome, r.fundingSource, r.coverageStart, r.coverageEnd, r.kpjNumber,
    r.card?.handedAt,
  ];
}

/** The CSV's cells with occupation and funding source in words (columns 15 and 17). */
function xlsxCells(r: ServerRegistration, places: PlaceRegistry): Array<string | number | null> {
  const cells = exportCells(r, places).map((c) => c ?? null);
  cells[15] = occupationLabel(r);
  cells[17] = FUNDING_LABELS[r.fundingSource];
  return cells;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * XML 1.0 has no way to write control characters, lone surrogates or U+FFFE/U+FFFF: one in a
 * cell made sheet1.xml unreadable. Rows stored before Revision 2's rule may hold them; the
 * workbook leaves them out.
 */
function xlsxCell(cell: string | number | null | undefined): string | number | null {
  return typeof cell === 'string' ? withoutForbiddenChars(cell) : (cell ?? null);
}

/** The rows as a streamed workbook: cells are typed strings (never formulas), NIKs keep all 16 digits. */
function xlsxStream(pages: AsyncGenerator<ServerRegistration[]>, places: PlaceRegistry): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Pendaftaran');
  const write = async () => {
    sheet.addRow([...EXPORT_COLUMNS]).commit();
    for await (const page of pages) {
      for (const r of page) sheet.addRow(xlsxCells(r, places).map(xlsxCell)).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function csvStream(pages: AsyncGenerator<ServerRegistration[]>, places: PlaceRegistry): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield UTF8_BOM + csvRow(EXPORT_COLUMNS);
    for await (const page of pages) yield page.map((r) => csvRow(exportCells(r, places))).join('');
  }
  return Readable.from(lines());
}

export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  for (const format of ['csv', 'xlsx'] as const) {
    app.route({
      method: 'GET', url: `/api/v1/exports/registrations.${format}`, onRequest,
      handler: async (request, reply) => {
        const actor = actorOf(request, 'coordinator', 'admin');
        const scope = requestedScope(actor, request.query);
        const name = `pendaftaran-${scope === '*' ? 'semua' : scope}.${format}`;
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}"`);
        // HEAD sends no rows: nothing is read, nothing exported, nothing audited.
        if (request.method === 'HEAD') return reply.send();
        const quotas = await quotasInScope(ctx.store.db, scope);
        // Audited before the first byte leaves: an export cut short still happened.
        await audit(ctx.store.db, {
          actor: actor.tokenId,
          action: `export.registrations.${format}`,
          scope,
          details: { rows: quotas.reduce((n, q) => n + q.accepted, 0) },
          at: ctx.now(),
        });
        const pages = acceptedInScope(ctx.store.db, scope);
        return reply.send(format === 'csv' ? csvStream(pages, ctx.places) : xlsxStream(pages, ctx.places));
      },
    });
  }
}
