// Enrolling a phone without the CLI: a coordinator mints a one-time code (shown as a QR code
// holding <origin>/enrol?code=CODE), the phone redeems it for its own token.
import type { FastifyInstance } from 'fastify';
import {
  deviceEnrolSchema, deviceRenameSchema, enrolmentCodeRequestSchema, scopeContains, uuid,
  type DeviceEnrolResponse, type DeviceInfo, type EnrolmentCodeResponse,
} from '../../shared';
import { scopeProblem, type Actor } from '../auth/actor';
import { actorOf, authenticate } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError, forbidden, notFound, parseOr400 } from '../http-errors';
import { createEnrolmentCode, redeemEnrolmentCode } from '../store/auth';
import { findDevice, listDevices, renameDevice, revokeDevice } from '../store/devices';
import { isLoopbackHost } from '../env';
import { requestedScope } from './scope';

/**
 * Where links and QR codes point: PUBLIC_URL, never the Host header a client wrote. Without it
 * (`npm start` on this machine), a loopback Host only; any other is refused before a code is
 * minted.
 */
function linkOrigin(publicUrl: string | undefined, protocol: string, host: string): string {
  if (publicUrl) return publicUrl;
  const name = host.replace(/:\d+$/, '');
  if (isLoopbackHost(name)) return `${protocol}://${host}`;
  throw new HttpError(400, 'invalid-request', 'Server belum diberi PUBLIC_URL; tautan hanya untuk localhost / The server has no PUBLIC_URL set; links are for localhost only');
}

export function deviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/enrolment-codes', { onRequest: authenticate(ctx) }, async (request, reply) => {
    const actor = actorOf(request, 'coordinator', 'admin');
    const origin = linkOrigin(ctx.publicUrl, request.protocol, request.host);
    const body = parseOr400(enrolmentCodeRequestSchema, request.body);
    const problem = scopeProblem(body.role, body.scope, ctx.places);
    if (problem) throw new HttpError(400, 'invalid-request', undefined, { fields: { scope: problem } });
    // Coordinators enrol operators and coordinators inside their own scope, never admins.
    if (actor.role === 'coordinator' && (body.role === 'admin' || !scopeContains(actor.scope, body.scope))) {
      throw forbidden();
    }
    const { code, expiresAt } = await createEnrolmentCode(ctx.store, {
      role: body.role, scope: body.scope, actor, now: ctx.now(), ttlMs: ctx.enrolmentCodeTtlMs,
    });
    const url = `${origin}/enrol?code=${encodeURIComponent(code)}`;
    const response: EnrolmentCodeResponse = { code, url, expiresAt };
    return reply.status(201).send(response);
  });

  app.post('/api/v1/devices', async (request, reply) => {
    const nowMs = ctx.now().getTime();
    const wait = ctx.enrolFailures.blocked(request.ip, nowMs);
    if (wait > 0) throw new HttpError(429, 'rate-limited', undefined, undefined, { 'retry-after': String(wait) });
    const body = parseOr400(deviceEnrolSchema, request.body);
    const device = await redeemEnrolmentCode(ctx.store, { code: body.code, deviceName: body.deviceName, now: ctx.now() });
    if (!device) {
      // Only failed redemptions count towards the limit: guessing is what it stops.
      ctx.enrolFailures.fail(request.ip, nowMs);
      throw new HttpError(400, 'invalid-code');
    }
    const response: DeviceEnrolResponse = device;
    return reply.status(201).send(response);
  });
}

/** The coordinator's device list and revocation (a lost or stolen phone is stopped at once). */
export function deviceAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = authenticate(ctx);

  app.route({
    method: 'GET', url: '/api/v1/devices', onRequest,
    handler: async (request): Promise<{ devices: DeviceInfo[] }> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const scope = requestedScope(actor, request.query);
      return { devices: await listDevices(ctx.store.db, scope) };
    },
  });

  /** The device a coordinator or admin may manage: inside their scope, never an admin's for a coordinator. */
  async function managedDevice(actor: Actor, id: string): Promise<DeviceInfo> {
    const device = uuid.safeParse(id).success ? await findDevice(ctx.store.db, id) : undefined;
    if (!device) throw notFound();
    if (!scopeContains(actor.scope, device.scope) || (actor.role === 'coordinator' && device.role === 'admin')) throw forbidden();
    return device;
  }

  // Contract addition: a phone enrolled under a default name ("Linux") gets a name people know.
  app.route<{ Params: { id: string } }>({
    method: 'PATCH', url: '/api/v1/devices/:id', onRequest,
    handler: async (request): Promise<DeviceInfo> => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const device = await managedDevice(actor, request.params.id);
      const { name } = parseOr400(deviceRenameSchema, request.body);
      await renameDevice(ctx.store, { deviceId: device.deviceId, name, actor, now: ctx.now() });
      return { ...device, name };
    },
  });

  app.route<{ Params: { id: string } }>({
    method: 'DELETE', url: '/api/v1/devices/:id', onRequest,
    handler: async (request, reply) => {
      const actor = actorOf(request, 'coordinator', 'admin');
      const device = await managedDevice(actor, request.params.id);
      // Revoking twice is harmless: the answer is the same.
      await revokeDevice(ctx.store, { deviceId: device.deviceId, actor, now: ctx.now() });
      return reply.status(204).send();
    },
  });
}
