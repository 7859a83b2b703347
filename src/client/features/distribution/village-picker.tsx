import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { isVillageCode } from '../../../shared/places/codes';
import type { KnownVillage } from '../../db/distribution-store';

export interface VillagePickerProps {
  known: readonly KnownVillage[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
}

/** The event's villages: tick known ones (filtered by name), or type a code this phone lacks. */
export function VillagePicker({ known, selected, onChange }: VillagePickerProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const chosen = new Set(selected);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const list = known.filter((v) =>
      needle === '' || v.code.startsWith(needle)
      || (v.name ?? '').toLowerCase().includes(needle) || (v.district ?? '').toLowerCase().includes(needle));
    list.sort((a, b) => (a.district ?? '').localeCompare(b.district ?? '', 'id') || (a.name ?? a.code).localeCompare(b.name ?? b.code, 'id'));
    return list.slice(0, 200);
  }, [known, filter]);

  const toggle = (c: string) => onChange(chosen.has(c) ? selected.filter((x) => x !== c) : [...selected, c]);
  const addCode = () => {
    const trimmed = code.trim();
    if (!isVillageCode(trimmed)) {
      setCodeError(t('dist.setup.bad-code'));
      return;
    }
    setCodeError(null);
    setCode('');
    if (!chosen.has(trimmed)) onChange([...selected, trimmed]);
  };

  return (
    <fieldset className="village-picker">
      <legend>{t('dist.setup.villages', { n: selected.length })}</legend>
      {known.length > 8 && (
        <label>
          {t('dist.setup.filter')}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      )}
      <ul>
        {shown.map((v) => (
          <li key={v.code}>
            <label>
              <input type="checkbox" checked={chosen.has(v.code)} onChange={() => toggle(v.code)} />
              {v.name ?? v.code}
              {v.district ? <span className="muted"> · {t('dist.district', { name: v.district })}</span> : null}
            </label>
          </li>
        ))}
        {selected.filter((c) => !known.some((v) => v.code === c)).map((c) => (
          <li key={c}>
            <label>
              <input type="checkbox" checked onChange={() => toggle(c)} />
              {c}
            </label>
          </li>
        ))}
      </ul>
      <div className="add-code">
        <label htmlFor="dist-add-code">{t('dist.setup.add-code')}</label>
        <input
          id="dist-add-code"
          value={code}
          inputMode="decimal"
          placeholder="32.14.16.2005"
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? 'dist-add-code-error' : undefined}
        />
        <button type="button" className="btn" onClick={addCode}>{t('dist.setup.add')}</button>
        {codeError && <p id="dist-add-code-error" className="error-text">{codeError}</p>}
      </div>
    </fieldset>
  );
}
