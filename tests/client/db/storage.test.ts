import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ClientError, createDraftWriter, findVillage, getDraft, getPlaceIndex, getRegencyPlaces,
  resetPlaceIndex, saveNewRegistration, toClientError, withStorageErrors,
} from '../../../src/client/db';
import type { RegencyPlaces } from '../../../src/shared/places/codes';
import { placesFixture } from '../fixtures/places';
import { freshDb, makeRegistration } from './helpers';

async function offline(): Promise<never> {
  throw new TypeError('Failed to fetch');
}

/** A file that parses but is another regency's. */
async function wrong(): Promise<RegencyPlaces> {
  return { code: '35.06', name: 'x', districts: [], province: { code: '35', name: 'y' } };
}

describe('storage errors', () => {
  it('turns a full disk into storage-full, however deep Dexie wrapped it', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    for (const err of [quota, wrapped]) {
      const mapped = toClientError(err);
      expect(mapped).toBeInstanceOf(ClientError);
      expect(mapped).toMatchObject({ code: 'storage-full' });
      expect((mapped as ClientError).message).toMatch(/Penyimpanan ponsel penuh/);
    }
    const other = new TypeError('bug');
    expect(toClientError(other)).toBe(other);
  });

  it('reports a save that hits a full disk as storage-full, with nothing half-written', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await db.open();
    // The outbox write is the one that finds the disk full: the registration row must go too.
    const native = IDBObjectStore.prototype.add;
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'outbox') throw new DOMException('full', 'QuotaExceededError');
      return native.apply(this, args);
    });
    await expect(saveNewRegistration(db, reg)).rejects.toMatchObject({ code: 'storage-full' });
    add.mockRestore();
    expect(await db.registrations.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // Saved again once there is room: nothing of the failed attempt is in the way.
    await saveNewRegistration(db, reg);
    expect(await db.registrations.count()).toBe(1);
  });

  it('the same inside a caller\'s transaction, where the save goes through Dexie', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await db.open();
    const add = vi.spyOn(db.outbox, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(db.transaction('rw', db.registrations, db.outbox, () => saveNewRegistration(db, reg)))
      .rejects.toMatchObject({ code: 'storage-full' });
    add.mockRestore();
    expect(await db.registrations.count()).toBe(0);
  });

  it('a second save of the same id is refused, never an overwrite', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await expect(saveNewRegistration(db, { ...reg, fullName: 'LAIN ORANG' })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect((await db.registrations.get(reg.id))?.data.fullName).toBe(reg.fullName);
    expect(await db.outbox.count()).toBe(1);
  });

  it('maps a database that cannot open to storage-unavailable', async () => {
    const err = Object.assign(new Error('x'), { name: 'OpenFailedError' });
    await expect(withStorageErrors(() => Promise.reject(err))).rejects.toMatchObject({ code: 'storage-unavailable' });
  });
});

describe('draft writer', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the latest values once after a quiet pause, and flushes on demand', async () => {
    vi.useFakeTimers();
    const db = freshDb();
    const writer = createDraftWriter(db, 'new', null, 300);
    writer.schedule({ nik: '3' });
    writer.schedule({ nik: '32' });
    await vi.advanceTimersByTimeAsync(299);
    vi.useRealTimers();
    expect(await getDraft(db, 'new')).toBeUndefined();
    writer.schedule({ nik: '321' });
    await writer.flush();
    expect((await getDraft(db, 'new'))?.values).toEqual({ nik: '321' });
    writer.schedule({ nik: '3214' });
    writer.cancel();
    await writer.flush();
    expect((await getDraft(db, 'new'))?.values).toEqual({ nik: '321' });
  });
});

describe('places', () => {
  afterEach(() => resetPlaceIndex());

  it('fetches a regency file once, then serves it from the phone with no network', async () => {
    const db = freshDb();
    const load = vi.fn(async (url: string) => placesFixture(url));
    const first = await getRegencyPlaces(db, '32.14', load);
    expect(first.name).toBe('Kabupaten Purwakarta');
    expect(load).toHaveBeenCalledWith('/places/32.14.json');
    const unreachable = vi.fn(offline);
    const again = await getRegencyPlaces(db, '32.14', unreachable);
    expect(unreachable).not.toHaveBeenCalled();
    expect(again).toEqual(first);
    const village = findVillage(again, '32.14.16.2005');
    expect(village).toMatchObject({ name: 'Tanjungsari', district: { name: 'Pondoksalam' } });
    expect(findVillage(again, '32.14.16.9999')).toBeNull();
  });

  it('says places-unavailable when a regency is neither kept nor reachable, or the file is wrong', async () => {
    const db = freshDb();
    await expect(getRegencyPlaces(db, '35.05', offline)).rejects.toMatchObject({ code: 'places-unavailable' });
    await expect(getRegencyPlaces(db, '35.05', wrong)).rejects.toMatchObject({ code: 'places-unavailable' });
    expect(await db.places.count()).toBe(0);
  });

  it('loads the index once and retries after a failure', async () => {
    await expect(getPlaceIndex(async () => { throw new Error('offline'); })).rejects.toMatchObject({ code: 'places-unavailable' });
    const load = vi.fn(async () => placesFixture('/places/index.json'));
    const index = await getPlaceIndex(load);
    await getPlaceIndex(load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(index.regencies.find((r) => r.code === '32.14')?.name).toBe('Kabupaten Purwakarta');
  });
});
