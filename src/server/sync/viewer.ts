// What a caller may see of who did what (contract Revision 2, R1): answers carry no device id
// but the caller's own. A card handover keeps its `deviceId` only for the device that handed it
// over (its handover desk matches its own marks by it); everyone else reads the device's name
// (`operator`). Applied to every registration, card and result on its way out, not at storage:
// the database keeps the full record for the audit.
import type { Card, OpResult, ServerRegistration } from '../../shared';

/** The device id the caller may see: its own token's device, if any. */
export type Viewer = string | null;

export function viewCard(card: Card, viewer: Viewer): Card {
  if (card.deviceId === null || card.deviceId === viewer) return card;
  return { ...card, deviceId: null };
}

export function viewRegistration<T extends Pick<ServerRegistration, 'card'>>(reg: T, viewer: Viewer): T {
  if (reg.card === null || reg.card.deviceId === null || reg.card.deviceId === viewer) return reg;
  return { ...reg, card: viewCard(reg.card, viewer) };
}

function isCard(v: unknown): v is Card {
  return typeof v === 'object' && v !== null && 'handedAt' in v && 'deviceId' in v && 'receiver' in v;
}

function isRegistration(v: unknown): v is ServerRegistration {
  return typeof v === 'object' && v !== null && 'card' in v && 'seq' in v;
}

/** A push result as the caller may see it: the registration, or a rejection's details. */
export function viewResult(result: OpResult, viewer: Viewer): OpResult {
  if (result.status === 'applied') {
    const registration = viewRegistration(result.registration, viewer);
    return registration === result.registration ? result : { ...result, registration };
  }
  const { details } = result;
  // already-handed-over names the existing card; version-conflict the current registration.
  if (isCard(details)) {
    const card = viewCard(details, viewer);
    return card === details ? result : { ...result, details: card };
  }
  if (isRegistration(details)) {
    const reg = viewRegistration(details, viewer);
    return reg === details ? result : { ...result, details: reg };
  }
  return result;
}
