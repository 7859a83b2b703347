import { useState, type ChangeEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { districtOf, provinceOf, regencyOf } from '../../../shared/places/codes';
import { findVillage } from '../../db';
import { useI18n } from '../../i18n';
import { describedBy, Field, SelectField, type Option } from './field';
import type { EnrolFormValues } from './form-schema';
import { errorText, issueText } from './error-text';
import { usePlaceChoices, useRegencyPlaces } from './use-places';

// Province -> regency -> district -> village, from the real Kemendagri list. Only the village
// is a form value (`villageCode`); the three levels above it are where the operator looks.

export function VillagePicker({ lock }: { lock: 'scope' | 'saved' | null }) {
  const { t, locale } = useI18n();
  const { setValue, control } = useFormContext<EnrolFormValues>();
  // Controlled: the options arrive after the regency file loads, and an uncontrolled select
  // would drop a value it had no option for yet.
  const {
    field: { ref: villageRef, name: villageName, value: villageCode, onChange, onBlur },
    fieldState,
  } = useController({ control, name: 'villageCode' });
  const [province, setProvince] = useState(() => (villageCode ? provinceOf(villageCode) : ''));
  const [regency, setRegency] = useState(() => (villageCode ? regencyOf(villageCode) : ''));
  const [district, setDistrict] = useState(() => (villageCode ? districtOf(villageCode) : ''));
  const choices = usePlaceChoices();
  const places = useRegencyPlaces(regency);
  const error = issueText(locale, fieldState.error?.message);
  const loaded = places.status === 'ready' ? places.places : null;
  const village = loaded && villageCode ? findVillage(loaded, villageCode) : null;

  if (lock) {
    return (
      <Field name="villageCode" label={t('enrol.field.villageCode')} hint={t(lock === 'scope' ? 'enrol.village.scope' : 'enrol.village.locked')}>
        <input
          {...describedBy('villageCode', undefined, 'locked')}
          readOnly
          name={villageName}
          ref={villageRef}
          value={villageCode}
        />
        {village ? (
          <p className="enrol-place-name">
            {village.name}, {village.district.name}, {village.regency.name}
          </p>
        ) : null}
      </Field>
    );
  }

  const clearVillage = () => setValue('villageCode', '', { shouldDirty: true, shouldValidate: !!error });
  const onProvince = (e: ChangeEvent<HTMLSelectElement>) => {
    setProvince(e.target.value);
    setRegency('');
    setDistrict('');
    clearVillage();
  };
  const onRegency = (e: ChangeEvent<HTMLSelectElement>) => {
    setRegency(e.target.value);
    setDistrict('');
    clearVillage();
  };
  const onDistrict = (e: ChangeEvent<HTMLSelectElement>) => {
    setDistrict(e.target.value);
    clearVillage();
  };

  const provinces: Option[] = choices?.provinces.map((p) => [p.code, p.name]) ?? [];
  const regencies: Option[] = choices?.regencies.filter((r) => r.provinceCode === province).map((r) => [r.code, r.name]) ?? [];
  const districts: Option[] = loaded?.districts.map((d) => [d.code, d.name]) ?? [];
  const villages: Option[] = loaded?.districts.find((d) => d.code === district)?.villages ?? [];
  const choose = t('enrol.choose');

  return (
    <div className="enrol-village">
      <SelectField
        name="province"
        label={t('enrol.field.province')}
        placeholder={choose}
        options={withCurrent(provinces, province)}
        selectProps={{ value: province, onChange: onProvince }}
      />
      <SelectField
        name="regency"
        label={t('enrol.field.regency')}
        placeholder={choose}
        options={withCurrent(regencies, regency)}
        selectProps={{ value: regency, onChange: onRegency, disabled: !province }}
      />
      {places.status === 'loading' ? <p role="status" className="enrol-hint">{t('enrol.places.loading')}</p> : null}
      {places.status === 'error' ? <p role="alert" className="enrol-warning">{errorText(t, places.error)}</p> : null}
      <SelectField
        name="district"
        label={t('enrol.field.district')}
        placeholder={choose}
        options={withCurrent(districts, district)}
        selectProps={{ value: district, onChange: onDistrict, disabled: !loaded }}
      />
      <SelectField
        name="villageCode"
        label={t('enrol.field.villageCode')}
        placeholder={choose}
        options={withCurrent(villages, villageCode)}
        required
        error={error}
        selectProps={{ name: villageName, ref: villageRef, value: villageCode, onChange, onBlur }}
      />
    </div>
  );
}

/**
 * The options, plus the current value when it is not among them (offline, with the list not
 * yet on this phone): a chosen place is shown by its code rather than silently dropped.
 */
function withCurrent(options: Option[], value: string): Option[] {
  return value && !options.some(([code]) => code === value) ? [[value, value], ...options] : options;
}
