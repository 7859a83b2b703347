import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { FUNDING_SOURCES, OCCUPATIONS } from '../../../shared/codes';
import { useI18n } from '../../i18n';
import { describedBy, Field, SelectField } from './field';
import { formatIncome, parseIncome } from './income';
import type { EnrolFormValues } from './form-schema';
import { useFieldError } from './use-field-error';

export function WorkSection() {
  const { t } = useI18n();
  const { register, control } = useFormContext<EnrolFormValues>();
  const errorOf = useFieldError();
  const occupation = useWatch({ control, name: 'occupation' });
  const incomeHint = t('enrol.hint.monthlyIncome');
  return (
    <fieldset className="enrol-section">
      <legend>{t('enrol.section.work')}</legend>
      <SelectField
        name="occupation"
        label={t('enrol.field.occupation')}
        placeholder={t('enrol.choose')}
        options={OCCUPATIONS.map((code) => [code, t(`enrol.occupation.${code}`)])}
        required
        error={errorOf('occupation')}
        selectProps={register('occupation')}
      />
      {occupation === 'lainnya' ? (
        <Field name="occupationOther" label={t('enrol.field.occupationOther')} required error={errorOf('occupationOther')}>
          <input
            {...describedBy('occupationOther', errorOf('occupationOther'))}
            aria-required="true"
            maxLength={100}
            {...register('occupationOther')}
          />
        </Field>
      ) : null}
      <Controller
        control={control}
        name="monthlyIncome"
        render={({ field }) => {
          const error = errorOf('monthlyIncome');
          return (
            <Field name="monthlyIncome" label={t('enrol.field.monthlyIncome')} required error={error} hint={incomeHint}>
              <input
                {...describedBy('monthlyIncome', error, incomeHint)}
                aria-required="true"
                inputMode="numeric"
                autoComplete="off"
                name={field.name}
                ref={field.ref}
                value={formatIncome(field.value)}
                onChange={(e) => field.onChange(parseIncome(e.target.value))}
                onBlur={field.onBlur}
              />
            </Field>
          );
        }}
      />
      <SelectField
        name="fundingSource"
        label={t('enrol.field.fundingSource')}
        placeholder={t('enrol.choose')}
        options={FUNDING_SOURCES.map((code) => [code, t(`enrol.funding.${code}`)])}
        required
        error={errorOf('fundingSource')}
        selectProps={register('fundingSource')}
      />
      <div className="enrol-period">
        <Field name="coverageStart" label={t('enrol.field.coverageStart')} required error={errorOf('coverageStart')}>
          <input
            type="month"
            placeholder="2025-03"
            {...describedBy('coverageStart', errorOf('coverageStart'))}
            aria-required="true"
            {...register('coverageStart')}
          />
        </Field>
        <Field name="coverageEnd" label={t('enrol.field.coverageEnd')} required error={errorOf('coverageEnd')}>
          <input
            type="month"
            placeholder="2025-12"
            {...describedBy('coverageEnd', errorOf('coverageEnd'))}
            aria-required="true"
            {...register('coverageEnd')}
          />
        </Field>
      </div>
    </fieldset>
  );
}
