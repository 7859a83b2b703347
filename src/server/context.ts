// What every route needs, built once by buildApp.
import type { PlaceRegistry } from './places';
import type { FailureLimiter, WindowLimiter } from './auth/rate-limit';
import type { Metrics } from './metrics';
import type { Store } from './store/db';

export interface AppContext {
  store: Store;
  places: PlaceRegistry;
  now: () => Date;
  version: string;
  defaultQuota: number;
  enrolmentCodeTtlMs: number;
  tokenLimiter: WindowLimiter;
  enrolFailures: FailureLimiter;
  /** Lets one last-seen write through per device per window. */
  lastSeen: WindowLimiter;
  /** The database's generation (R5), read once: a restore happens with the server stopped. */
  generation: () => Promise<string>;
  metrics: Metrics;
  /** The origin of links and QR codes (PUBLIC_URL). */
  publicUrl: string | undefined;
}
