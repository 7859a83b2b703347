import { useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../sync/engine';
import { getSyncEngine } from '../../sync/instance';
import type { SyncState } from '../../sync/types';

/** The engine's state, re-rendering on every change (running, counts, errors, progress). */
export function useSyncState(engine: SyncEngine = getSyncEngine()): SyncState {
  return useSyncExternalStore(engine.subscribe, engine.getState, engine.getState);
}
