import { useState, type ChangeEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import type { KpjImportResult } from './endpoints';
import { useFormat } from './format';
import { parseKpjCsv, type KpjCsvResult } from './kpj-csv';
import { importKpjRows } from './kpj-import';
import { KpjReport } from './kpj-report';

/** KPJ numbers back from BPJS, a whole file at once: check here, then send what is sound. */
export function KpjImportView() {
  const { t } = useI18n();
  const { num } = useFormat();
  const { api, board } = useCoordinator();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<KpjCsvResult | null>(null);
  const [result, setResult] = useState<KpjImportResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const check = (csv: string) => {
    setText(csv);
    setParsed(parseKpjCsv(csv));
    setResult(null);
    setError(null);
  };
  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) check(await file.text());
  };
  const send = async () => {
    if (!parsed || parsed.rows.length === 0) return;
    setProgress(0);
    setError(null);
    try {
      setResult(await importKpjRows(api, parsed.rows, setProgress));
      void board.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="kpj-title" className="kpj">
      <h2 id="kpj-title">{t('coord.kpj.title')}</h2>
      <p>{t('coord.kpj.intro')}</p>
      <label>
        {t('coord.kpj.file')}
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void pickFile(e)} />
      </label>
      <label>
        {t('coord.kpj.paste')}
        <textarea name="kpj-csv" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" className="btn" onClick={() => check(text)}>{t('coord.kpj.check')}</button>
      {parsed && (
        <p role="status">
          {t('coord.kpj.checked', { rows: num(parsed.rows.length), invalid: num(parsed.invalid.length) })}
        </p>
      )}
      {parsed && parsed.rows.length > 0 && !result && (
        <button type="button" className="btn" onClick={() => void send()} disabled={progress !== null}>
          {t('coord.kpj.send', { n: num(parsed.rows.length) })}
        </button>
      )}
      {progress !== null && parsed && (
        <p role="status">
          <progress max={parsed.rows.length} value={progress} aria-label={t('coord.kpj.progress')} />
          {t('coord.kpj.sending', { done: num(progress), total: num(parsed.rows.length) })}
        </p>
      )}
      {error != null && <p role="alert" className="error-text">{t(errorKey(error))}</p>}
      {parsed && (parsed.invalid.length > 0 || result) && <KpjReport local={parsed.invalid} server={result} sent={parsed.rows} />}
    </section>
  );
}
