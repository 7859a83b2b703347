import { useI18n } from '../../i18n';
import type { DeskState } from './desk-model';

function stateKey(state: DeskState): string {
  switch (state.kind) {
    case 'ready': return 'dist.state.ready';
    case 'handed': return state.synced ? 'dist.state.handed' : 'dist.state.handed-unsynced';
    case 'conflict': return 'dist.state.conflict';
    case 'refused': return 'dist.state.refused';
    case 'not-eligible': return `dist.state.${state.status}`;
  }
}

/** The worker's card state in words (colour only repeats what the words say). */
export function StateBadge({ state }: { state: DeskState }) {
  const { t } = useI18n();
  return <span className={`badge state state--${state.kind}`}>{t(stateKey(state))}</span>;
}
