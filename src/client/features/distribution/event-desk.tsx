import { lazy, Suspense, useMemo, useState } from 'react';
import { readEventEntries, type DistributionEvent } from '../../db/distribution-store';
import { useLiveQuery } from '../../db/live';
import { useI18n } from '../../i18n';
import { formatDay, useFormat } from '../../pwa/format';
import { AttentionList } from './attention-list';
import { progressOf, registrationIdFromQr, searchRows, toDeskRow, type DeskRow } from './desk-model';
import { useDistribution, villageLabel } from './distribution-context';
import { HandoverPanel } from './handover-panel';
import { ProgressPanel } from './progress-panel';
import { StateBadge } from './state-badge';
import { maskNik } from '../../../shared/nik';

// The camera and jsQR load only when someone taps "scan".
const Scanner = lazy(() => import('./scanner').then((m) => ({ default: m.Scanner })));

export interface EventDeskProps {
  event: DistributionEvent;
  onNewEvent: () => void;
  onPrint: (villageCode: string) => void;
}

/** At the table, offline: find the worker (name, NIK digits, QR), hand the card over. */
export function EventDesk({ event, onNewEvent, onPrint }: EventDeskProps) {
  const { t } = useI18n();
  const { date, time } = useFormat();
  const { db, villages } = useDistribution();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);
  const codesKey = event.villageCodes.join(',');
  const entries = useLiveQuery(() => readEventEntries(db, codesKey.split(',')), [db, codesKey]);
  const rows = useMemo(() => (entries ?? []).map(toDeskRow), [entries]);
  const hits = useMemo(() => searchRows(rows, query), [rows, query]);
  const progress = useMemo(() => progressOf(rows), [rows]);
  const current = rows.find((r) => r.id === selected) ?? null;

  const scanned = (text: string) => {
    setScanning(false);
    const id = registrationIdFromQr(text);
    if (id && rows.some((r) => r.id === id)) {
      setScanError(null);
      setSelected(id);
    } else {
      setScanError(t('dist.scan.unknown'));
    }
  };

  return (
    <section aria-labelledby="desk-title" className="event-desk">
      <header className="desk-header no-print">
        <h2 id="desk-title">{t('dist.desk.title', { name: event.name, date: date(event.date) })}</h2>
        <p className="muted">
          {event.villageCodes.map((c) => villageLabel(villages, c)).join(', ')}
          {event.downloadedAt ? ` · ${t('dist.desk.downloaded', { time: time(event.downloadedAt) })}` : ''}
        </p>
        <button type="button" className="btn" onClick={onNewEvent}>{t('dist.desk.other-event')}</button>
      </header>
      <ProgressPanel event={event} rows={rows} progress={progress} onPrint={onPrint} />
      <AttentionList rows={rows} onOpen={setSelected} />
      {current && <HandoverPanel key={current.id} row={current} eventId={event.id} onClose={() => setSelected(null)} />}
      <div className="desk-find">
        <label htmlFor="dist-search">{t('dist.search.label')}</label>
        <input
          id="dist-search"
          type="search"
          inputMode="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="dist-search-hint"
        />
        <p id="dist-search-hint" className="hint">{t('dist.search.hint')}</p>
        <button type="button" className="btn" onClick={() => setScanning((s) => !s)} aria-expanded={scanning}>
          {t(scanning ? 'dist.scan.stop' : 'dist.scan.start')}
        </button>
        {scanError && <p role="alert" className="error-text">{scanError}</p>}
        {scanning && (
          <Suspense fallback={<p role="status">{t('dist.scan.loading')}</p>}>
            <Scanner onResult={scanned} />
          </Suspense>
        )}
      </div>
      {query.trim() !== '' && (
        <section aria-labelledby="results-title">
          <h3 id="results-title">{t('dist.search.results', { n: hits.length })}</h3>
          <ResultList rows={hits} onOpen={setSelected} />
        </section>
      )}
    </section>
  );
}

function ResultList({ rows, onOpen }: { rows: DeskRow[]; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { villages } = useDistribution();
  if (rows.length === 0) return <p role="status">{t('dist.search.none')}</p>;
  return (
    <ul className="desk-results">
      {rows.map((r) => (
        <li key={r.id}>
          <button type="button" className="result" onClick={() => onOpen(r.id)}>
            <strong>{r.fullName}</strong>
            <span className="nik">{maskNik(r.nik)}</span>
            {/* Two SITI NURJANAH are told apart by birth date and address, as on the KTP. */}
            <span>{t('dist.result.who', { born: formatDay(r.birthDate, locale), address: t('dist.address.value', { address: r.address, rt: r.rt, rw: r.rw }) })}</span>
            <span className="muted">{villageLabel(villages, r.villageCode)}</span>
            <StateBadge state={r.state} />
          </button>
        </li>
      ))}
    </ul>
  );
}
