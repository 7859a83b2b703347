import { useState, type ChangeEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SEXES } from '../../../shared/codes';
import { parseNik } from '../../../shared/nik';
import { Link } from '../../app/router';
import type { LocalRegistration } from '../../db';
import { useI18n } from '../../i18n';
import { formatDay } from '../../pwa/format';
import { describedBy, Field, fieldId } from './field';
import { nikMismatch, type EnrolFormValues } from './form-schema';
import { useFieldError } from './use-field-error';

interface Props {
  /** A live record on this phone with the NIK typed, if any: saving is refused. */
  duplicate: LocalRegistration | undefined;
}

export function IdentitySection({ duplicate }: Props) {
  const { t, locale } = useI18n();
  const { register, setValue, control, getFieldState } = useFormContext<EnrolFormValues>();
  const errorOf = useFieldError();
  const [prefilled, setPrefilled] = useState(false);
  const [nik, birthDate, sex] = useWatch({ control, name: ['nik', 'birthDate', 'sex'] });
  const mismatch = nikMismatch({ nik, birthDate, sex });
  const written = formatDay(birthDate, locale);

  // The NIK carries birth date and sex: fill them in as soon as a whole, valid NIK is typed.
  // Only on typing, never on load, so that a restored draft or a saved record keeps its values.
  const onNik = (e: ChangeEvent<HTMLInputElement>) => {
    const parsed = parseNik(e.target.value);
    if (!parsed.ok) return;
    const validate = getFieldState('birthDate').isTouched;
    setValue('birthDate', parsed.value.birthDate, { shouldDirty: true, shouldValidate: validate });
    setValue('sex', parsed.value.sex, { shouldDirty: true, shouldValidate: validate });
    setValue('nikMismatchConfirmed', false, { shouldDirty: true });
    setPrefilled(true);
  };

  const nikError = errorOf('nik');
  const sexError = errorOf('sex');
  const confirmError = errorOf('nikMismatchConfirmed');
  return (
    <fieldset className="enrol-section">
      <legend>{t('enrol.section.identity')}</legend>
      <Field
        name="nik"
        label={t('enrol.field.nik')}
        required
        error={nikError}
        after={duplicate ? (
          <p className="enrol-warning" role="alert">
            {t('enrol.duplicate', { name: duplicate.data.fullName, status: t(`status.${duplicate.status}`) })}{' '}
            <Link href={`/peserta/${duplicate.id}`}>{t('enrol.duplicate.open')}</Link>
          </p>
        ) : null}
      >
        <input
          {...describedBy('nik', nikError)}
          aria-required="true"
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          {...register('nik', { onChange: onNik })}
        />
      </Field>
      <Field name="fullName" label={t('enrol.field.fullName')} required error={errorOf('fullName')}>
        <input
          {...describedBy('fullName', errorOf('fullName'))}
          aria-required="true"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={100}
          {...register('fullName')}
        />
      </Field>
      <Field
        name="birthDate"
        label={t('enrol.field.birthDate')}
        required
        error={errorOf('birthDate')}
        hint={prefilled ? t('enrol.nik.prefilled') : undefined}
        after={written === birthDate ? null : (
          // The date picker writes dates in the phone's own way (05/12/1978 on an en-US phone
          // for 12 May): the day spelled out under it cannot be misread.
          <p className="enrol-hint" data-testid="birth-date-written">{t('enrol.birthDate.written', { date: written })}</p>
        )}
      >
        <input
          type="date"
          {...describedBy('birthDate', errorOf('birthDate'), prefilled ? 'prefilled' : undefined)}
          aria-required="true"
          {...register('birthDate')}
        />
      </Field>
      <fieldset
        className={sexError ? 'enrol-choices enrol-field--error' : 'enrol-choices'}
        aria-describedby={sexError ? `${fieldId('sex')}-error` : undefined}
      >
        <legend>
          {t('enrol.field.sex')}
          <span aria-hidden="true" className="enrol-required"> *</span>
        </legend>
        {SEXES.map((code) => (
          <label key={code} className="enrol-choice">
            <input type="radio" value={code} aria-invalid={sexError ? true : undefined} {...register('sex')} />
            {t(`enrol.sex.${code}`)}
          </label>
        ))}
        {sexError ? <p id={`${fieldId('sex')}-error`} className="enrol-error">{sexError}</p> : null}
      </fieldset>
      {mismatch ? (
        <div className="enrol-warning" role="alert">
          <p>{t('enrol.nik.mismatch', { birthDate: formatDay(mismatch.birthDate, locale), sex: t(`enrol.sex.${mismatch.sex}`) })}</p>
          <label className="enrol-choice">
            <input
              type="checkbox"
              {...describedBy('nikMismatchConfirmed', confirmError)}
              {...register('nikMismatchConfirmed')}
            />
            {t('enrol.field.nikMismatchConfirmed')}
          </label>
          {confirmError ? <p id={`${fieldId('nikMismatchConfirmed')}-error`} className="enrol-error">{confirmError}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
