import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import type { CoveragePeriod } from '../../../shared/protocol';
import { YEAR_MONTH_RE } from '../../../shared/months';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';
import { useRemote } from './use-remote';

/** `2025-03` -> "Maret 2025" in the reader's language. */
function useMonth(): (ym: string) => string {
  const { locale } = useI18n();
  return useCallback((ym: string) => {
    const [y, m] = ym.split('-').map(Number);
    if (!y || !m) return ym;
    return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
  }, [locale]);
}

/**
 * The programme's protection period for the coordinator's region (Blitar: March-December
 * 2025): village phones receive it with their next sync and the enrolment form starts from it.
 */
export function PeriodForm() {
  const { t } = useI18n();
  const month = useMonth();
  const { api, auth, placeLabel } = useCoordinator();
  const load = useCallback(() => endpoints.coveragePeriod(api, auth.scope), [api, auth.scope]);
  const { data: current } = useRemote<CoveragePeriod | null>(load);
  // Null until typed: the period in force shows meanwhile.
  const [typedStart, setStart] = useState<string | null>(null);
  const [typedEnd, setEnd] = useState<string | null>(null);
  const start = typedStart ?? current?.start ?? '';
  const end = typedEnd ?? current?.end ?? '';
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!YEAR_MONTH_RE.test(start) || !YEAR_MONTH_RE.test(end)) return setOutcome({ ok: false, text: t('coord.period.invalid') });
    if (end < start) return setOutcome({ ok: false, text: t('coord.period.order') });
    setBusy(true);
    try {
      const saved = await endpoints.setCoveragePeriod(api, auth.scope, start, end);
      setOutcome({
        ok: true,
        text: t('coord.period.saved', { start: month(saved.start), end: month(saved.end), scope: placeLabel(saved.scope) }),
      });
    } catch (err) {
      setOutcome({ ok: false, text: t(errorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="period-title" className="period">
      <h2 id="period-title">{t('coord.period.title')}</h2>
      <p className="note">{t('coord.period.intro', { scope: placeLabel(auth.scope) })}</p>
      <form noValidate className="period-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('coord.period.start')}
          <input type="month" name="start" value={start} onChange={(e) => setStart(e.target.value)} placeholder="2025-03" required />
        </label>
        <label>
          {t('coord.period.end')}
          <input type="month" name="end" value={end} onChange={(e) => setEnd(e.target.value)} placeholder="2025-12" required />
        </label>
        <button type="submit" className="btn" disabled={busy}>{t('coord.period.submit')}</button>
      </form>
      {outcome && <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? undefined : 'error-text'}>{outcome.text}</p>}
    </section>
  );
}
