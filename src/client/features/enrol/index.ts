// The shell lazy-loads this module for /daftar and /daftar/:id.
export { EnrolScreen, type EnrolScreenProps } from './enrol-screen';
export { EDITABLE_STATUSES } from './editable';
export { hasUnsavedInput, useHasUnsavedInput } from './unsaved-input';
