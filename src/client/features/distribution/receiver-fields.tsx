import { useI18n } from '../../i18n';
import { HEIR_RELATIONSHIPS } from '../../../shared/codes';
import { relationshipText } from '../coordinator/card-text';

export interface ReceiverDraft {
  kind: 'self' | 'representative';
  name: string;
  /** A code of HEIR_RELATIONSHIPS; `lainnya` takes its words from `other`. */
  relationship: string;
  other: string;
}

export interface ReceiverFieldsProps {
  draft: ReceiverDraft;
  errors: Partial<Record<'name' | 'relationship', string>>;
  onChange: (draft: ReceiverDraft) => void;
}

/** Who takes the card: the worker, or a representative whose name and relationship are noted. */
export function ReceiverFields({ draft, errors, onChange }: ReceiverFieldsProps) {
  const { t } = useI18n();
  const set = (patch: Partial<ReceiverDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <fieldset className="receiver-kind">
        <legend>{t('dist.receiver.legend')}</legend>
        <label>
          <input type="radio" name="receiver-kind" checked={draft.kind === 'self'} onChange={() => set({ kind: 'self' })} />
          {t('dist.receiver.self')}
        </label>
        <label>
          <input type="radio" name="receiver-kind" checked={draft.kind === 'representative'} onChange={() => set({ kind: 'representative' })} />
          {t('dist.receiver.representative')}
        </label>
      </fieldset>
      {draft.kind === 'representative' && (
        <>
          <div className="field">
            <label htmlFor="receiver-name">{t('dist.receiver.name')}</label>
            <input
              id="receiver-name"
              name="receiver.name"
              value={draft.name}
              autoComplete="off"
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'receiver-name-error' : undefined}
            />
            {errors.name && <p id="receiver-name-error" className="error-text">{errors.name}</p>}
          </div>
          <div className="field">
            <label htmlFor="receiver-relationship">{t('dist.receiver.relationship')}</label>
            <select
              id="receiver-relationship"
              name="receiver.relationship"
              value={draft.relationship}
              onChange={(e) => set({ relationship: e.target.value })}
              aria-invalid={errors.relationship && draft.relationship !== 'lainnya' ? true : undefined}
              aria-describedby={errors.relationship ? 'receiver-relationship-error' : undefined}
            >
              <option value="">{t('dist.receiver.pick')}</option>
              {HEIR_RELATIONSHIPS.map((r) => <option key={r} value={r}>{relationshipText(t, r)}</option>)}
            </select>
          </div>
          {draft.relationship === 'lainnya' && (
            <div className="field">
              <label htmlFor="receiver-other">{t('dist.receiver.other')}</label>
              <input id="receiver-other" value={draft.other} onChange={(e) => set({ other: e.target.value })} />
            </div>
          )}
          {errors.relationship && <p id="receiver-relationship-error" className="error-text">{errors.relationship}</p>}
        </>
      )}
    </>
  );
}
