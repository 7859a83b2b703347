import { hasMessage, registerMessages, useI18n } from '../../i18n';
import { coordinator } from '../../i18n/messages/coordinator';
import { maskNik } from '../../../shared/nik';
import type { KpjImportResult, KpjImportRow } from './endpoints';
import type { KpjLineError } from './kpj-csv';
import { useCoordinator } from './coordinator-context';
import { useFormat } from './format';

registerMessages(coordinator);

export interface KpjReportProps {
  /** Lines this phone refused before sending (bad NIK, bad KPJ, ...). */
  local: KpjLineError[];
  server: KpjImportResult | null;
  /** The rows sent: the report shows each unmatched NIK's KPJ number from them. */
  sent: KpjImportRow[];
}

function useReason() {
  const { t } = useI18n();
  const { placeLabel: villageLabel } = useCoordinator();
  return (reason: string, villageCode?: string) => {
    if (reason === 'kpj-taken' && villageCode) return t('coord.kpj.reason.kpj-taken-in', { village: villageLabel(villageCode) });
    const key = `coord.kpj.reason.${reason}`;
    return hasMessage(key) ? t(key) : reason;
  };
}

/** What matched, what did not and why: the coordinator fixes the file and imports again. */
export function KpjReport({ local, server, sent }: KpjReportProps) {
  const { t } = useI18n();
  const { num } = useFormat();
  const reason = useReason();
  const kpjOf = new Map(sent.map((r) => [r.nik, r.kpjNumber]));
  const problems = [
    ...local.map((r) => ({ line: r.line as number | undefined, nik: r.nik, reason: r.reason })),
    ...(server?.invalid ?? []),
  ];
  return (
    <section aria-labelledby="kpj-report-title" className="kpj-report">
      <h3 id="kpj-report-title">{t('coord.kpj.report')}</h3>
      <ul className="report-counts">
        {server && <li>{t('coord.kpj.matched', { n: num(server.matched.length) })}</li>}
        {server && <li>{t('coord.kpj.unmatched', { n: num(server.unmatched.length) })}</li>}
        <li>{t('coord.kpj.invalid', { n: num(problems.length) })}</li>
      </ul>
      {server && server.unmatched.length > 0 && (
        <table>
          <caption>{t('coord.kpj.unmatched-title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coord.col.nik')}</th>
              <th scope="col">{t('coord.col.kpj')}</th>
              <th scope="col">{t('coord.kpj.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {server.unmatched.map((u, i) => (
              <tr key={`${u.nik}-${i}`}>
                <td className="nik">{maskNik(u.nik)}</td>
                <td className="nik">{kpjOf.get(u.nik) ?? '—'}</td>
                <td>{reason(u.reason, u.villageCode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <table>
          <caption>{t('coord.kpj.invalid-title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coord.kpj.col.line')}</th>
              <th scope="col">{t('coord.col.nik')}</th>
              <th scope="col">{t('coord.kpj.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.line ?? 's'}-${i}`}>
                <td className="num">{p.line ?? '—'}</td>
                <td className="nik">{maskNik(p.nik)}</td>
                <td>{reason(p.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
