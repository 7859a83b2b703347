import { useEffect, useRef, useState } from 'react';
import { recordHandover, type HandoverResult, type PriorHandover } from '../../db/distribution-store';
import { translateIssue, useI18n } from '../../i18n';
import { maskNik } from '../../../shared/nik';
import { receiverSchema, type Receiver } from '../../../shared/protocol';
import { cardText } from '../coordinator/card-text';
import { errorKey } from '../coordinator/api';
import { useFormat } from '../../pwa/format';
import type { DeskRow } from './desk-model';
import { useDistribution, villageLabel } from './distribution-context';
import { ReceiverFields, type ReceiverDraft } from './receiver-fields';
import { StateBadge } from './state-badge';

export interface HandoverPanelProps {
  row: DeskRow;
  eventId: string;
  onClose: () => void;
}

type Outcome = { kind: 'done' } | { kind: 'refused'; text: string } | null;

function refusalText(t: ReturnType<typeof useI18n>['t'], fmt: ReturnType<typeof useFormat>, result: Exclude<HandoverResult, { ok: true }>): string {
  if (result.reason === 'already-handed-over') return priorText(t, fmt, result.prior);
  return t(`dist.refused.${result.reason}`);
}

function priorText(t: ReturnType<typeof useI18n>['t'], fmt: ReturnType<typeof useFormat>, prior: PriorHandover): string {
  const who = cardText(t, fmt, { ...prior, operator: prior.operator || (prior.here ? t('dist.this-phone') : undefined) });
  return t(prior.here ? 'dist.refused.already-here' : 'dist.refused.already', { who });
}

/** One worker at the table: who they are, and the handover itself (or why there is none). */
export function HandoverPanel({ row, eventId, onClose }: HandoverPanelProps) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { db, villages, onQueued } = useDistribution();
  const [draft, setDraft] = useState<ReceiverDraft>({ kind: 'self', name: '', relationship: '', other: '' });
  const [errors, setErrors] = useState<Partial<Record<'name' | 'relationship', string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const { state } = row;
  // The panel opens above the search box: take the reader (and the screen reader) to it.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);

  const handOver = async () => {
    const relationship = draft.relationship === 'lainnya' ? draft.other : draft.relationship;
    const candidate: Receiver = draft.kind === 'self'
      ? { kind: 'self' }
      : { kind: 'representative', name: draft.name, relationship };
    const parsed = receiverSchema.safeParse(candidate);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'name' ? 'name' : 'relationship';
        next[field] ??= translateIssue(locale, issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await recordHandover(db, { registrationId: row.id, receiver: parsed.data, eventId });
      if (result.ok) {
        setOutcome({ kind: 'done' });
        onQueued();
      } else {
        setOutcome({ kind: 'refused', text: refusalText(t, fmt, result) });
      }
    } catch (err) {
      setOutcome({ kind: 'refused', text: t(errorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={panel} tabIndex={-1} aria-labelledby="handover-title" className="card handover-panel">
      <h3 id="handover-title">{row.fullName}</h3>
      <dl className="facts">
        <dt>{t('coord.col.nik')}</dt>
        <dd className="nik">{maskNik(row.nik)}</dd>
        <dt>{t('coord.col.village')}</dt>
        <dd>{villageLabel(villages, row.villageCode)}</dd>
        <dt>{t('coord.col.kpj')}</dt>
        <dd>{row.kpjNumber ?? t('dist.kpj-missing')}</dd>
        <dt>{t('coord.col.status')}</dt>
        <dd><StateBadge state={state} /></dd>
      </dl>
      {outcome?.kind === 'done' && state.kind === 'handed' && (
        <p role="status" className="ok-text">{t('dist.done', { who: cardText(t, fmt, state.prior) })}</p>
      )}
      {outcome?.kind === 'refused' && <p role="alert" className="error-text">{outcome.text}</p>}
      {state.kind === 'handed' && outcome?.kind !== 'done' && (
        <p role="alert" className="warn-text">
          {priorText(t, fmt, state.prior)}
          {!state.synced ? ` ${t('dist.unsynced-note')}` : ''}
        </p>
      )}
      {state.kind === 'conflict' && (
        <p role="alert" className="error-text">
          {t('dist.attention.conflict', { other: cardText(t, fmt, state.other), mine: cardText(t, fmt, state.mine) })}
        </p>
      )}
      {state.kind === 'refused' && (
        <p role="alert" className="error-text">{t('dist.attention.refused', { reason: t(`coord.rejected.${state.code}`) })}</p>
      )}
      {state.kind === 'not-eligible' && <p className="warn-text">{t(`dist.not-eligible.${state.status}`)}</p>}
      {state.kind === 'ready' && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void handOver(); }} className="stack">
          {!row.kpjNumber && <p className="hint">{t('dist.kpj-missing-hint')}</p>}
          <ReceiverFields draft={draft} errors={errors} onChange={setDraft} />
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>{t('dist.hand-over')}</button>
        </form>
      )}
      <button type="button" className="btn" onClick={onClose}>{t('action.close')}</button>
    </section>
  );
}
