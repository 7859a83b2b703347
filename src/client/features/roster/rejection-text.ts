import { DEFAULT_PROGRAMME } from '../../../shared/programme';
import type { Rejection } from '../../db';
import { registerMessages, type TFunction } from '../../i18n';
import { rejection as rejectionMessages } from '../../i18n/messages/rejection';
import { enrol } from '../../i18n/messages/enrol';

registerMessages(rejectionMessages, enrol);

function detailsOf(rejection: Rejection): Record<string, unknown> {
  const d = rejection.details;
  return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
}

/** A field's label when the form has one (`heir.name`), else the wire name itself. */
function fieldLabel(t: TFunction, field: string): string {
  const key = `enrol.field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/**
 * Why the server refused a record, in the operator's words: the code decides the sentence,
 * the details fill it in (the other village of a duplicate NIK, the fields found invalid).
 * `villageName`: that village in words, when the caller could read it (use-rejection-text.ts).
 */
export function rejectionText(t: TFunction, rejection: Rejection, villageName?: string): string {
  const details = detailsOf(rejection);
  switch (rejection.code) {
    case 'duplicate-nik': {
      const village = villageName ?? (typeof details.villageCode === 'string' ? details.villageCode : '?');
      return t('rejection.duplicate-nik', { village });
    }
    case 'invalid': {
      const fields = details.fields && typeof details.fields === 'object'
        ? Object.entries(details.fields as Record<string, unknown>)
        : [];
      if (fields.length === 0) return t('rejection.invalid-unknown');
      const list = fields.map(([field, issue]) => {
        const issueKey = `invalid.${String(issue)}`;
        const text = t(issueKey, { min: DEFAULT_PROGRAMME.ageMin, max: DEFAULT_PROGRAMME.ageMax });
        return `${fieldLabel(t, field)}: ${text === issueKey ? String(issue) : text}`;
      });
      return t('rejection.invalid', { fields: list.join(' ') });
    }
    default:
      return t(`rejection.${rejection.code}`);
  }
}

/** Whether correcting the record's data can answer the refusal (a create or an update). */
export function refusedDataOp(opTypes: readonly string[]): boolean {
  return opTypes.some((type) => type === 'registration.create' || type === 'registration.update');
}

/** What the detail screen offers against a refusal; with neither, discarding is the way out. */
export interface WaysOut {
  /** Open the form: the refusal names something the operator can change. */
  correct: boolean;
  /** Queue it again as it is (new opIds, rebased on the server's copy). */
  resend: boolean;
}

// Codes a corrected record can answer. `forbidden-village` only for a create: the form then
// offers the phone's own village, while an update can never move a record to another village.
const CORRECTABLE: ReadonlySet<string> = new Set(['invalid', 'duplicate-nik', 'version-conflict']);
// Codes a plain resend can answer: a fresh opId (op-conflict), the server's newer copy (version).
const RESENDABLE: ReadonlySet<string> = new Set(['version-conflict', 'op-conflict']);

/**
 * Every rejection code of the contract has a way out here. `not-found`, `not-accepted`,
 * `already-handed-over`, `already-voided`, and `forbidden-village` on a record the server holds,
 * would be refused again whatever is changed: those say so and leave only discarding.
 */
export function waysOut(rejection: Rejection, opTypes: readonly string[], onServer: boolean): WaysOut {
  const data = refusedDataOp(opTypes);
  const correct = data && (CORRECTABLE.has(rejection.code)
    || (rejection.code === 'forbidden-village' && !onServer && opTypes.includes('registration.create')));
  return { correct, resend: RESENDABLE.has(rejection.code) };
}
