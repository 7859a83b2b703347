import { lazy } from 'react';

// Every screen but home is a lazy chunk: the first paint ships only the shell, and the enrol
// screen's chunk (form, zod) is fetched on idle from home. QR and camera code live in the
// device and distribution chunks, never in the first route.

const loadEnrol = () => import('../features/enrol');
const loadRoster = () => import('../features/roster');
const loadDevice = () => import('../features/device');
const loadCoordinator = () => import('../features/coordinator');
const loadDistribution = () => import('../features/distribution');
const loadSettings = () => import('../features/settings');

export const EnrolScreen = lazy(() => loadEnrol().then((m) => ({ default: m.EnrolScreen })));
export const RosterScreen = lazy(() => loadRoster().then((m) => ({ default: m.RosterScreen })));
export const RegistrationDetail = lazy(() => loadRoster().then((m) => ({ default: m.RegistrationDetail })));
export const EnrolDeviceScreen = lazy(() => loadDevice().then((m) => ({ default: m.EnrolDeviceScreen })));
export const CoordinatorScreen = lazy(() => loadCoordinator().then((m) => ({ default: m.CoordinatorScreen })));
export const DistributionScreen = lazy(() => loadDistribution().then((m) => ({ default: m.DistributionScreen })));
export const SettingsScreen = lazy(() => loadSettings().then((m) => ({ default: m.SettingsScreen })));

/** Fetches the enrol chunk ahead of the tap; a failure (offline, no cache) is retried on use. */
export function preloadEnrolScreen(): void {
  loadEnrol().catch(() => undefined);
}
