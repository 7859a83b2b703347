import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { MAX_TEXT_LENGTH } from '../../../shared/programme';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints, type DeviceInfo } from './endpoints';

export interface DeviceRenameFormProps {
  device: DeviceInfo;
  onDone: (renamed: DeviceInfo | null) => void;
}

/** A name people know ("HP Kaur Tanjungsari"): it is what handovers say the card went out by. */
export function DeviceRenameForm({ device, onDone }: DeviceRenameFormProps) {
  const { t } = useI18n();
  const { api } = useCoordinator();
  const [name, setName] = useState(device.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('coord.devices.name-required'));
      return;
    }
    setBusy(true);
    try {
      onDone(await endpoints.renameDevice(api, device.deviceId, name.trim()));
    } catch (err) {
      setError(t(errorKey(err)));
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <label>
        {t('coord.devices.name')}
        <input name="name" value={name} maxLength={MAX_TEXT_LENGTH} onChange={(e) => setName(e.target.value)} required />
      </label>
      <div className="dialog__actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('action.save')}</button>
        <button type="button" className="btn" onClick={() => onDone(null)}>{t('action.cancel')}</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
