import type { Quota } from './protocol';

export interface QuotaMeter {
  quota: number;
  accepted: number;
  waitlisted: number;
  pendingHere: number;
  /** Slots counted as used on this device: accepted at the last sync plus pending here. */
  used: number;
  free: number;
  /** The next capture would go past the quota (it will be waitlisted, never lost). */
  full: boolean;
}

/** What a phone shows for its village: the server's last word plus what it still holds. */
export function quotaMeter(
  quota: Pick<Quota, 'quota' | 'accepted' | 'waitlisted'>,
  pendingHere: number,
): QuotaMeter {
  const used = quota.accepted + pendingHere;
  return {
    quota: quota.quota,
    accepted: quota.accepted,
    waitlisted: quota.waitlisted,
    pendingHere,
    used,
    free: Math.max(0, quota.quota - used),
    full: used >= quota.quota,
  };
}

/**
 * The server's rule: the live registrations of a village, in arrival order, take the slots
 * first come first served. Given how many are accepted, is a newcomer accepted?
 */
export function admits(quota: number, acceptedNow: number): boolean {
  return acceptedNow < quota;
}
