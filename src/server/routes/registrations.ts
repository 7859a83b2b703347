// Coordinator reads and KPJ numbers: a village's registrations, one KPJ number, a BPJS list.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TEXT_CHARS, hasForbiddenChars, uuid, type KpjImportResult, type ServerRegistration } from '../../shared';
import { canSee } from '../auth/actor';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, notFound, parseOr400 } from '../http-errors';
import { audit } from '../store/audit';
import { KPJ_RE, MAX_KPJ_ROWS, importKpjNumbers, setKpjNumber } from '../store/kpj';
import { villageRegistrations } from '../store/registrations';
import { viewRegistration } from '../sync/viewer';

/** Spaces, dots and dashes are how numbers get typed or pasted; they carry no meaning. */
const cleanNumber = (v: string) => v.replace(/[\s.-]/g, '');

/** Typed or pasted digits, cleaned; characters no text may hold are refused first (R3). */
const numberText = z.string('required').refine((v) => !hasForbiddenChars(v), TEXT_CHARS).transform(cleanNumber);

const kpjBodySchema = z.strictObject({
  kpjNumber: numberText.pipe(z.string().regex(KPJ_RE, 'kpj-format')),
});
const kpjImportSchema = z.strictObject({
  rows: z
    .array(z.strictObject({ nik: numberText, kpjNumber: numberText }))
    .min(1)
    .max(MAX_KPJ_ROWS),
});

export function registrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.route<{ Params: { code: string } }>({
    method: 'GET', url: '/api/v1/villages/:code/registrations', onRequest,
    handler: async (request): Promise<{ registrations: ServerRegistration[] }> => {
      const actor = actorOf(request);
      const { code } = request.params;
      if (!ctx.places.village(code)) throw notFound();
      if (!canSee(actor, code)) throw forbidden();
      const registrations = (await villageRegistrations(ctx.store.db, code)).map((r) => viewRegistration(r, actor.deviceId));
      // HEAD sends none of it: nothing read is audited.
      if (request.method !== 'HEAD') await audit(ctx.store.db, {
        actor: actor.tokenId, action: 'village.registrations.read', targets: [code],
        details: { count: registrations.length }, at: ctx.now(),
      });
      return { registrations };
    },
  });

  app.route<{ Params: { id: string } }>({
    method: 'PUT', url: '/api/v1/registrations/:id/kpj', onRequest,
    handler: async (request): Promise<ServerRegistration> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      if (!uuid.safeParse(request.params.id).success) throw notFound();
      const { kpjNumber } = parseOr400(kpjBodySchema, request.body);
      const result = await setKpjNumber(ctx.store, {
        id: request.params.id, kpjNumber, actor, now: ctx.now(), defaultQuota: ctx.defaultQuota,
      });
      if (result.ok) return viewRegistration(result.registration, actor.deviceId);
      switch (result.refusal) {
        case 'not-found':
          throw notFound();
        case 'forbidden':
          throw forbidden();
        case 'kpj-taken':
          throw new HttpError(409, 'kpj-taken', undefined, result.details);
        default:
          throw new HttpError(409, result.refusal);
      }
    },
  });

  app.route({
    method: 'POST', url: '/api/v1/kpj/import', onRequest,
    handler: async (request): Promise<KpjImportResult> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const { rows } = parseOr400(kpjImportSchema, request.body);
      return importKpjNumbers(ctx.store, { rows, actor, now: ctx.now(), defaultQuota: ctx.defaultQuota });
    },
  });
}
