import { newRecordId } from '../../../shared/ids';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { normaliseNik, parseNik } from '../../../shared/nik';
import {
  db, draftIdFor, findLiveByNik, saveEditedRegistration, saveNewRegistration, useLiveQuery,
  type LocalRegistration,
} from '../../db';
import { resendRejected } from '../../db/sync-store';
import { useI18n } from '../../i18n';
import { formatSince } from '../../pwa/format';
import { QuotaMeter, useVillageQuota } from '../quota';
import { useRejectionText } from '../roster/use-rejection-text';
import { AddressSection } from './address-section';
import { ConfirmBox } from './confirm-box';
import { ConsentSection, ExtraSection } from './extra-section';
import {
  enrolFormSchema, toRegistration, type EnrolFormOutput, type EnrolFormValues,
} from './form-schema';
import { IdentitySection } from './identity-section';
import { errorText } from './error-text';
import { useDraftAutosave } from './use-draft-autosave';
import { WorkSection } from './work-section';

// The form holds '' for a select nobody chose yet; the schema's input type has only the codes.
const resolver = zodResolver(enrolFormSchema) as unknown as Resolver<EnrolFormValues, unknown, EnrolFormOutput>;

const EXTRA_FIELDS = ['birthPlace', 'motherName', 'phone', 'kkNumber', 'maritalStatus', 'heir'] as const;

function countErrors(errors: FieldErrors): number {
  let n = 0;
  for (const value of Object.values(errors)) {
    if (!value) continue;
    n += typeof (value as { message?: unknown }).message === 'string' ? 1 : countErrors(value as FieldErrors);
  }
  return n;
}

/**
 * Why the village cannot be picked: an enrolled operator's phone registers for its own village
 * only; a record the server may hold keeps its village (moving is a void plus a create). A
 * create the server refused was never held there, so its village can still change.
 */
function villageLock(record: LocalRegistration | null, scopeVillage: string | null): 'scope' | 'saved' | null {
  if (scopeVillage) return 'scope';
  if (record && !(record.status === 'rejected' && record.server === null)) return 'saved';
  return null;
}

export interface EnrolFormProps {
  /** The record being edited; null for a new registration. */
  record: LocalRegistration | null;
  /** The operator's enrolled village, the only one offered; null on a phone with no village scope. */
  scopeVillage: string | null;
  /** The form with nothing typed: empty, or the saved record. */
  baseline: EnrolFormValues;
  /** Where the form starts: the baseline, or a restored draft. */
  initial: EnrolFormValues;
  restoredAt: string | null;
  onSaved: (row: LocalRegistration) => void;
}

export function EnrolForm({ record, scopeVillage, baseline, initial, restoredAt, onSaved }: EnrolFormProps) {
  const { t, locale } = useI18n();
  const refusal = useRejectionText(record?.status === 'rejected' ? record.rejection : null);
  const form = useForm<EnrolFormValues, unknown, EnrolFormOutput>({
    resolver,
    defaultValues: initial,
    mode: 'onTouched',
  });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [summary, setSummary] = useState<number | null>(null);
  const [extraOpen, setExtraOpen] = useState(() => EXTRA_FIELDS.some((k) => JSON.stringify(initial[k]) !== JSON.stringify(baseline[k])));
  const [confirming, setConfirming] = useState(false);
  // The record found at save time, so its link shows even before the live query catches up.
  const [found, setFound] = useState<LocalRegistration | null>(null);
  const reportDraftError = useCallback((err: unknown) => setSaveError(errorText(t, err)), [t]);
  const draftId = draftIdFor(record?.id);
  const autosave = useDraftAutosave(form, draftId, record?.id ?? null, baseline, reportDraftError);

  const [nik, villageCode] = useWatch({ control: form.control, name: ['nik', 'villageCode'] });
  const nikOk = parseNik(nik).ok;
  const live = useLiveQuery(
    () => (nikOk ? findLiveByNik(db, nik, record?.id) : undefined),
    [nik, nikOk, record?.id],
  );
  const duplicate = live ?? (found && nikOk && found.nik === normaliseNik(nik) ? found : undefined);
  const quota = useVillageQuota(record ? null : villageCode || null);

  const onValid = async (out: EnrolFormOutput) => {
    setSaveError(null);
    setSummary(null);
    try {
      // Checked again at save time: the live warning may be a moment old (a pull just landed).
      const existing = await findLiveByNik(db, out.nik, record?.id);
      if (existing) {
        setFound(existing);
        form.setError('nik', { type: 'duplicate', message: 'duplicate-nik' }, { shouldFocus: true });
        return;
      }
      const reg = toRegistration(out, {
        id: record?.id ?? newRecordId(),
        capturedAt: record?.data.capturedAt ?? new Date().toISOString(),
      });
      autosave.pause();
      if (!record) {
        onSaved(await saveNewRegistration(db, reg, { draftId }));
        return;
      }
      // Correct and resend: refused ops are queued again under new opIds (the server
      // remembers a refused opId for good); then the correction is saved by the edit rules.
      if (record.status === 'rejected') await resendRejected(db, record.id, { corrected: reg });
      onSaved((await saveEditedRegistration(db, reg, { draftId })).row);
    } catch (err) {
      autosave.resume();
      setSaveError(errorText(t, err));
    }
  };

  const onInvalid = (errors: FieldErrors<EnrolFormValues>) => {
    setSummary(countErrors(errors));
    if (EXTRA_FIELDS.some((k) => errors[k])) setExtraOpen(true);
  };

  const discard = async () => {
    setConfirming(false);
    try {
      await autosave.discard();
    } catch (err) {
      setSaveError(errorText(t, err));
    }
  };

  const saving = form.formState.isSubmitting;
  return (
    <FormProvider {...form}>
      <form className="enrol-form" noValidate onSubmit={form.handleSubmit(onValid, onInvalid)}>
        {restoredAt ? (
          <p className="enrol-info" role="status">{t('enrol.draft.restored', { time: formatSince(restoredAt, locale) })}</p>
        ) : null}
        {record?.status === 'rejected' && record.rejection ? (
          <p className="enrol-warning" role="alert">{t('enrol.rejected', { reason: refusal })}</p>
        ) : null}
        {!record && villageCode ? <QuotaMeter villageCode={villageCode} compact /> : null}
        <p className="enrol-hint">{t('enrol.required-note')}</p>
        <IdentitySection duplicate={duplicate} />
        <AddressSection villageLock={villageLock(record, scopeVillage)} />
        <WorkSection />
        <ExtraSection open={extraOpen} onToggle={setExtraOpen} />
        <ConsentSection />
        {quota?.full ? (
          <p className="enrol-warning" role="alert">{t(quota.syncedAt ? 'enrol.quota.full' : 'enrol.quota.full-default', { used: quota.used, quota: quota.quota })}</p>
        ) : null}
        {summary ? <p className="enrol-error enrol-summary" role="alert">{t('enrol.errors.summary', { count: summary })}</p> : null}
        {saveError ? <p className="enrol-error enrol-summary" role="alert">{saveError}</p> : null}
        <div className="enrol-actions">
          <button type="submit" className="enrol-primary" disabled={saving}>
            {saving ? t('enrol.saving') : t(record ? 'enrol.save.edit' : 'enrol.save.new')}
          </button>
          {autosave.unsaved && !confirming ? (
            <button type="button" className="enrol-secondary" onClick={() => setConfirming(true)}>
              {t('enrol.draft.discard')}
            </button>
          ) : null}
        </div>
        {confirming ? (
          <ConfirmBox
            question={t('enrol.draft.confirm')}
            confirmLabel={t('enrol.draft.confirm-yes')}
            cancelLabel={t('action.cancel')}
            onConfirm={() => void discard()}
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </form>
    </FormProvider>
  );
}
