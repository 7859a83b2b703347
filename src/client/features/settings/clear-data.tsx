import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, clearAllLocalData, countUnsynced } from '../../db/app-state';
import { useI18n } from '../../i18n';

/**
 * "Delete everything on this phone", for handing a phone to someone else. It refuses while any
 * record exists only here, and needs the confirmation word typed: one tap must never lose data.
 */
export function ClearData() {
  const { t } = useI18n();
  const unsynced = useLiveQuery(() => countUnsynced(appDb()), []);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const word = t('settings.clear.word');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== word) {
      setError(t('settings.clear.mismatch', { word }));
      return;
    }
    setBusy(true);
    const result = await clearAllLocalData(appDb());
    if (result.ok) {
      window.location.assign('/');
      return;
    }
    setBusy(false);
    setError(t('settings.clear.blocked', { count: result.unsynced }));
  };

  return (
    <section className="card" aria-labelledby="settings-clear">
      <h2 id="settings-clear">{t('settings.clear.title')}</h2>
      <p>{t('settings.clear.body')}</p>
      {unsynced === undefined ? null : unsynced > 0 ? (
        <p className="notice-error" data-testid="clear-blocked">{t('settings.clear.blocked', { count: unsynced })}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="clear-confirm">{t('settings.clear.confirm', { word })}</label>
            <input
              id="clear-confirm"
              name="clearConfirm"
              autoComplete="off"
              value={typed}
              aria-invalid={error ? true : undefined}
              onChange={(e) => { setTyped(e.target.value); setError(null); }}
            />
            {error && <p className="error-text" role="alert">{error}</p>}
          </div>
          <button type="submit" className="btn btn-danger" disabled={busy || typed.trim() === ''}>
            {t('settings.clear.action')}
          </button>
        </form>
      )}
    </section>
  );
}
