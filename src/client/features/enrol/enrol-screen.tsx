import { useEffect, useRef, useState } from 'react';
import { isVillageCode } from '../../../shared/places/codes';
import { Link, navigate } from '../../app/router';
import {
  db, draftIdFor, getDraft, getMeta, getRegistration, type LocalRegistration, type LocalStatus,
} from '../../db';
import { registerMessages, useI18n } from '../../i18n';
import { enrol } from '../../i18n/messages/enrol';
import { EDITABLE_STATUSES } from './editable';
import { EnrolForm } from './enrol-form';
import { coverageDefaults } from './coverage-default';
import { emptyFormValues, formValuesOf, type CarryOver, type EnrolFormValues } from './form-schema';
import { errorText } from './error-text';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './enrol.css';

registerMessages(enrol);

type Loaded =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'not-editable'; status: LocalStatus }
  | { kind: 'error'; error: unknown }
  /** A coordinator's phone: the server takes only voids and handovers from it. */
  | { kind: 'coordinator' }
  | {
      kind: 'ready';
      record: LocalRegistration | null;
      /** The operator's enrolled village: the only one this phone may register for. */
      scopeVillage: string | null;
      baseline: EnrolFormValues;
      initial: EnrolFormValues;
      restoredAt: string | null;
    };

/**
 * A draft over the starting values: a draft from an older app version may lack fields. A
 * village fixed by the phone's scope wins over the draft's (saved before enrolment, say).
 */
function withDraft(baseline: EnrolFormValues, values: Record<string, unknown>, scopeVillage: string | null): EnrolFormValues {
  const heir = values.heir && typeof values.heir === 'object' ? values.heir : {};
  const village = scopeVillage ? { villageCode: scopeVillage } : {};
  return { ...baseline, ...values, ...village, heir: { ...baseline.heir, ...heir } } as EnrolFormValues;
}

/**
 * The village this phone registers for: an enrolled operator's scope (the server refuses any
 * other with `forbidden-village`, so the scope wins over a village chosen before enrolment),
 * else the one chosen in settings.
 */
async function phoneVillage(): Promise<{ role: string | undefined; scopeVillage: string | null; chosen: string }> {
  const [villageCode, role, scope] = await Promise.all([
    getMeta(db, 'villageCode'), getMeta(db, 'role'), getMeta(db, 'scope'),
  ]);
  const scopeVillage = role === 'operator' && scope && isVillageCode(scope) ? scope : null;
  return { role, scopeVillage, chosen: scopeVillage ?? villageCode ?? '' };
}

async function load(registrationId: string | undefined, carry: Partial<CarryOver>): Promise<Loaded> {
  const [draft, phone] = await Promise.all([getDraft(db, draftIdFor(registrationId)), phoneVillage()]);
  if (phone.role === 'coordinator') return { kind: 'coordinator' };
  const { scopeVillage } = phone;
  if (!registrationId) {
    // The programme's period (from the pull) unless the last capture's carries over; the
    // phone's village wins over both.
    const period = coverageDefaults(await getMeta(db, 'coveragePeriod'));
    const baseline = emptyFormValues({ ...period, ...carry, villageCode: phone.chosen });
    const initial = draft ? withDraft(baseline, draft.values, scopeVillage) : baseline;
    return { kind: 'ready', record: null, scopeVillage, baseline, initial, restoredAt: draft?.updatedAt ?? null };
  }
  const record = await getRegistration(db, registrationId);
  if (!record) return { kind: 'not-found' };
  if (!EDITABLE_STATUSES.has(record.status)) return { kind: 'not-editable', status: record.status };
  // A create refused for its village (`forbidden-village`) is sent again for the phone's own.
  const movable = record.status === 'rejected' && record.server === null;
  const data = movable && scopeVillage ? { ...record.data, villageCode: scopeVillage } : record.data;
  const baseline = formValuesOf(data);
  const initial = draft ? withDraft(baseline, draft.values, movable ? scopeVillage : null) : baseline;
  return { kind: 'ready', record, scopeVillage, baseline, initial, restoredAt: draft?.updatedAt ?? null };
}

export interface EnrolScreenProps {
  /** Edit this registration; absent: register a new worker. */
  registrationId?: string;
}

/** Register a worker (`/daftar`) or edit a saved registration (`/daftar/:id`). */
export function EnrolScreen({ registrationId }: EnrolScreenProps) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<LocalRegistration | null>(null);
  // Each new save starts a fresh form; village, funding and period carry over to the next.
  const [generation, setGeneration] = useState(0);
  // Keyed by what was asked, so that a new request shows "loading" without a reset in the effect.
  const request = `${registrationId ?? 'new'}-${generation}`;
  const [answer, setAnswer] = useState<{ request: string; loaded: Loaded } | null>(null);
  const carry = useRef<Partial<CarryOver>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    load(registrationId, carry.current).then(
      (loaded) => live && setAnswer({ request, loaded }),
      (error: unknown) => live && setAnswer({ request, loaded: { kind: 'error', error } }),
    );
    return () => {
      live = false;
    };
  }, [registrationId, request]);
  const state: Loaded = answer?.request === request ? answer.loaded : { kind: 'loading' };

  const onSaved = (row: LocalRegistration) => {
    if (registrationId) {
      navigate(`/peserta/${row.id}`);
      return;
    }
    const { villageCode, fundingSource, coverageStart, coverageEnd } = row.data;
    carry.current = { villageCode, fundingSource, coverageStart, coverageEnd };
    setSaved(row);
    setGeneration((g) => g + 1);
    headingRef.current?.focus();
  };

  return (
    <main className="enrol">
      <h1 ref={headingRef} tabIndex={-1}>{t(registrationId ? 'enrol.title.edit' : 'enrol.title.new')}</h1>
      {saved ? (
        <p className="enrol-success" role="status">
          {t('enrol.saved', { name: saved.data.fullName })}{' '}
          <Link href={`/peserta/${saved.id}`}>{t('enrol.saved.open')}</Link>
        </p>
      ) : null}
      {state.kind === 'loading' ? <p aria-busy="true">{t('enrol.loading')}</p> : null}
      {state.kind === 'not-found' ? <p role="alert">{t('enrol.not-found')}</p> : null}
      {state.kind === 'not-editable' ? (
        <p role="alert">{t('enrol.not-editable', { status: t(`status.${state.status}`) })}</p>
      ) : null}
      {state.kind === 'error' ? <p role="alert" className="enrol-error">{errorText(t, state.error)}</p> : null}
      {state.kind === 'coordinator' ? (
        <p className="enrol-info" data-testid="enrol-coordinator">
          {t('enrol.coordinator')} <Link href="/koordinator">{t('enrol.coordinator.open')}</Link>
        </p>
      ) : null}
      {state.kind === 'ready' ? (
        <EnrolForm
          key={request}
          record={state.record}
          scopeVillage={state.scopeVillage}
          baseline={state.baseline}
          initial={state.initial}
          restoredAt={state.restoredAt}
          onSaved={onSaved}
        />
      ) : null}
    </main>
  );
}
