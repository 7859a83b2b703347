import { get, useFormContext } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { issueText } from './error-text';

/** `(name) => error text` for the fields of the form in context. */
export function useFieldError(): (name: string) => string | undefined {
  const { locale } = useI18n();
  const { formState: { errors } } = useFormContext();
  return (name) => issueText(locale, (get(errors, name) as { message?: string } | undefined)?.message);
}
