// Device enrolment (/enrol): the shell loads this chunk lazily; jsQR is a further chunk.
export { EnrolDeviceScreen, type EnrolDeviceScreenProps } from './enrol-device-screen';
export { useDeviceIdentity, type DeviceIdentity } from './use-device-identity';
export { enrolDevice, type EnrolOutcome } from './enrol-device';
export { codeFromScan, normaliseEnrolCode } from './enrol-code';
