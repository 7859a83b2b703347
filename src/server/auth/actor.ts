// Who is calling, and what each role may touch (contract: "Running it").
import { isScope, scopeContains, type OpType, type Role } from '../../shared';

export interface Actor {
  /** Public id of the token: what audits and ops record, never the token itself. */
  tokenId: string;
  role: Role;
  scope: string;
  name: string;
  deviceId: string | null;
}

/** The CLI acts with admin rights; its audit entries say so. */
export const CLI_ACTOR: Actor = { tokenId: 'cli', role: 'admin', scope: '*', name: 'cli', deviceId: null };

export function canSee(actor: Actor, code: string): boolean {
  return scopeContains(actor.scope, code);
}

/**
 * Per-op authorisation (rule 4): operators do everything in their own village; coordinators
 * void and hand over cards inside their scope (contract addition: launch-site handover events
 * are run by APDESI/regency staff on their own phones); admins do everything everywhere.
 */
export function mayTouch(actor: Actor, type: OpType, villageCode: string): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'operator':
      return scopeContains(actor.scope, villageCode);
    case 'coordinator':
      return (type === 'registration.void' || type === 'card.handover')
        && scopeContains(actor.scope, villageCode);
  }
}

/**
 * Whether `scope` suits `role`, as a key for `details.fields.scope` (undefined = fine):
 * an operator's scope is one real village, a coordinator's a real region or `*`, an admin's `*`.
 */
export function scopeProblem(
  role: Role, scope: string, places: { village(code: string): unknown; regionName(code: string): string | undefined },
): string | undefined {
  if (!isScope(scope)) return 'scope';
  switch (role) {
    case 'operator':
      return places.village(scope) ? undefined : 'scope-village';
    case 'coordinator':
      return scope === '*' || places.regionName(scope) ? undefined : 'scope-unknown';
    case 'admin':
      return scope === '*' ? undefined : 'scope-admin';
  }
}
