import { useState, type ChangeEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { districtOf, provinceOf, regencyOf } from '../../../shared/places/codes';
import { findVillage } from '../../db';
import { useI18n } from '../../i18n';
import { describedBy, Field, fieldId } from './field';
import type { EnrolFormValues } from './form-schema';
import { errorText, issueText } from './error-text';
import { usePlaceChoices, useRegencyPlaces } from './use-places';

// Province -> regency -> district -> village, from the real Kemendagri list. Only the village
// is a form value (`villageCode`); the three levels above it are where the operator looks.

export function VillagePicker({ locked }: { locked: boolean }) {
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

  if (locked) {
    return (
      <Field name="villageCode" label={t('enrol.field.villageCode')} hint={t('enrol.village.locked')}>
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

  const regencies = choices?.regencies.filter((r) => r.provinceCode === province) ?? [];
  const districts = loaded?.districts ?? [];
  const villages = districts.find((d) => d.code === district)?.villages ?? [];
  // Offline with the regency never fetched: keep the chosen code selectable rather than lose it.
  const orphan = villageCode && !villages.some(([code]) => code === villageCode);

  return (
    <div className="enrol-village">
      <div className="enrol-field">
        <label htmlFor={fieldId('province')}>{t('enrol.field.province')}</label>
        <select id={fieldId('province')} value={province} onChange={onProvince}>
          <option value="">{t('enrol.choose')}</option>
          {choices?.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </select>
      </div>
      <div className="enrol-field">
        <label htmlFor={fieldId('regency')}>{t('enrol.field.regency')}</label>
        <select id={fieldId('regency')} value={regency} onChange={onRegency} disabled={!province}>
          <option value="">{t('enrol.choose')}</option>
          {regency && !regencies.some((r) => r.code === regency) ? <option value={regency}>{regency}</option> : null}
          {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </div>
      {places.status === 'loading' ? <p role="status" className="enrol-hint">{t('enrol.places.loading')}</p> : null}
      {places.status === 'error' ? <p role="alert" className="enrol-warning">{errorText(t, places.error)}</p> : null}
      <div className="enrol-field">
        <label htmlFor={fieldId('district')}>{t('enrol.field.district')}</label>
        <select id={fieldId('district')} value={district} onChange={onDistrict} disabled={!loaded}>
          <option value="">{t('enrol.choose')}</option>
          {district && !districts.some((d) => d.code === district) ? <option value={district}>{district}</option> : null}
          {districts.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
      </div>
      <Field name="villageCode" label={t('enrol.field.villageCode')} required error={error}>
        <select
          {...describedBy('villageCode', error)}
          aria-required="true"
          name={villageName}
          ref={villageRef}
          value={villageCode}
          onChange={onChange}
          onBlur={onBlur}
        >
          <option value="">{t('enrol.choose')}</option>
          {orphan ? <option value={villageCode}>{villageCode}</option> : null}
          {villages.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
        </select>
      </Field>
    </div>
  );
}
