import { useState, type FormEvent } from 'react';
import { chooseEvent, listEvents, saveEvent, type DistributionEvent } from '../../db/distribution-store';
import { useLiveQuery } from '../../db/live';
import { useI18n } from '../../i18n';
import { errorKey } from '../coordinator/api';
import { useFormat } from '../../pwa/format';
import { useDistribution } from './distribution-context';
import { downloadEvent, type DownloadProgress } from './download-event';
import { eventIdOf, today } from './event-id';
import { VillagePicker } from './village-picker';

export interface EventSetupProps {
  /** The current event, offered again as it was (to download again, or to start from). */
  event: DistributionEvent | null;
  onReady: () => void;
  /** Back to the current event's table, when it has been downloaded. */
  onCancel?: () => void;
}

/** Before the event, with signal: name it, pick its villages, download them to this phone. */
export function EventSetup({ event, onReady, onCancel }: EventSetupProps) {
  const { t } = useI18n();
  const { num } = useFormat();
  const { db, api, villages } = useDistribution();
  const [name, setName] = useState(event?.name ?? '');
  const [date, setDate] = useState(event?.date ?? today());
  const [codes, setCodes] = useState<string[]>(event?.villageCodes ?? []);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError(t('dist.setup.name-required'));
    if (codes.length === 0) return setError(t('dist.setup.villages-required'));
    if (!api) return setError(t('coord.error.not-enrolled'));
    const id = eventIdOf(date, name.trim());
    const same = event?.id === id ? event : null;
    // Downloading an event again keeps it usable if the signal drops halfway: what was
    // downloaded before is still on the phone, and the table stays open.
    const made: DistributionEvent = {
      id, name: name.trim(), date, villageCodes: codes,
      createdAt: same?.createdAt ?? new Date().toISOString(), downloadedAt: same?.downloadedAt ?? null,
    };
    setBusy(true);
    setError(null);
    try {
      await saveEvent(db, made);
      await downloadEvent(db, api, made, setProgress);
      onReady();
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="setup-title" className="event-setup">
      <h2 id="setup-title">{t('dist.setup.title')}</h2>
      <p>{t('dist.setup.intro')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="dist-event-name">{t('dist.setup.name')}</label>
          <input id="dist-event-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="dist-event-date">{t('dist.setup.date')}</label>
          <input id="dist-event-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <VillagePicker known={[...villages.values()]} selected={codes} onChange={setCodes} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('dist.setup.download')}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel} disabled={busy}>{t('dist.setup.back')}</button>}
      </form>
      {progress && (
        <p role="status">
          <progress max={progress.villages} value={busy ? progress.village - 1 : progress.villages} aria-label={t('dist.setup.progress-label')} />
          {t('dist.setup.progress', { village: progress.village, villages: progress.villages, n: num(progress.registrations) })}
        </p>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
      <SavedEvents current={event?.id ?? null} onPick={onReady} />
    </section>
  );
}

/** Events downloaded earlier on this phone: switch back to one without downloading again. */
function SavedEvents({ current, onPick }: { current: string | null; onPick: () => void }) {
  const { t } = useI18n();
  const { date } = useFormat();
  const { db } = useDistribution();
  const events = useLiveQuery(() => listEvents(db), [db]);
  const ready = (events ?? []).filter((e) => e.downloadedAt && e.id !== current);
  if (ready.length === 0) return null;
  const pick = async (id: string) => {
    await chooseEvent(db, id);
    onPick();
  };
  return (
    <section aria-labelledby="saved-events-title">
      <h3 id="saved-events-title">{t('dist.setup.saved')}</h3>
      <ul>
        {ready.map((e) => (
          <li key={e.id}>
            <button type="button" className="btn" onClick={() => void pick(e.id)}>
              {t('dist.setup.open-event', { name: e.name, date: date(e.date) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
