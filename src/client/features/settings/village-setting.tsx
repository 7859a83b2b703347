import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  appDb, lookupVillage, readVillagePlace, readVillageSetting, saveVillageCode,
} from '../../db/app-state';
import type { VillagePlace } from '../../db/places';
import { useI18n, type TFunction } from '../../i18n';
import { isVillageCode } from '../../../shared/places/codes';

/** People copy codes from lists with or without dots: `3214162005` means `32.14.16.2005`. */
export function normaliseVillageCode(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s.]/g, '');
  if (/^\d{10}$/.test(digits)) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return trimmed;
}

function placeLine(t: TFunction, place: VillagePlace): string {
  return t('settings.village.place', { village: place.name, district: place.district.name, regency: place.regency.name });
}

type Outcome = { kind: 'error'; text: string } | { kind: 'saved'; text: string } | null;

export function VillageSetting() {
  const { t } = useI18n();
  const setting = useLiveQuery(() => readVillageSetting(appDb()), []);
  const code = setting?.villageCode ?? null;
  const place = useLiveQuery(() => (code ? readVillagePlace(appDb(), code) : null), [code]);
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = normaliseVillageCode(value);
    if (!isVillageCode(next)) {
      setOutcome({ kind: 'error', text: t('invalid.village-code') });
      return;
    }
    setBusy(true);
    try {
      const found = await lookupVillage(appDb(), next);
      if (found.status === 'unknown') {
        setOutcome({ kind: 'error', text: t('settings.village.unknown') });
        return;
      }
      await saveVillageCode(appDb(), next);
      setValue('');
      setOutcome({
        kind: 'saved',
        text: found.status === 'found' ? t('settings.village.saved') : t('settings.village.unchecked'),
      });
    } finally {
      setBusy(false);
    }
  };

  const error = outcome?.kind === 'error' ? outcome.text : null;
  return (
    <section className="card" aria-labelledby="settings-village">
      <h2 id="settings-village">{t('settings.village.title')}</h2>
      {setting?.lockedByScope ? (
        <p data-testid="village-locked">{t('settings.village.locked', { code: code ?? '' })}</p>
      ) : (
        <p data-testid="village-current">
          {code ? t('settings.village.current', { code }) : t('settings.village.none')}
        </p>
      )}
      {place && <p className="ok-text" data-testid="village-name">{placeLine(t, place)}</p>}
      {setting && !setting.lockedByScope && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="village-code">{t('settings.village.label')}</label>
            <input
              id="village-code"
              name="villageCode"
              inputMode="decimal"
              autoComplete="off"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'village-code-hint village-code-error' : 'village-code-hint'}
              onChange={(e) => { setValue(e.target.value); setOutcome(null); }}
            />
            <p id="village-code-hint" className="hint">{t('settings.village.hint')}</p>
            {error && <p id="village-code-error" className="error-text" role="alert">{error}</p>}
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('settings.village.save')}</button>
          {outcome?.kind === 'saved' && <p className="ok-text" role="status">{outcome.text}</p>}
        </form>
      )}
    </section>
  );
}
