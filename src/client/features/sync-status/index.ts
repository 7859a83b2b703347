export { SyncStatus } from './sync-status';
export { useSyncState } from './use-sync-state';
