// GET /exports/registrations.csv: accepted registrations for BPJS, streamed page by page.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ServerRegistration } from '../../shared';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { UTF8_BOM, csvRow } from '../csv';
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

export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.get('/api/v1/exports/registrations.csv', { onRequest }, async (request, reply) => {
    const actor = actorOf(request, 'coordinator', 'admin');
    const scope = requestedScope(actor, request.query);
    const quotas = await quotasInScope(ctx.store.db, scope);
    // Audited before the first byte leaves: an export cut short still happened.
    await audit(ctx.store.db, {
      actor: actor.tokenId,
      action: 'export.registrations.csv',
      scope,
      details: { rows: quotas.reduce((n, q) => n + q.accepted, 0) },
      at: ctx.now(),
    });
    const { db } = ctx.store;
    const places = ctx.places;
    async function* lines(): AsyncGenerator<string> {
      yield UTF8_BOM + csvRow(EXPORT_COLUMNS);
      for await (const page of acceptedInScope(db, scope)) {
        yield page.map((r) => csvRow(exportCells(r, places))).join('');
      }
    }
    const name = `pendaftaran-${scope === '*' ? 'semua' : scope}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(Readable.from(lines()));
  });
}
