import { DEFAULT_PROGRAMME } from '../../../shared/programme';
import { isClientError, toClientError } from '../../db';
import { registerMessages, translateIssue, type Locale, type TFunction } from '../../i18n';
import { enrol } from '../../i18n/messages/enrol';

registerMessages(enrol);

/** A shared validation key (`nik-format`) in words, with the programme's figures filled in. */
export function issueText(locale: Locale, key: string | undefined): string | undefined {
  if (!key) return undefined;
  return translateIssue(locale, key, { min: DEFAULT_PROGRAMME.ageMin, max: DEFAULT_PROGRAMME.ageMax });
}

/** Any failure of a save or a load, in the operator's words (never a stack trace). */
export function errorText(t: TFunction, err: unknown): string {
  const mapped = toClientError(err);
  if (isClientError(mapped)) return t(`client-error.${mapped.code}`);
  return t('client-error.unknown', { message: mapped instanceof Error ? mapped.message : String(mapped) });
}
