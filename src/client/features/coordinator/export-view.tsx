import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { districtOf } from '../../../shared/places/codes';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints, type ExportFormat } from './endpoints';
import { saveFile } from './save-file';

type Level = 'scope' | 'district' | 'village';
const LEVELS: readonly Level[] = ['scope', 'district', 'village'];

/** Accepted workers for BPJS collective registration; the server audits every download. */
export function ExportView() {
  const { t } = useI18n();
  const { api, auth, board } = useCoordinator();
  const [level, setLevel] = useState<Level>('scope');
  const [district, setDistrict] = useState('');
  const [village, setVillage] = useState('');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const villages = useMemo(() => {
    const list = [...(board.board?.villages ?? [])];
    list.sort((a, b) => a.district.localeCompare(b.district, 'id') || a.name.localeCompare(b.name, 'id'));
    return list;
  }, [board.board]);
  const districts = useMemo(() => {
    const map = new Map<string, string>();
    for (const v of villages) map.set(districtOf(v.villageCode), v.district);
    return [...map.entries()];
  }, [villages]);

  const scope = level === 'scope' ? auth.scope : level === 'district' ? district : village;

  const download = async (format: ExportFormat) => {
    if (!scope) {
      setOutcome({ ok: false, text: t('coord.export.pick') });
      return;
    }
    setBusy(format);
    setOutcome(null);
    try {
      const { blob, filename } = await endpoints.exportFile(api, format, scope);
      const name = filename ?? `desa100-peserta-${scope === '*' ? 'semua' : scope}.${format}`;
      saveFile(blob, name);
      setOutcome({ ok: true, text: t('coord.export.done', { name }) });
    } catch (err) {
      setOutcome({ ok: false, text: t(errorKey(err)) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="export-title" className="export">
      <h2 id="export-title">{t('coord.export.title')}</h2>
      <p>{t('coord.export.intro')}</p>
      <fieldset>
        <legend>{t('coord.export.level')}</legend>
        {LEVELS.map((l) => (
          <label key={l}>
            <input type="radio" name="export-level" value={l} checked={level === l} onChange={() => setLevel(l)} />
            {t(`coord.export.level.${l}`)}
          </label>
        ))}
      </fieldset>
      {level === 'district' && (
        <label>
          {t('coord.export.district')}
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('coord.export.pick')}</option>
            {districts.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
      )}
      {level === 'village' && (
        <label>
          {t('coord.export.village')}
          <select value={village} onChange={(e) => setVillage(e.target.value)}>
            <option value="">{t('coord.export.pick')}</option>
            {villages.map((v) => <option key={v.villageCode} value={v.villageCode}>{`${v.name} — ${v.district}`}</option>)}
          </select>
        </label>
      )}
      {/* The file for people first; the CSV mangles 16-digit NIKs in an Indonesian Excel. */}
      <div className="export-choice">
        <button type="button" className="btn btn-primary" onClick={() => void download('xlsx')} disabled={busy !== null} aria-describedby="export-xlsx-note">
          {t('coord.export.xlsx')}
        </button>
        <p id="export-xlsx-note" className="note">{t('coord.export.xlsx-note')}</p>
      </div>
      <div className="export-choice">
        <button type="button" className="btn" onClick={() => void download('csv')} disabled={busy !== null} aria-describedby="export-csv-note">
          {t('coord.export.csv')}
        </button>
        <p id="export-csv-note" className="note">{t('coord.export.csv-note')}</p>
      </div>
      {busy && <p role="status">{t('coord.loading')}</p>}
      {outcome && <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? undefined : 'error'}>{outcome.text}</p>}
      <p className="note">{t('coord.export.audit')}</p>
    </section>
  );
}
