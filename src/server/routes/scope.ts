import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { canSee } from '../auth/actor';
import { scopeSchema } from '../../shared';
import { forbidden, parseOr400 } from '../http-errors';

const scopeQuerySchema = z.object({ scope: z.optional(scopeSchema) });

/** `?scope=PREFIX`: defaults to the caller's scope and must lie inside it (else 403). */
export function requestedScope(actor: Actor, query: unknown): string {
  const scope = parseOr400(scopeQuerySchema, query).scope ?? actor.scope;
  if (!canSee(actor, scope)) throw forbidden();
  return scope;
}
