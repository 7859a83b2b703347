import { useFormContext } from 'react-hook-form';
import { HEIR_RELATIONSHIPS, MARITAL_STATUSES } from '../../../shared/codes';
import { DEFAULT_PROGRAMME } from '../../../shared/programme';
import { useI18n } from '../../i18n';
import { describedBy, Field, fieldId, SelectField } from './field';
import type { EnrolFormValues } from './form-schema';
import { useFieldError } from './use-field-error';

type TextField = 'birthPlace' | 'motherName' | 'phone' | 'kkNumber' | 'heir.name' | 'heir.phone';

const INPUT_MODES: Partial<Record<TextField, 'numeric' | 'tel'>> = {
  phone: 'tel', 'heir.phone': 'tel', kkNumber: 'numeric',
};

/** Recommended but optional: folded away so that the required part fits a small screen. */
export function ExtraSection({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useI18n();
  const { register } = useFormContext<EnrolFormValues>();
  const errorOf = useFieldError();
  const text = (name: TextField) => (
    <Field name={name} label={t(`enrol.field.${name}`)} error={errorOf(name)}>
      <input
        {...describedBy(name, errorOf(name))}
        autoComplete="off"
        inputMode={INPUT_MODES[name]}
        type={INPUT_MODES[name] === 'tel' ? 'tel' : 'text'}
        maxLength={name === 'kkNumber' ? 24 : 100}
        {...register(name)}
      />
    </Field>
  );
  return (
    <details className="enrol-section enrol-extra" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('enrol.section.extra')}</summary>
      {text('birthPlace')}
      {text('motherName')}
      {text('phone')}
      {text('kkNumber')}
      <SelectField
        name="maritalStatus"
        label={t('enrol.field.maritalStatus')}
        placeholder={t('enrol.choose')}
        options={MARITAL_STATUSES.map((code) => [code, t(`enrol.marital.${code}`)])}
        error={errorOf('maritalStatus')}
        selectProps={register('maritalStatus')}
      />
      {text('heir.name')}
      <SelectField
        name="heir.relationship"
        label={t('enrol.field.heir.relationship')}
        placeholder={t('enrol.choose')}
        options={HEIR_RELATIONSHIPS.map((code) => [code, t(`enrol.relationship.${code}`)])}
        error={errorOf('heir.relationship')}
        selectProps={register('heir.relationship')}
      />
      {text('heir.phone')}
    </details>
  );
}

/** The privacy notice and the worker's consent (UU PDP): its version and time are recorded. */
export function ConsentSection() {
  const { t } = useI18n();
  const { register, setValue } = useFormContext<EnrolFormValues>();
  const errorOf = useFieldError();
  const error = errorOf('consent');
  const consent = register('consent', {
    onChange: (e: { target: { checked: boolean } }) => {
      setValue('consentAt', e.target.checked ? new Date().toISOString() : '');
      setValue('consentVersion', e.target.checked ? DEFAULT_PROGRAMME.noticeVersion : '');
    },
  });
  return (
    <fieldset className="enrol-section">
      <legend>{t('enrol.section.consent')}</legend>
      <div className="enrol-notice" id={`${fieldId('consent')}-notice`}>
        <p>{t('enrol.notice.body')}</p>
        <p className="enrol-hint">{t('enrol.notice.version', { version: DEFAULT_PROGRAMME.noticeVersion })}</p>
      </div>
      <label className={error ? 'enrol-choice enrol-field--error' : 'enrol-choice'}>
        <input
          type="checkbox"
          {...describedBy('consent', error)}
          aria-required="true"
          {...consent}
        />
        {t('enrol.field.consent')}
        <span aria-hidden="true" className="enrol-required"> *</span>
      </label>
      {error ? <p id={`${fieldId('consent')}-error`} className="enrol-error">{error}</p> : null}
    </fieldset>
  );
}
