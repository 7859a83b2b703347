import { useFormContext } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { describedBy, Field } from './field';
import type { EnrolFormValues } from './form-schema';
import { useFieldError } from './use-field-error';
import { VillagePicker } from './village-picker';

export function AddressSection({ villageLock }: { villageLock: 'scope' | 'saved' | null }) {
  const { t } = useI18n();
  const { register } = useFormContext<EnrolFormValues>();
  const errorOf = useFieldError();
  return (
    <fieldset className="enrol-section">
      <legend>{t('enrol.section.address')}</legend>
      <VillagePicker lock={villageLock} />
      <Field name="address" label={t('enrol.field.address')} required error={errorOf('address')}>
        <input
          {...describedBy('address', errorOf('address'))}
          aria-required="true"
          autoComplete="off"
          maxLength={200}
          {...register('address')}
        />
      </Field>
      <div className="enrol-row">
        {(['rt', 'rw'] as const).map((name) => (
          <Field key={name} name={name} label={t(`enrol.field.${name}`)} required error={errorOf(name)}>
            <input
              {...describedBy(name, errorOf(name))}
              aria-required="true"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              {...register(name)}
            />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
