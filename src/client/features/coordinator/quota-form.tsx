import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { MAX_QUOTA } from '../../../shared/programme';
import type { Quota } from '../../../shared/protocol';
import { ApiError, errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';

export interface QuotaFormProps {
  villageCode: string;
  current: { quota: number; accepted: number } | null;
  onChanged: (quota: Quota) => void;
}

type Outcome = { kind: 'ok'; quota: Quota } | { kind: 'error'; message: string } | null;

/** A quota change is decided by the server at once; raising it promotes the waitlist. */
export function QuotaForm({ villageCode, current, onChanged }: QuotaFormProps) {
  const { t } = useI18n();
  const { api } = useCoordinator();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const quota = Number(value);
    if (value.trim() === '' || !Number.isInteger(quota) || quota < 0 || quota > MAX_QUOTA) {
      setOutcome({ kind: 'error', message: t('coord.quota.invalid', { max: MAX_QUOTA }) });
      return;
    }
    setBusy(true);
    try {
      const result = await endpoints.setQuota(api, villageCode, quota);
      setOutcome({ kind: 'ok', quota: result });
      onChanged(result);
    } catch (error) {
      const below = error instanceof ApiError && error.code === 'quota-below-accepted';
      // The server says how many are accepted now; the board on screen may be older.
      const told = below ? (error.details as { accepted?: unknown } | undefined)?.accepted : undefined;
      const accepted = typeof told === 'number' ? told : current?.accepted ?? '?';
      setOutcome({
        kind: 'error',
        message: below ? t('coord.quota.below-accepted', { accepted }) : t(errorKey(error)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="quota-form" onSubmit={(e) => void submit(e)} aria-labelledby="quota-title">
      <h3 id="quota-title">{t('coord.quota.title')}</h3>
      <label>
        {current ? t('coord.quota.label-current', { quota: current.quota }) : t('coord.quota.label')}
        <input
          name="quota"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_QUOTA}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>{t('coord.quota.submit')}</button>
      {outcome?.kind === 'ok' && (
        <p role="status">
          {t('coord.quota.saved', {
            quota: outcome.quota.quota, accepted: outcome.quota.accepted, waitlisted: outcome.quota.waitlisted,
          })}
        </p>
      )}
      {outcome?.kind === 'error' && <p role="alert" className="error-text">{outcome.message}</p>}
    </form>
  );
}
