import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import type { ServerRegistration } from '../../../shared/protocol';
import { CodedError } from '../../../shared/errors';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';
import { cleanNumber, KPJ_RE } from './kpj-csv';

/** The village the server names as holding the number (R4), when it names one. */
function holderVillage(err: CodedError): string | null {
  const details = err.details as { villageCode?: unknown } | undefined;
  return typeof details?.villageCode === 'string' ? details.villageCode : null;
}

export interface KpjFormProps {
  registration: ServerRegistration;
  onSaved: (registration: ServerRegistration) => void;
  onCancel: () => void;
}

/** One KPJ number as it comes back from BPJS, typed from the card or the BPJS list. */
export function KpjForm({ registration, onSaved, onCancel }: KpjFormProps) {
  const { t } = useI18n();
  const { api } = useCoordinator();
  const { placeLabel: villageLabel } = useCoordinator();
  const [value, setValue] = useState(registration.kpjNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const kpj = cleanNumber(value);
    if (!KPJ_RE.test(kpj)) {
      setError(t('coord.kpj.format'));
      return;
    }
    setBusy(true);
    try {
      onSaved(await endpoints.setKpj(api, registration.id, kpj));
    } catch (err) {
      if (err instanceof CodedError && err.code === 'kpj-taken') {
        const holder = holderVillage(err);
        setError(holder ? t('coord.kpj.taken-in', { kpj, village: villageLabel(holder) }) : t('coord.kpj.taken', { kpj }));
      } else {
        setError(t(errorKey(err)));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="kpj-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('coord.kpj.label', { name: registration.fullName })}
        <input
          name="kpjNumber"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          required
        />
      </label>
      <div className="dialog__actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('action.save')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
