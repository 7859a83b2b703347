import type { LocalStatus } from '../../db';

/** What the form may edit: records the server has not settled yet, and refused ones. */
export const EDITABLE_STATUSES: ReadonlySet<LocalStatus> = new Set(['pending', 'sent', 'rejected']);
