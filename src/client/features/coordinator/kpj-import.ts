import type { Api } from './api';
import { endpoints, type KpjImportResult, type KpjImportRow } from './endpoints';

/** Rows per request: well under the server's 5 MiB body limit, and progress moves visibly. */
export const KPJ_CHUNK = 2000;

/** Sends the parsed rows in chunks and merges the server's reports into one. */
export async function importKpjRows(
  api: Api,
  rows: KpjImportRow[],
  onProgress: (done: number) => void,
): Promise<KpjImportResult> {
  const merged: KpjImportResult = { matched: [], unmatched: [], invalid: [] };
  for (let i = 0; i < rows.length; i += KPJ_CHUNK) {
    const result = await endpoints.importKpj(api, rows.slice(i, i + KPJ_CHUNK));
    merged.matched.push(...result.matched);
    merged.unmatched.push(...result.unmatched);
    merged.invalid.push(...result.invalid);
    onProgress(Math.min(rows.length, i + KPJ_CHUNK));
  }
  return merged;
}
