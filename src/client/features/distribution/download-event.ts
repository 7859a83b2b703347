import { markEventDownloaded, storeEventPage, type DistributionEvent } from '../../db/distribution-store';
import type { Desa100Db } from '../../db/schema';
import type { Api } from '../coordinator/api';
import { endpoints } from '../coordinator/endpoints';
import { PULL_MAX_LIMIT } from '../../../shared/programme';

export interface DownloadProgress {
  /** 1-based index of the village being fetched. */
  village: number;
  villages: number;
  registrations: number;
}

/**
 * Before the event, with signal: every registration of the event's villages (voided and
 * waitlisted too, so that a worker who shows up is explained, not just missing). Village by
 * village, page by page; what is stored stays stored if the signal drops halfway.
 */
export async function downloadEvent(
  db: Desa100Db,
  api: Api,
  event: DistributionEvent,
  onProgress: (p: DownloadProgress) => void,
): Promise<number> {
  let registrations = 0;
  const villages = event.villageCodes.length;
  for (const [index, code] of event.villageCodes.entries()) {
    let since = 0;
    for (;;) {
      const page = await endpoints.pull(api, code, since, PULL_MAX_LIMIT);
      await storeEventPage(db, page);
      registrations += page.changes.length;
      onProgress({ village: index + 1, villages, registrations });
      // A cursor that does not move would loop forever on a broken server: stop instead.
      if (!page.hasMore || page.cursor <= since) break;
      since = page.cursor;
    }
  }
  await markEventDownloaded(db, event.id, new Date().toISOString());
  return registrations;
}
