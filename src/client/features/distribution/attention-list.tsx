import { useI18n } from '../../i18n';
import { maskNik } from '../../../shared/nik';
import { cardText } from '../coordinator/card-text';
import { useFormat } from '../../pwa/format';
import type { DeskRow } from './desk-model';

/**
 * Handovers the server refused, on top of the screen: above all a card that two phones both
 * handed over, which someone must sort out at the table while the worker may still be there.
 */
export function AttentionList({ rows, onOpen }: { rows: readonly DeskRow[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const problems = rows.filter((r) => r.state.kind === 'conflict' || r.state.kind === 'refused');
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="attention-title" className="attention notice-error" role="alert">
      <h3 id="attention-title">{t('dist.attention.title', { n: problems.length })}</h3>
      <ul>
        {problems.map((r) => (
          <li key={r.id}>
            <strong>{r.fullName}</strong> <span className="nik">{maskNik(r.nik)}</span>
            {': '}
            {r.state.kind === 'conflict'
              ? t('dist.attention.conflict', { other: cardText(t, fmt, r.state.other), mine: cardText(t, fmt, r.state.mine) })
              : r.state.kind === 'refused'
                ? t('dist.attention.refused', { reason: t(`coord.rejected.${r.state.code}`) })
                : null}{' '}
            <button type="button" className="btn" onClick={() => onOpen(r.id)}>{t('dist.attention.open')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
