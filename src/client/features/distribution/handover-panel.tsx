import { useEffect, useRef, useState } from 'react';
import { recordHandover, undoHandover, type HandoverResult, type PriorHandover } from '../../db/distribution-store';
import { translateIssue, useI18n } from '../../i18n';
import { maskNik } from '../../../shared/nik';
import { receiverSchema, type Receiver } from '../../../shared/protocol';
import { cardText, receiverText } from '../coordinator/card-text';
import { errorKey } from '../coordinator/api';
import { formatDay, useFormat } from '../../pwa/format';
import { ConfirmBox } from '../enrol/confirm-box';
import type { DeskRow } from './desk-model';
import { useDistribution, villageLabel } from './distribution-context';
import { ReceiverFields, type ReceiverDraft } from './receiver-fields';
import { StateBadge } from './state-badge';

export interface HandoverPanelProps {
  row: DeskRow;
  eventId: string;
  onClose: () => void;
}

type Outcome = { kind: 'done' } | { kind: 'undone' } | { kind: 'refused'; text: string } | null;

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
  const [confirming, setConfirming] = useState<Receiver | null>(null);
  const { state } = row;
  // Taken back while its op has not left the phone (undoHandover checks that again).
  const undoable = state.kind === 'handed' && state.prior.here && !state.synced;
  // The panel opens above the search box: take the reader (and the screen reader) to it.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);

  // A tap records a card that cannot be handed over twice: the receiver is checked, then the
  // desk confirms who takes which card before anything is written.
  const check = () => {
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
      setConfirming(null);
      return;
    }
    setErrors({});
    setConfirming(parsed.data);
  };

  const undo = async () => {
    setBusy(true);
    try {
      const result = await undoHandover(db, row.id);
      setOutcome(result.ok ? { kind: 'undone' } : { kind: 'refused', text: t('dist.undo.too-late') });
    } catch (err) {
      setOutcome({ kind: 'refused', text: t(errorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  const handOver = async (receiver: Receiver) => {
    setConfirming(null);
    setBusy(true);
    try {
      const result = await recordHandover(db, { registrationId: row.id, receiver, eventId });
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
        <dt>{t('dist.birth-date')}</dt>
        <dd>{formatDay(row.birthDate, locale)}</dd>
        <dt>{t('dist.address')}</dt>
        <dd>{t('dist.address.value', { address: row.address, rt: row.rt, rw: row.rw })}</dd>
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
      {outcome?.kind === 'undone' && <p role="status" className="ok-text">{t('dist.undone')}</p>}
      {outcome?.kind === 'refused' && <p role="alert" className="error-text">{outcome.text}</p>}
      {state.kind === 'handed' && outcome?.kind !== 'done' && (
        <p role="alert" className="warn-text">
          {priorText(t, fmt, state.prior)}
          {!state.synced ? ` ${t('dist.unsynced-note')}` : ''}
        </p>
      )}
      {undoable && (
        <button type="button" className="btn" onClick={() => void undo()} disabled={busy}>{t('dist.undo')}</button>
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
        <form noValidate onSubmit={(e) => { e.preventDefault(); check(); }} className="stack">
          {!row.kpjNumber && <p className="hint">{t('dist.kpj-missing-hint')}</p>}
          <ReceiverFields draft={draft} errors={errors} onChange={(next) => { setDraft(next); setConfirming(null); }} />
          {confirming ? (
            <ConfirmBox
              question={t('dist.confirm', {
                name: row.fullName, born: formatDay(row.birthDate, locale), to: receiverText(t, confirming),
              })}
              confirmLabel={t('dist.confirm.yes')}
              cancelLabel={t('action.cancel')}
              onConfirm={() => void handOver(confirming)}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <button type="submit" className="btn btn-primary btn-big" disabled={busy}>{t('dist.hand-over')}</button>
          )}
        </form>
      )}
      <button type="button" className="btn" onClick={onClose}>{t('action.close')}</button>
    </section>
  );
}
