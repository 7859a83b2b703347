// The shell lazy-loads this module for /peserta and /peserta/:id.
export { RosterScreen, type RosterScreenProps } from './roster-screen';
export { RegistrationDetail, type RegistrationDetailProps } from './registration-detail';
export { StatusBadge } from './status-badge';
export { rejectionText } from './rejection-text';
