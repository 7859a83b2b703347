import type { Registration } from './registration';

// A registration's field names without its schema: the phone's storage and sync code need the
// list (to copy a record out of a server row, to diff two versions), not zod, which would
// otherwise ride into the app's first chunk with them.

/** Every field of `Registration`, in the schema's order (tests/shared checks it against the schema). */
export const REGISTRATION_KEYS = [
  'id', 'nik', 'fullName', 'birthDate', 'sex', 'villageCode', 'address', 'rt', 'rw',
  'occupation', 'occupationOther', 'monthlyIncome', 'fundingSource', 'coverageStart',
  'coverageEnd', 'consent', 'capturedAt', 'birthPlace', 'motherName', 'phone', 'kkNumber',
  'maritalStatus', 'heir',
] as const satisfies readonly (keyof Registration)[];
