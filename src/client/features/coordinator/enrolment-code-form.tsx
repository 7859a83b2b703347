import { useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { districtOf, isScope, provinceOf, regencyOf, scopeContains } from '../../../shared/places/codes';
import type { EnrolmentCodeResponse } from '../../../shared/protocol';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { EnrolmentCard } from './enrolment-card';
import { endpoints } from './endpoints';

type EnrolRole = 'operator' | 'coordinator';

/** A one-time code for a new phone: an operator's for one village, or a coordinator's for a region. */
export function EnrolmentCodeForm() {
  const { t } = useI18n();
  const { api, auth, board, placeLabel } = useCoordinator();
  const [role, setRole] = useState<EnrolRole>('operator');
  const [village, setVillage] = useState('');
  const [region, setRegion] = useState(auth.scope === '*' ? '' : auth.scope);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ code: EnrolmentCodeResponse; role: EnrolRole; target: string } | null>(null);

  const districts = useMemo(() => {
    const map = new Map<string, { name: string; villages: Array<{ code: string; name: string }> }>();
    for (const v of board.board?.villages ?? []) {
      const d = map.get(v.district) ?? { name: v.district, villages: [] };
      map.set(v.district, d);
      d.villages.push({ code: v.villageCode, name: v.name });
    }
    const list = [...map.values()];
    list.sort((a, b) => a.name.localeCompare(b.name, 'id'));
    return list;
  }, [board.board]);

  // Regions a coordinator code can cover, by name: the whole scope, then its regencies (for a
  // wider scope) and districts, from the board's villages.
  const regions = useMemo(() => {
    const byLabel = (codes: Set<string>) => {
      const list = [...codes].map((code) => ({ code, label: placeLabel(code) }));
      list.sort((a, b) => a.label.localeCompare(b.label, 'id'));
      return list;
    };
    const wider = new Set<string>();
    const districtCodes = new Set<string>();
    for (const v of board.board?.villages ?? []) {
      if (auth.scope === '*') wider.add(provinceOf(v.villageCode));
      if (auth.scope.length < 5) wider.add(regencyOf(v.villageCode));
      districtCodes.add(districtOf(v.villageCode));
    }
    const own = auth.scope === '*' ? [] : [{ code: auth.scope, label: placeLabel(auth.scope) }];
    return [...own, ...byLabel(wider), ...byLabel(districtCodes)].filter((r, i) => i < own.length || r.code !== auth.scope);
  }, [board.board, auth.scope, placeLabel]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scope = role === 'operator' ? village : region.trim();
    if (role === 'operator' && !scope) return setError(t('coord.enrol.pick-village'));
    if (role === 'coordinator' && (!isScope(scope) || !(auth.scope === '*' || scopeContains(auth.scope, scope)))) {
      return setError(t('coord.enrol.bad-region', { scope: auth.scope }));
    }
    setBusy(true);
    setError(null);
    try {
      const code = await endpoints.createEnrolmentCode(api, role, scope);
      setMade({ code, role, target: placeLabel(scope) });
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('coord.enrol.title')}</h2>
      <form noValidate className="no-print" onSubmit={(e) => void submit(e)}>
        <label>
          {t('coord.enrol.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as EnrolRole)}>
            <option value="operator">{t('coord.role.operator')}</option>
            <option value="coordinator">{t('coord.role.coordinator')}</option>
          </select>
        </label>
        {role === 'operator' ? (
          <label>
            {t('coord.enrol.village')}
            <select value={village} onChange={(e) => setVillage(e.target.value)} required>
              <option value="">{t('coord.enrol.pick-village')}</option>
              {districts.map((d) => (
                <optgroup key={d.name} label={d.name}>
                  {d.villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
                </optgroup>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('coord.enrol.region')}
            <select value={region} onChange={(e) => setRegion(e.target.value)} required>
              {region === '' && <option value="">{t('coord.enrol.pick-region')}</option>}
              {regions.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
            </select>
          </label>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('coord.enrol.create')}</button>
        {error && <p role="alert" className="error-text">{error}</p>}
      </form>
      {made && <EnrolmentCard code={made.code} role={made.role} target={made.target} />}
    </section>
  );
}
