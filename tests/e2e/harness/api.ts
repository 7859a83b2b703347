import type { CoordinatorVillage, PullResponse, QuotaBoard, ServerRegistration } from '../../../src/shared/protocol';

// What the server says, asked over HTTP with a CLI-made token: the tests compare the phones'
// screens with this, never with their own expectations of the server.

async function getJson<T>(baseUrl: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every registration under `scope`, at its latest state, in seq order (all pull pages). */
export async function pullAll(baseUrl: string, token: string, scope: string): Promise<ServerRegistration[]> {
  const all: ServerRegistration[] = [];
  let since = 0;
  for (;;) {
    const page = await getJson<PullResponse>(baseUrl, `/sync/pull?since=${since}&limit=1000&scope=${encodeURIComponent(scope)}`, token);
    all.push(...page.changes);
    if (!page.hasMore) return all;
    since = page.cursor;
  }
}

/** The coordinator board's row of one village (GET /quotas, narrowed to the village's district). */
export async function villageFigures(baseUrl: string, token: string, villageCode: string): Promise<CoordinatorVillage> {
  const district = villageCode.split('.').slice(0, 3).join('.');
  const board = await getJson<QuotaBoard>(baseUrl, `/quotas?scope=${district}`, token);
  const row = board.villages.find((v) => v.villageCode === villageCode);
  if (!row) throw new Error(`GET /quotas: no row for ${villageCode}`);
  return row;
}
