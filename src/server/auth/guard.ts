// Bearer-token authentication for every route but health and device enrolment. It runs in
// onRequest, before the body is read: an unauthenticated caller cannot make us parse 5 MiB.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared';
import type { AppContext } from '../context';
import { HttpError, forbidden } from '../http-errors';
import { findActor } from '../store/auth';
import { touchDevice } from '../store/devices';
import type { Actor } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function authenticate(ctx: AppContext): onRequestAsyncHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new HttpError(401, 'unauthenticated');
    // Looked up on every request (no cache): a revoked device is stopped at once.
    const actor = await findActor(ctx.store.db, match[1] as string, ctx.now());
    if (!actor) throw new HttpError(401, 'unauthenticated');
    const nowMs = ctx.now().getTime();
    const wait = ctx.tokenLimiter.hit(actor.tokenId, nowMs);
    if (wait > 0) throw new HttpError(429, 'rate-limited', undefined, undefined, { 'retry-after': String(wait) });
    request.actor = actor;
    // "Last seen" for the coordinator's device list: one write per device every few minutes,
    // not one per request.
    if (actor.deviceId && ctx.lastSeen.hit(actor.deviceId, nowMs) === 0) {
      await touchDevice(ctx.store.db, actor.deviceId, new Date(nowMs));
    }
  };
}

/** The authenticated caller, who must hold one of `roles` (else 403). */
export function actorOf(request: FastifyRequest, ...roles: Role[]): Actor {
  const actor = request.actor;
  if (!actor) throw new HttpError(401, 'unauthenticated');
  if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
  return actor;
}
