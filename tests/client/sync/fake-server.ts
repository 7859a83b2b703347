import type {
  Card, OpResult, PullResponse, Quota, ServerRegistration,
} from '../../../src/shared/protocol';
import type { Registration } from '../../../src/shared/registration';
import type { Role } from '../../../src/shared/codes';
import { scopeContains } from '../../../src/shared/places/codes';

// An in-memory server that keeps the contract's push/pull rules (../shared/spec/
// sync-protocol.md) faithfully enough to test the client engine against: idempotency by opId
// (rejections remembered too), one live registration per NIK, per-village quota with an
// arrival-order waitlist and promotion on void, strictly increasing seq, pull by cursor.
// Faults are queued per request to play a village network: lost answers, a dead server, a
// proxy's HTML 500, a hang until the client gives up, a delivery made twice, 401, 429.

export type FaultKind =
  | 'lose-response' | 'down' | 'html-500' | 'html-500-after-apply' | 'hang' | 'duplicate'
  | 'unauthorised' | 'rate-limited';

interface Fault { kind: FaultKind; route: 'push' | 'pull' | 'any'; retryAfterSeconds?: number; after: number }

interface Device { role: Role; scope: string; deviceId: string }

const COMPACT = ['id', 'status', 'version', 'seq', 'receivedAt', 'updatedAt', 'kpjNumber', 'card'] as const;
const compact = (r: OpResult) => (r.status !== 'applied' ? r : {
  opId: r.opId, status: r.status, registration: Object.fromEntries(COMPACT.map((k) => [k, r.registration[k]])),
});
const positional = (r: OpResult) => (r.status !== 'applied' ? r : {
  status: r.status, registration: Object.fromEntries(COMPACT.filter((k) => k !== 'id').map((k) => [k, r.registration[k]])),
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

/** JSON with sorted keys: the contract compares payloads "as JSON with key order ignored". */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    // oxlint-disable-next-line unicorn/no-array-sort -- sorts a fresh array (toSorted is ES2023)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

export class FakeServer {
  readonly registrations = new Map<string, ServerRegistration>();
  /** Every op ever decided, by opId: its payload and its first answer. */
  readonly decided = new Map<string, { payload: string; result: OpResult }>();
  readonly log: Array<{ route: string; since?: number; ops?: number; at: number }> = [];
  readonly quotas = new Map<string, number>();
  defaultQuota = 100;
  /** Server clock minus the client's clock. */
  skewMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Requests that met a `hang` fault: they end only when the client aborts. */
  hanging = 0;
  /** False plays a server that cannot read gzipped bodies (it sees bytes, not JSON: 400). */
  acceptsGzip = true;
  /** Bytes of the push bodies as sent. */
  pushBytes = 0;
  /** Per push, the results mode it asked for, or null; per pull, its `device` (contract additions). */
  readonly resultModes: Array<string | null> = [];
  /** A server without the contract additions: full results whatever the push asks. */
  ignoreResultModes = false;
  /** Tampers with the next push answer's results (a broken server or proxy). */
  mangleNextResults: ((results: unknown[]) => unknown[]) | null = null;
  readonly pullDevices: Array<string | null> = [];
  /** A server bug: any push holding an op this matches crashes (500, nothing applied). */
  crashOn: ((op: Record<string, unknown>) => boolean) | null = null;
  /** A whole-server outage: every request answers this status (until set back to null). */
  outage: number | null = null;
  /** Revision 2, R5: the database's generation; null plays a server older than that. */
  generation: string | null = crypto.randomUUID();
  private seq = 0;
  private readonly createdSeq = new Map<string, number>();
  /** Contract addition: the device whose push made a registration's latest change, and its seq. */
  private readonly pushedBy = new Map<string, { deviceId: string; seq: number }>();
  private readonly devices = new Map<string, Device>();
  private faults: Fault[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  addDevice(role: Role, scope: string): { token: string; deviceId: string } {
    const token = `token-${crypto.randomUUID()}`;
    const deviceId = crypto.randomUUID();
    this.devices.set(token, { role, scope, deviceId });
    return { token, deviceId };
  }

  /** The next matching request fails this way (after `after` matching ones went through). */
  fault(kind: FaultKind, route: Fault['route'] = 'any', options: { retryAfterSeconds?: number; after?: number } = {}): void {
    this.faults.push({ kind, route, retryAfterSeconds: options.retryAfterSeconds, after: options.after ?? 0 });
  }

  /** A backup: everything the server knows now (restore() puts it back). */
  snapshot(): () => void {
    const copies = {
      registrations: new Map(this.registrations), decided: new Map(this.decided), quotas: new Map(this.quotas),
      createdSeq: new Map(this.createdSeq), pushedBy: new Map(this.pushedBy), seq: this.seq,
    };
    return () => {
      for (const key of ['registrations', 'decided', 'quotas', 'createdSeq', 'pushedBy'] as const) {
        const map = this[key] as Map<string, unknown>;
        map.clear();
        for (const [k, v] of copies[key]) map.set(k, v);
      }
      this.seq = copies.seq;
      this.generation = crypto.randomUUID();
    };
  }

  /** Registrations of a village that hold a slot, in the order they took it. */
  countLive(villageCode: string, status: 'accepted' | 'waitlisted'): number {
    return [...this.registrations.values()].filter((r) => r.villageCode === villageCode && r.status === status).length;
  }

  private now(): number {
    return this.clock() + this.skewMs;
  }

  private bump(reg: ServerRegistration, changes: Partial<ServerRegistration>): ServerRegistration {
    const next = {
      ...reg, ...changes, version: reg.version + 1, seq: ++this.seq, updatedAt: new Date(this.now()).toISOString(),
    };
    this.registrations.set(next.id, next);
    return next;
  }

  private quotaOf(villageCode: string): number {
    return this.quotas.get(villageCode) ?? this.defaultQuota;
  }

  /** Rule 2: the oldest waitlisted (by creation seq) takes a freed slot. */
  private promote(villageCode: string): void {
    while (this.countLive(villageCode, 'accepted') < this.quotaOf(villageCode)) {
      const next = [...this.registrations.values()]
        .filter((r) => r.villageCode === villageCode && r.status === 'waitlisted')
        .reduce<ServerRegistration | undefined>((oldest, r) => (
          oldest && (this.createdSeq.get(oldest.id) ?? 0) < (this.createdSeq.get(r.id) ?? 0) ? oldest : r), undefined);
      if (!next) return;
      this.bump(next, { status: 'accepted' });
    }
  }

  private liveHolder(nik: string, exceptId?: string): ServerRegistration | undefined {
    return [...this.registrations.values()].find((r) => r.nik === nik && r.status !== 'voided' && r.id !== exceptId);
  }

  /** Another phone or a coordinator acting directly on the server. */
  createDirect(reg: Registration): ServerRegistration {
    const result = this.decide({ opId: crypto.randomUUID(), type: 'registration.create', registration: reg }, { role: 'admin', scope: '*', deviceId: 'other' });
    if (result.status !== 'applied') throw new Error(`direct create refused: ${result.code}`);
    return result.registration;
  }

  voidDirect(id: string): void {
    const reg = this.registrations.get(id);
    if (!reg) throw new Error('no such registration');
    this.bump(reg, { status: 'voided', voidReason: 'test' });
    this.promote(reg.villageCode);
  }

  updateDirect(id: string, changes: Partial<Registration>): ServerRegistration {
    const reg = this.registrations.get(id);
    if (!reg) throw new Error('no such registration');
    return this.bump(reg, changes);
  }

  /** Another phone's card handover, already on the server. */
  handOverDirect(id: string, card: Card): void {
    const reg = this.registrations.get(id);
    if (!reg) throw new Error('no such registration');
    this.bump(reg, { card });
  }

  setQuota(villageCode: string, quota: number): void {
    this.quotas.set(villageCode, quota);
    this.promote(villageCode);
  }

  private generationField(): { generation?: string } {
    return this.generation === null ? {} : { generation: this.generation };
  }

  private reject(opId: string, code: string, details?: unknown): OpResult {
    return { opId, status: 'rejected', code: code as never, message: code, ...(details === undefined ? {} : { details }) };
  }

  private decide(op: Record<string, unknown>, device: Device, pushedBy: string = device.deviceId): OpResult {
    const opId = String(op.opId);
    const { opId: _ignored, ...rest } = op;
    const payload = canonical(rest);
    const known = this.decided.get(opId);
    // Rule 1: the same opId and payload gets its first answer again, changing nothing.
    if (known) return known.payload === payload ? known.result : this.reject(opId, 'op-conflict');
    const result = this.apply(opId, op, device);
    this.decided.set(opId, { payload, result });
    if (result.status === 'applied') this.pushedBy.set(result.registration.id, { deviceId: pushedBy, seq: result.registration.seq });
    return result;
  }

  /** Contract addition: a pull with `device` leaves out what that device's own push changed last. */
  private ownPush(reg: ServerRegistration, deviceId: string | null): boolean {
    const by = this.pushedBy.get(reg.id);
    return deviceId !== null && by?.deviceId === deviceId && by.seq === reg.seq;
  }

  private apply(opId: string, op: Record<string, unknown>, device: Device): OpResult {
    const at = new Date(this.now()).toISOString();
    if (op.type === 'registration.create') {
      const reg = op.registration as Registration | undefined;
      if (!reg?.id || !reg.nik || !reg.villageCode) return this.reject(opId, 'invalid', { registration: 'required' });
      if (!scopeContains(device.scope, reg.villageCode)) return this.reject(opId, 'forbidden-village');
      // Revision 2, R5: a phone pushing again after a restore; the held record is the answer.
      const held = this.registrations.get(reg.id);
      if (held) return held.nik === reg.nik ? { opId, status: 'applied', registration: held } : this.reject(opId, 'id-conflict');
      const holder = this.liveHolder(reg.nik);
      if (holder) return this.reject(opId, 'duplicate-nik', { villageCode: holder.villageCode });
      const accepted = this.countLive(reg.villageCode, 'accepted') < this.quotaOf(reg.villageCode);
      const created: ServerRegistration = {
        ...reg, status: accepted ? 'accepted' : 'waitlisted', version: 1, receivedAt: at, updatedAt: at,
        kpjNumber: null, card: null, seq: ++this.seq, voidReason: null,
      };
      this.registrations.set(reg.id, created);
      this.createdSeq.set(reg.id, created.seq);
      return { opId, status: 'applied', registration: created };
    }
    const id = String(op.id ?? op.registrationId ?? '');
    const current = this.registrations.get(id);
    if (!current) return this.reject(opId, 'not-found');
    if (!scopeContains(device.scope, current.villageCode)) return this.reject(opId, 'forbidden-village');
    if (current.status === 'voided') return this.reject(opId, 'already-voided');
    if (op.type === 'registration.update') {
      if (op.baseVersion !== current.version) return this.reject(opId, 'version-conflict', current);
      const changes = op.changes as Partial<Registration>;
      if (changes.nik && this.liveHolder(changes.nik, id)) return this.reject(opId, 'duplicate-nik');
      return { opId, status: 'applied', registration: this.bump(current, changes) };
    }
    if (op.type === 'registration.void') {
      const voided = this.bump(current, { status: 'voided', voidReason: String(op.reason) });
      this.promote(current.villageCode);
      return { opId, status: 'applied', registration: this.registrations.get(id) ?? voided };
    }
    if (op.type === 'card.handover') {
      if (current.status !== 'accepted') return this.reject(opId, 'not-accepted');
      if (current.card) return this.reject(opId, 'already-handed-over', current.card);
      const card: Card = {
        handedAt: String(op.handedAt), receiver: op.receiver as Card['receiver'], eventId: null,
        operator: device.deviceId, deviceId: device.deviceId,
      };
      return { opId, status: 'applied', registration: this.bump(current, { card }) };
    }
    return this.reject(opId, 'invalid', { type: 'unknown' });
  }

  private push(body: unknown, device: Device): Response {
    const { ops, deviceId, results: mode } = body as { ops?: unknown; deviceId?: unknown; results?: unknown };
    if (!Array.isArray(ops) || ops.length < 1 || ops.length > 500) return error(400, 'invalid-request');
    // The transaction rolls back: none of the batch is applied or remembered.
    if (this.crashOn && ops.some((op) => this.crashOn?.(op as Record<string, unknown>))) return error(500, 'internal');
    const pushedBy = typeof deviceId === 'string' ? deviceId : device.deviceId;
    const full = ops.map((op) => this.decide(op as Record<string, unknown>, device, pushedBy));
    this.resultModes.push(typeof mode === 'string' ? mode : null);
    // Contract additions: compact applied results carry the server's own fields only; positional
    // ones leave out the opId and the registration id too.
    const honoured = this.ignoreResultModes ? null : mode;
    let results: unknown[] = honoured === 'compact' ? full.map(compact) : honoured === 'positional' ? full.map(positional) : full;
    if (this.mangleNextResults) {
      results = this.mangleNextResults(results);
      this.mangleNextResults = null;
    }
    return json(200, { results, serverTime: new Date(this.now()).toISOString(), ...this.generationField() }, { Date: new Date(this.now()).toUTCString() });
  }

  private pull(url: URL, device: Device): Response {
    const since = Number(url.searchParams.get('since') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 1000);
    const own = url.searchParams.get('device');
    this.pullDevices.push(own);
    const inScope = [...this.registrations.values()].filter((r) => scopeContains(device.scope, r.villageCode));
    // oxlint-disable-next-line unicorn/no-array-sort -- sorts a fresh array (toSorted is ES2023)
    const all = inScope.filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
    const after = all.filter((r) => !this.ownPush(r, own));
    const changes = after.slice(0, limit);
    const villages = new Set([...inScope.map((r) => r.villageCode), ...this.quotas.keys()]);
    const quotas: Quota[] = [...villages].filter((v) => scopeContains(device.scope, v)).map((villageCode) => ({
      villageCode, quota: this.quotaOf(villageCode),
      accepted: this.countLive(villageCode, 'accepted'), waitlisted: this.countLive(villageCode, 'waitlisted'),
    }));
    const hasMore = after.length > changes.length;
    // The cursor passes over the device's own pushes after the last change returned.
    const cursor = hasMore ? (changes.at(-1)?.seq ?? since) : (all.at(-1)?.seq ?? since);
    const page: PullResponse = { changes, cursor, hasMore, quotas, ...this.generationField() };
    return json(200, page, { Date: new Date(this.now()).toUTCString() });
  }

  private handle(url: URL, init: RequestInit | undefined, text: string | null): Response {
    const token = new Headers(init?.headers).get('Authorization')?.replace(/^Bearer /, '') ?? '';
    const device = this.devices.get(token);
    if (!device) return error(401, 'unauthenticated');
    if (url.pathname === '/api/v1/sync/push' && init?.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(text ?? '');
      } catch {
        return error(400, 'invalid-request');
      }
      return this.push(body, device);
    }
    if (url.pathname === '/api/v1/sync/pull') return this.pull(url, device);
    return error(404, 'not-found');
  }

  private takeFault(route: 'push' | 'pull'): Fault | undefined {
    const i = this.faults.findIndex((f) => f.route === route || f.route === 'any');
    const fault = this.faults[i];
    if (!fault) return undefined;
    if (fault.after > 0) {
      fault.after -= 1;
      return undefined;
    }
    return this.faults.splice(i, 1)[0];
  }

  /** The request body as the server reads it: gunzipped when it says so (and can). */
  private async bodyText(init: RequestInit | undefined): Promise<string | null> {
    if (init?.body == null) return null;
    const gzipped = new Headers(init.headers).get('Content-Encoding') === 'gzip';
    const bytes = typeof init.body === 'string' ? new TextEncoder().encode(init.body) : (init.body as Uint8Array<ArrayBuffer>);
    this.pushBytes += bytes.byteLength;
    if (!gzipped) return new TextDecoder().decode(bytes);
    if (!this.acceptsGzip) return new TextDecoder().decode(bytes); // garbage to a JSON parser
    const stream = new Response(bytes).body?.pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://desa100.test');
    const route = url.pathname.endsWith('/push') ? 'push' : 'pull';
    const text = await this.bodyText(init);
    let ops: number | undefined;
    try {
      ops = route === 'push' ? (JSON.parse(text ?? '') as { ops: unknown[] }).ops.length : undefined;
    } catch {
      ops = -1; // unreadable to this server
    }
    this.log.push({ route, since: route === 'pull' ? Number(url.searchParams.get('since')) : undefined, ops, at: this.clock() });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Let the caller's other work interleave, as a real network would.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.outage !== null) return error(this.outage, 'internal');
      const fault = this.takeFault(route);
      switch (fault?.kind) {
        case 'down': throw new TypeError('Failed to fetch');
        case 'lose-response': this.handle(url, init, text); throw new TypeError('Failed to fetch');
        case 'html-500': return new Response('<html><body>502 Bad Gateway</body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } });
        case 'html-500-after-apply':
          this.handle(url, init, text);
          return new Response('<html><body>upstream timed out</body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } });
        case 'hang':
          this.hanging += 1;
          return await new Promise<Response>((_resolve, reject) => {
            const abort = () => reject(new DOMException('aborted', 'AbortError'));
            if (init?.signal?.aborted) abort();
            else init?.signal?.addEventListener('abort', abort);
          });
        case 'duplicate': this.handle(url, init, text); return this.handle(url, init, text);
        case 'unauthorised': return error(401, 'unauthenticated');
        case 'rate-limited': return json(429, { error: { code: 'rate-limited', message: 'slow down' } }, { 'Retry-After': String(fault.retryAfterSeconds ?? 60) });
        default: return this.handle(url, init, text);
      }
    } finally {
      this.inFlight -= 1;
    }
  };
}
