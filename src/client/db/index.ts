import { openDb } from './schema';

/** The phone's one database connection; Dexie opens it on first use. */
export const db = openDb();

export type {
  Desa100Db, Draft, LocalRegistration, LocalStatus, OutboxRow, OutboxState, Rejection,
} from './schema';
export { openDb, DB_NAME } from './schema';
export * from './errors';
export * from './meta';
export * from './registrations';
export * from './registration-queries';
export * from './drafts';
export * from './places';
export * from './quotas';
export * from './live';
