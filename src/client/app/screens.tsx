import { lazy } from 'react';

// Every screen but home is a lazy chunk: the first paint ships only the shell. No idle preload:
// the service worker precaches every chunk right after the first visit, and evaluating the
// form's chunk early would only add a long task on a slow phone. QR and camera code live in
// the device and distribution chunks, never in the first route.

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
