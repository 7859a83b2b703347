import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { villageKind } from '../../../shared/places/codes';
import { useCoordinator } from './coordinator-context';

/**
 * A village as people say it ("Desa Gurudug, Kec. Pondoksalam"), from the board the
 * coordinator already holds; the bare code only when the village is not on it.
 */
export function useVillageLabel(): (villageCode: string) => string {
  const { t } = useI18n();
  const { board } = useCoordinator();
  const villages = board.board?.villages;
  return useCallback((villageCode: string) => {
    const village = villages?.find((v) => v.villageCode === villageCode);
    if (!village) return villageCode;
    const kind = villageKind(villageCode) === 'kelurahan' ? 'kelurahan' : 'desa';
    return t(`coord.village.label.${kind}`, { name: village.name, district: village.district });
  }, [t, villages]);
}
