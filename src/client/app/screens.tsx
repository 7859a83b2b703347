import { lazy } from 'react';
import { PlaceholderScreen } from './placeholder-screen';

// Every screen but home is a lazy chunk: the first paint ships only the shell, and the enrol
// screen's chunk (form, zod) is fetched on idle from home. QR and camera code live in the
// device and distribution chunks, never in the first route.

const loadCoordinator = () => import('../features/coordinator');
const loadDistribution = () => import('../features/distribution');
const loadSettings = () => import('../features/settings');

export const CoordinatorScreen = lazy(() => loadCoordinator().then((m) => ({ default: m.CoordinatorScreen })));
export const DistributionScreen = lazy(() => loadDistribution().then((m) => ({ default: m.DistributionScreen })));
export const SettingsScreen = lazy(() => loadSettings().then((m) => ({ default: m.SettingsScreen })));

// PLACEHOLDER until src/client/features/enrol/index.ts exists (enrol engineer).
export function EnrolScreen(_props: { registrationId?: string }) {
  return <PlaceholderScreen titleKey="nav.enrol" />;
}
export function preloadEnrolScreen(): void {
  // Nothing to fetch while EnrolScreen is a placeholder.
}

// PLACEHOLDER until src/client/features/roster/index.ts exists (enrol engineer).
export function RosterScreen() {
  return <PlaceholderScreen titleKey="nav.roster" />;
}
// PLACEHOLDER until src/client/features/roster/index.ts exists (enrol engineer).
export function RegistrationDetail(_props: { id: string }) {
  return <PlaceholderScreen titleKey="nav.roster" />;
}

// PLACEHOLDER until src/client/features/device/index.ts exists (sync engineer).
export function EnrolDeviceScreen(_props: { code?: string }) {
  return <PlaceholderScreen titleKey="nav.device" />;
}
