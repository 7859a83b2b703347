import { useEffect, useState } from 'react';
import { describeScope, type ScopePlace } from '../../db/places';
import type { Desa100Db } from '../../db/schema';
import type { TFunction } from '../../i18n';
import { villageKind } from '../../../shared/places/codes';

function placeText(t: TFunction, p: ScopePlace): string {
  switch (p.level) {
    case 'province': return t('device.place.province', { name: p.name });
    case 'regency': return p.name;
    case 'district': return t('device.place.district', { name: p.name, regency: p.regency });
    case 'village': {
      const kind = villageKind(p.code) === 'kelurahan' ? 'kelurahan' : 'desa';
      return t(`device.place.${kind}`, { name: p.name, district: p.district, regency: p.regency });
    }
  }
}

/** Where a phone of `scope` works, in names ("Desa Tanjungsari, Kec. Pondoksalam, …"); the code until known. */
export function useScopeLabel(db: Desa100Db, t: TFunction, scope: string | undefined): string {
  const [place, setPlace] = useState<{ scope: string; place: ScopePlace } | null>(null);
  useEffect(() => {
    if (!scope || scope === '*') return;
    let alive = true;
    void describeScope(db, scope).then((p) => alive && p && setPlace({ scope, place: p }));
    return () => {
      alive = false;
    };
  }, [db, scope]);
  if (!scope) return '';
  if (scope === '*') return t('device.scope.all');
  return place?.scope === scope ? placeText(t, place.place) : t('device.place.code', { code: scope });
}
