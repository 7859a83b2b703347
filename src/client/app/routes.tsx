import { Suspense } from 'react';
import { useI18n } from '../i18n';
import { ErrorBoundary } from './error-boundary';
import { HomeScreen } from './home-screen';
import { NotFoundScreen } from './not-found-screen';
import { useRoute, type Route } from './router';
import {
  CoordinatorScreen, DistributionScreen, EnrolDeviceScreen, EnrolScreen, RegistrationDetail,
  RosterScreen, SettingsScreen,
} from './screens';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home': return <HomeScreen />;
    case 'enrol': return <EnrolScreen />;
    case 'enrol-edit': return <EnrolScreen registrationId={route.params.id} />;
    case 'roster': return <RosterScreen />;
    case 'registration': return <RegistrationDetail id={route.params.id ?? ''} />;
    case 'settings': return <SettingsScreen />;
    case 'device': return <EnrolDeviceScreen code={route.query.get('code') ?? undefined} />;
    case 'coordinator': return <CoordinatorScreen />;
    case 'distribution': return <DistributionScreen />;
    case 'not-found': return <NotFoundScreen />;
  }
}

function Loading() {
  const { t } = useI18n();
  return (
    <main className="screen" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </main>
  );
}

/** The current screen, with its own error boundary: a crash leaves the header and nav usable. */
export function RouteView() {
  const route = useRoute();
  return (
    <ErrorBoundary key={route.pathname}>
      <Suspense fallback={<Loading />}>
        <Screen route={route} />
      </Suspense>
    </ErrorBoundary>
  );
}
