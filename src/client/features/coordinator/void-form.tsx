import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import type { ServerRegistration } from '../../../shared/protocol';
import { maskNik } from '../../../shared/nik';
import { MAX_TEXT_LENGTH } from '../../../shared/programme';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';

export interface VoidFormProps {
  registration: ServerRegistration;
  onDone: (voided: boolean) => void;
}

/** Voiding frees a slot (the oldest waitlisted is promoted): it needs a reason, and a second look. */
export function VoidForm({ registration, onDone }: VoidFormProps) {
  const { t } = useI18n();
  const { api, auth } = useCoordinator();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `void-${registration.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('coord.void.reason-required'));
      return;
    }
    setBusy(true);
    try {
      const result = await endpoints.voidRegistration(api, auth.deviceId, registration.id, reason.trim());
      if (result.status === 'applied') onDone(true);
      else setError(t(`coord.rejected.${result.code}`));
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="void-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        {t('coord.void.confirm', { name: registration.fullName, nik: maskNik(registration.nik) })}
      </p>
      <label>
        {t('coord.void.reason')}
        <input
          name="reason"
          value={reason}
          maxLength={MAX_TEXT_LENGTH}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </label>
      <div className="dialog__actions">
        <button type="submit" className="btn btn-danger" disabled={busy}>{t('coord.void.submit')}</button>
        <button type="button" className="btn" onClick={() => onDone(false)}>{t('action.cancel')}</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
