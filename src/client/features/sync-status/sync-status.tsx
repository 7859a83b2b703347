import { Link } from '../../app/router';
import { registerMessages, useI18n, type TFunction } from '../../i18n';
import { sync as syncMessages } from '../../i18n/messages/sync';
import type { Locale } from '../../i18n/types';
import { formatCount, formatSince } from '../../pwa/format';
import type { SyncEngine } from '../../sync/engine';
import { getSyncEngine } from '../../sync/instance';
import type { SyncState } from '../../sync/types';
import { useSyncState } from './use-sync-state';
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the feature's styles with its chunk
import './sync-status.css';

registerMessages(syncMessages);

function headline(state: SyncState, t: TFunction, locale: Locale, num: (n: number) => string): string {
  if (state.running && state.phase === 'pull') return t('sync.pulling');
  // The server was restored from a backup: what this phone holds goes again (contract R5).
  if (state.running && state.restoring !== null) {
    const count = num(state.restoring);
    return state.progress && state.progress.total > 0
      ? t('sync.restoring.progress', { count, sent: num(state.progress.sent), total: num(state.progress.total) })
      : t('sync.restoring', { count });
  }
  if (state.running && state.progress && state.progress.total > 0) {
    return t('sync.progress', { sent: num(state.progress.sent), total: num(state.progress.total) });
  }
  if (state.running) return t('sync.running');
  return state.lastSyncAt ? t('sync.last', { time: formatSince(state.lastSyncAt, locale) }) : t('sync.never');
}

/**
 * The always-visible sync line: when it last worked, what waits, what was refused, what went
 * wrong in words, and a button. Rendered by the layout under the header.
 */
export function SyncStatus({ engine }: { engine?: SyncEngine }) {
  const { t, locale } = useI18n();
  const sync = engine ?? getSyncEngine();
  const state = useSyncState(sync);
  const num = (n: number) => formatCount(n, locale);
  const { progress, lastError } = state;
  const big = progress !== null && progress.total > 0 && state.running;
  // A phone not yet enrolled says so inside the one row (the band keeps its height: no layout
  // shift at start) and offers enrolment where "sync now" could do nothing.
  const notEnrolled = lastError?.code === 'not-enrolled';

  return (
    <section className="sync-status" aria-label={t('sync.title')} data-testid="sync-status">
      <div className="sync-status-row">
        <p className="sync-status-line" role="status">
          {notEnrolled ? (
            <>
              <span aria-hidden="true">{t('sync.not-enrolled.short')}</span>
              <span className="sr-only">{t('sync.error.not-enrolled')}</span>
            </>
          ) : (
            <span>{headline(state, t, locale, num)}</span>
          )}
          {/* Nothing about the queue until it is counted: "all sent" must never be a guess. */}
          {state.pendingCount !== null && (
            <>
              {' · '}
              <span data-testid="sync-pending">
                {state.pendingCount > 0 ? t('sync.pending', { count: num(state.pendingCount) }) : t('sync.all-sent')}
              </span>
            </>
          )}
          {state.rejectedCount !== null && state.rejectedCount > 0 && (
            <>
              {' · '}
              <Link href="/peserta" className="error-text" data-testid="sync-rejected">
                {t('sync.rejected', { count: num(state.rejectedCount) })}
              </Link>
            </>
          )}
        </p>
        {notEnrolled ? (
          <Link href="/enrol" className="btn sync-status-button">{t('sync.enrol')}</Link>
        ) : (
          <button type="button" className="btn sync-status-button" disabled={state.running} onClick={() => void sync.syncNow()}>
            {t('sync.now')}
          </button>
        )}
      </div>
      {big && <progress className="sync-status-progress" value={progress.sent} max={progress.total} />}
      {lastError && !notEnrolled && (
        <p className="error-text sync-status-error" role="alert">
          {t(lastError.messageKey, lastError.params)}
          {state.nextAttemptAt !== null && lastError.code !== 'rate-limited' && (
            <> {t('sync.next', { time: formatSince(new Date(state.nextAttemptAt).toISOString(), locale) })}</>
          )}
          {state.halted && (
            <>
              {' '}
              <Link href="/enrol">{t(lastError.code === 'not-enrolled' ? 'sync.enrol' : 'sync.reenrol')}</Link>
            </>
          )}
        </p>
      )}
      {state.clockFarOff && state.clockOffsetMs !== null && (
        <p className="warn-text sync-status-clock" role="alert">
          {t('sync.clock-off', { minutes: num(Math.round(Math.abs(state.clockOffsetMs) / 60_000)) })}
        </p>
      )}
    </section>
  );
}
