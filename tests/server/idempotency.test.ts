import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  TANJUNGSARI, applied, createOp, pullAll, push, pushOk, registration, rejection, updateOp, voidOp, reversedKeys } from './support/wire';

describe.each(BACKENDS)('idempotent ops, contract rule 1 (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
  });
  afterEach(() => s.close());

  it('replays the first result, as it was then, and changes nothing', async () => {
    const reg = registration();
    const create = createOp(reg);
    const first = await push(s.app, op, [create]);
    const created = applied(first.results[0]);
    await pushOk(s.app, op, [updateOp(reg.id as string, 1, { address: 'Jl. Baru 7' })]);
    s.clock.advance(60_000);

    // A retry after a lost response, from another device id, with keys in another order.
    const again = await push(s.app, op, [reversedKeys(create) as Record<string, unknown>], randomUUID());
    expect(again.results).toEqual(first.results);
    expect(applied(again.results[0]).version).toBe(1);

    const pulled = await pullAll(s.app, op);
    expect(pulled.changes).toHaveLength(1);
    expect(pulled.changes[0]).toMatchObject({ id: created.id, version: 2, address: 'Jl. Baru 7' });
  });

  it('remembers rejections: a corrected op needs a new opId', async () => {
    const reg = registration({ nik: '12' });
    const bad = createOp(reg);
    const first = await push(s.app, op, [bad]);
    expect(rejection(first.results[0]).code).toBe('invalid');
    expect((await push(s.app, op, [bad])).results).toEqual(first.results);

    const corrected = { ...bad, registration: { ...reg, nik: registration().nik } };
    expect(rejection((await push(s.app, op, [corrected])).results[0]).code).toBe('op-conflict');
    expect(applied((await push(s.app, op, [{ ...corrected, opId: randomUUID() }])).results[0]).status).toBe('accepted');
  });

  it('remembers a rejection that later ops would no longer get', async () => {
    const holder = registration();
    await pushOk(s.app, op, [createOp(holder)]);
    const dup = createOp(registration({ nik: holder.nik }));
    const first = await push(s.app, op, [dup]);
    expect(rejection(first.results[0]).code).toBe('duplicate-nik');
    await pushOk(s.app, op, [voidOp(holder.id as string)]);
    // The NIK is free now, but the same op still answers what it answered first.
    expect((await push(s.app, op, [dup])).results).toEqual(first.results);
  });

  it('answers op-conflict when an opId comes back with a different payload', async () => {
    const opId = randomUUID();
    await pushOk(s.app, op, [createOp(registration(), opId)]);
    const { results } = await push(s.app, op, [createOp(registration(), opId)]);
    expect(results[0]).toMatchObject({ opId, status: 'rejected', code: 'op-conflict' });
    expect((await pullAll(s.app, op)).changes).toHaveLength(1);
  });

  it('treats a repeated opId inside one batch the same way', async () => {
    const create = createOp(registration());
    const other = createOp(registration(), create.opId as string);
    const { results } = await push(s.app, op, [create, create, other]);
    expect(results[1]).toEqual(results[0]);
    expect(rejection(results[2]).code).toBe('op-conflict');
    expect((await pullAll(s.app, op)).changes).toHaveLength(1);
  });
});
