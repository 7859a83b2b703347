import { useCallback, useEffect, useState } from 'react';
import { readRegencyNames } from '../../db/coordinator-store';
import { getPlaceIndex } from '../../db/places';
import type { Desa100Db } from '../../db/schema';
import { useI18n } from '../../i18n';
import { regencyOf, villageKind } from '../../../shared/places/codes';
import { PROVINCES } from '../../../shared/places/provinces';
import type { QuotaBoard } from '../../../shared/protocol';

/** A region code of any level (or `*`) as people say it; the code itself only when unknown. */
export type PlaceLabel = (code: string) => string;

/**
 * Regency names for these codes: from the place files this phone keeps (enrolment keeps its
 * own regency's), else from the place index (one small file, kept by the service worker).
 */
function useRegencyNames(db: Desa100Db, codes: string): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (codes === '') return;
    let alive = true;
    const wanted = codes.split(',');
    void (async () => {
      const kept = await readRegencyNames(db, wanted).catch(() => ({} as Record<string, string>));
      if (wanted.some((c) => !kept[c])) {
        const index = await getPlaceIndex().catch(() => null);
        for (const r of index?.regencies ?? []) if (wanted.includes(r.code)) kept[r.code] ??= r.name;
      }
      if (alive) setNames(kept);
    })();
    return () => {
      alive = false;
    };
  }, [db, codes]);
  return names;
}

/** Names for the scope, its regencies, districts and villages (the last two from the board). */
export function usePlaceLabel(db: Desa100Db, scope: string, board: QuotaBoard | null): PlaceLabel {
  const { t } = useI18n();
  const villages = board?.villages;
  const regencies = new Set((villages ?? []).map((v) => regencyOf(v.villageCode)));
  if (scope.length >= 5) regencies.add(regencyOf(scope));
  const wanted = [...regencies];
  wanted.sort();
  const regencyNames = useRegencyNames(db, wanted.join(','));

  return useCallback((code: string) => {
    if (code === '*') return t('coord.scope-all');
    switch (code.length) {
      case 2: {
        const province = PROVINCES.find(([c]) => c === code);
        return province ? t('coord.place.province', { name: province[1] }) : code;
      }
      case 5:
        return regencyNames[code] ?? t('coord.board.regency', { name: code });
      case 8: {
        const village = villages?.find((v) => v.villageCode.startsWith(`${code}.`));
        return village ? t('coord.board.district', { name: village.district }) : code;
      }
      default: {
        const village = villages?.find((v) => v.villageCode === code);
        if (!village) return code;
        const kind = villageKind(code) === 'kelurahan' ? 'kelurahan' : 'desa';
        return t(`coord.village.label.${kind}`, { name: village.name, district: village.district });
      }
    }
  }, [t, villages, regencyNames]);
}
