export { SyncStatus } from './sync-status';
export { useSyncState } from './use-sync-state';
// The engine's start lives here too, so that main.tsx and the layout load one chunk after the
// first render, not two.
export { startSync } from '../../sync/instance';
