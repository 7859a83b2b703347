// The audit trail of who exported, changed or read what (UU PDP). Entries name tokens, ids,
// codes and counts; never NIKs, names or other personal data.
import { randomUUID } from 'node:crypto';
import type { Db } from './db';

export interface AuditEntry {
  actor: string;
  action: string;
  targets?: string[];
  scope?: string;
  details?: Record<string, string | number | boolean | null>;
  at: Date;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      targets: entry.targets ? JSON.stringify(entry.targets) : null,
      scope: entry.scope ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export async function auditTrail(db: Db, action?: string) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}
