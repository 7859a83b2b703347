import { useMemo } from 'react';
import type { DistributionEvent } from '../../db/distribution-store';
import { useI18n } from '../../i18n';
import { useFormat } from '../../pwa/format';
import { progressOf, type DeskRow, type Progress } from './desk-model';
import { useDistribution, villageLabel } from './distribution-context';

export interface ProgressPanelProps {
  event: DistributionEvent;
  rows: readonly DeskRow[];
  progress: Progress;
  onPrint: (villageCode: string) => void;
}

/** Handed over / expected, for the event and per village, with each village's printable list. */
export function ProgressPanel({ event, rows, progress, onPrint }: ProgressPanelProps) {
  const { t } = useI18n();
  const { num } = useFormat();
  const { villages } = useDistribution();
  const perVillage = useMemo(
    () => event.villageCodes.map((code) => ({ code, p: progressOf(rows.filter((r) => r.villageCode === code)) })),
    [event.villageCodes, rows],
  );
  return (
    <section aria-labelledby="progress-title" className="card progress-panel no-print">
      <h3 id="progress-title">{t('dist.progress.title')}</h3>
      <p className="progress-figure" role="status">
        {t('dist.progress.figure', { handed: num(progress.handed), expected: num(progress.expected) })}
      </p>
      <progress max={Math.max(progress.expected, 1)} value={progress.handed} aria-label={t('dist.progress.title')} />
      {progress.unsynced > 0 && <p className="warn-text">{t('dist.progress.unsynced', { n: num(progress.unsynced) })}</p>}
      <ul className="village-progress">
        {perVillage.map(({ code, p }) => (
          <li key={code}>
            <span>
              <strong>{villageLabel(villages, code)}</strong>{' '}
              {t('dist.progress.village', { handed: num(p.handed), expected: num(p.expected) })}
            </span>
            <button
              type="button"
              className="btn"
              onClick={() => onPrint(code)}
              aria-label={t('dist.print.open-for', { village: villageLabel(villages, code) })}
            >
              {t('dist.print.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
