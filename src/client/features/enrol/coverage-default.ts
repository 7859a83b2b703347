import type { CoveragePeriod } from '../../../shared/protocol';
import { currentMonth, type CarryOver } from './form-schema';

/**
 * The form's coverage months from the programme's period (received with the pull): the period's
 * end, and its start or this month if later (cover does not start in the past). A period
 * already over is shown as it is, so the operator sees it has ended. No period: no default.
 */
export function coverageDefaults(period: CoveragePeriod | undefined, now = new Date()): Partial<CarryOver> {
  if (!period) return {};
  const month = currentMonth(now);
  const start = month > period.start && month <= period.end ? month : period.start;
  return { coverageStart: start, coverageEnd: period.end };
}
