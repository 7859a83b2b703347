// Contract Revision 2, R3: a hostile op is that op's `invalid`, and nothing more. Each case
// pushes one valid create next to one hostile op, on both databases.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { hostileField } from '../../src/server/sync/hostile';
import { BACKENDS, serverPerTest, type TestServer } from './support/harness';
import {
  TANJUNGSARI, applied, auth, createOp, pullAll, push, registration, rejection, voidOp, type Wire,
} from './support/wire';

/** `{"a":{"a":...}}` nested `levels` deep, built as text: no recursion anywhere in the test. */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A push body as raw JSON text, so that keys like `__proto__` reach the server as sent. */
function pushBody(opsJson: string[]): string {
  return `{"deviceId":"${randomUUID()}","ops":[${opsJson.join(',')}]}`;
}

const HOSTILE_STRINGS: Array<[string, string]> = [
  ['NUL', 'a\u0000b'],
  ['a C0 control', 'a\u0007b'],
  ['carriage return', 'a\rb'],
  ['DEL', 'a\u007fb'],
  ['a C1 control', 'a\u0085b'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', 'a\udc00b'],
  ['U+FFFE', 'a\ufffeb'],
  ['U+FFFF', 'a\uffffb'],
];

describe('hostileField', () => {
  it('stops at the depth limit, however deep the op goes, without recursion', () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(hostileField({ opId: 'x', registration: deep })).toEqual({ [`registration${'.a'.repeat(15)}`]: 'too-deep' });
  });

  it('names the field, never a key it refuses, and long keys as *', () => {
    const long = 'k'.repeat(65);
    expect(hostileField({ registration: { [long]: { address: 'a\u0000' } } })).toEqual({ 'registration.*.address': 'text-chars' });
    expect(hostileField({ registration: { heir: { 'n\u0000': 1 } } })).toEqual({ 'registration.heir': 'text-chars' });
    expect(hostileField({ 'x\uffff': 1 })).toEqual({ _: 'text-chars' });
    expect(hostileField({ registration: { heirs: [{ name: 'ok' }, { name: 'b\ud800' }] } })).toEqual({ 'registration.heirs.1.name': 'text-chars' });
    expect(hostileField({ registration: { address: 'Jl. \ud83c\udfe0 No. 5\tRT 3\n' } })).toBeUndefined();
  });
});

describe.each(BACKENDS)('hostile ops (%s)', (backend) => {
  const server = serverPerTest(backend);
  let s: TestServer;
  let op: string;
  beforeEach(async () => {
    s = server();
    op = await s.token('operator', TANJUNGSARI);
  });

  const postRaw = (payload: string) => s.app.inject({
    method: 'POST', url: '/api/v1/sync/push', headers: { ...auth(op), 'content-type': 'application/json' }, payload,
  });

  /** Pushes [valid create, hostile op]: the create is applied, the hostile op is `invalid`. */
  async function expectOnlyHostileRejected(hostileJson: string): Promise<Record<string, string>> {
    const good = createOp(registration());
    const res = await postRaw(pushBody([JSON.stringify(good), hostileJson]));
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: unknown[] }>().results as Parameters<typeof applied>[0][];
    expect(results).toHaveLength(2);
    expect(applied(results[0]).id).toBe((good.registration as Wire).id);
    const bad = rejection(results[1]);
    expect(bad.code).toBe('invalid');
    return (bad.details as { fields: Record<string, string> }).fields;
  }

  it('rejects an op nested ~6,900 levels deep, and keeps its neighbour', async () => {
    const fields = await expectOnlyHostileRejected(
      `{"opId":"${randomUUID()}","type":"registration.create","registration":${nestedJson(6900)}}`,
    );
    expect(Object.values(fields)).toContain('too-deep');
  });

  it('rejects nesting just past 16 levels and accepts 16', async () => {
    // The op is level 1, its registration level 2: 15 more levels make 17.
    const fields = await expectOnlyHostileRejected(
      `{"opId":"${randomUUID()}","type":"registration.create","registration":{"heir":${nestedJson(15)}}}`,
    );
    expect(Object.values(fields)).toEqual(['too-deep']);
    const fine = await expectOnlyHostileRejected(
      `{"opId":"${randomUUID()}","type":"registration.create","registration":{"heir":${nestedJson(14)}}}`,
    );
    // 16 levels are only an ordinary invalid registration.
    expect(Object.values(fine)).not.toContain('too-deep');
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`rejects the key ${key} anywhere in an op, not the whole push`, async () => {
      const reg = JSON.stringify(registration());
      const top = await expectOnlyHostileRejected(
        `{"opId":"${randomUUID()}","type":"registration.create","${key}":{"x":1},"registration":${reg}}`,
      );
      expect(top).toEqual({ [key]: 'forbidden-key' });
      const nested = await expectOnlyHostileRejected(
        `{"opId":"${randomUUID()}","type":"registration.create","registration":${reg.replace('"consent":{', `"consent":{"${key}":{"isAdmin":true},`)}}`,
      );
      expect(nested).toEqual({ [`registration.consent.${key}`]: 'forbidden-key' });
    });
  }

  for (const [name, value] of HOSTILE_STRINGS) {
    it(`rejects ${name} in an op's type, a void reason, an address and a key`, async () => {
      const inType = await expectOnlyHostileRejected(JSON.stringify({ opId: randomUUID(), type: `registration.create${value}` }));
      expect(inType).toEqual({ type: 'text-chars' });
      const inReason = await expectOnlyHostileRejected(JSON.stringify(voidOp(randomUUID(), `Pindah${value}`)));
      expect(inReason).toEqual({ reason: 'text-chars' });
      const inAddress = await expectOnlyHostileRejected(JSON.stringify(createOp(registration({ address: `Jl. ${value}` }))));
      expect(inAddress).toEqual({ 'registration.address': 'text-chars' });
      const inKey = await expectOnlyHostileRejected(JSON.stringify(createOp(registration({ [`x${value}`]: 1 }))));
      expect(Object.values(inKey)).toEqual(['text-chars']);
    });
  }

  it('accepts a name typed in decomposed Unicode, stored composed (NFC)', async () => {
    const res = await push(s.app, op, [createOp(registration({ fullName: 'Jose\u0301 Mari\u0301a' }))]);
    expect(applied(res.results[0]).fullName).toBe('JOS\u00c9 MAR\u00cdA');
  });

  it('accepts tab and newline in free text', async () => {
    const res = await push(s.app, op, [createOp(registration({ address: 'Kp. Cibening\tNo. 5\nRT 3' }))]);
    expect(applied(res.results[0]).address).toBe('Kp. Cibening\tNo. 5\nRT 3');
  });

  it('answers a retried hostile op the same, and its opId with another payload op-conflict', async () => {
    const opId = randomUUID();
    const hostile = `{"opId":"${opId}","type":"registration.create","registration":${nestedJson(6900)}}`;
    const first = await postRaw(pushBody([hostile]));
    const again = await postRaw(pushBody([hostile]));
    expect(first.statusCode).toBe(200);
    expect(again.json<{ results: unknown }>().results).toEqual(first.json<{ results: unknown }>().results);
    const reused = await push(s.app, op, [createOp(registration(), opId)]);
    expect(rejection(reused.results[0]).code).toBe('op-conflict');
    expect((await pullAll(s.app, op)).changes).toHaveLength(0);
  });

  it('stores nothing of a hostile op but its rejection', async () => {
    await expectOnlyHostileRejected(JSON.stringify(createOp(registration({ address: 'Jl. Mawar\u0000' }))));
    const pulled = await pullAll(s.app, op);
    expect(pulled.changes).toHaveLength(1);
    expect(pulled.quotas[0]).toMatchObject({ accepted: 1, waitlisted: 0 });
  });
});

describe.each(BACKENDS)('hostile text outside ops (%s)', (backend) => {
  const server = serverPerTest(backend);
  let s: TestServer;
  beforeEach(() => {
    s = server();
  });

  type ErrorJson = { error: { code: string; details?: { fields?: Record<string, string> } } };

  for (const [name, value] of HOSTILE_STRINGS) {
    it(`refuses ${name} in deviceName and in an enrolment code with 400 naming the field`, async () => {
      for (const [body, field] of [
        [{ code: 'ABCD-EFGH', deviceName: `HP ${value}` }, 'deviceName'],
        [{ code: `AB${value}CD`, deviceName: 'HP Siti' }, 'code'],
      ] as const) {
        const res = await s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: body });
        expect(res.statusCode).toBe(400);
        const error = res.json<ErrorJson>().error;
        expect(error.code).toBe('invalid-request');
        expect(error.details?.fields).toEqual({ [field]: 'text-chars' });
      }
    });
  }

  it('names a __proto__ or constructor key of another body as an unknown field', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const res = await s.app.inject({
        method: 'POST', url: '/api/v1/devices', headers: { 'content-type': 'application/json' },
        payload: `{"code":"ABCD-EFGH","deviceName":"HP Siti","${key}":{"role":"admin"}}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorJson>().error.details?.fields).toEqual({ [key]: 'unknown-field' });
    }
  });

  it('refuses control characters in KPJ numbers and KPJ import rows with 400 naming the field', async () => {
    const coord = await s.token('coordinator', '32');
    const put = await s.app.inject({
      method: 'PUT', url: `/api/v1/registrations/${randomUUID()}/kpj`, headers: auth(coord), payload: { kpjNumber: '1234567\u00008901' },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json<ErrorJson>().error.details?.fields).toHaveProperty('kpjNumber');
    const rows = [{ nik: '3214165705900001\u0000', kpjNumber: '12345678901' }, { nik: '3214165705900002', kpjNumber: '1234\uffff5678901' }];
    const imported = await s.app.inject({ method: 'POST', url: '/api/v1/kpj/import', headers: auth(coord), payload: { rows } });
    expect(imported.statusCode).toBe(400);
    expect(imported.json<ErrorJson>().error).toMatchObject({
      code: 'invalid-request', details: { fields: { 'rows.0.nik': 'text-chars', 'rows.1.kpjNumber': 'text-chars' } },
    });
  });
});
