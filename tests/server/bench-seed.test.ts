import { describe, expect, it } from 'vitest';
import { parseNik, registrationSchema } from '../../src/shared';
import { loadPlaces } from '../../src/server/places';
import { generateRegistrations, mulberry32, seedRegistrations, uuidFrom } from '../../bench/lib/seed';
import { villageCodes } from '../../bench/lib/villages';

describe('bench seed generator', () => {
  const villages = villageCodes(40, { seed: 3 });

  it('is deterministic: the same seed gives the same records, another seed others', () => {
    const a = seedRegistrations({ seed: 42, count: 200, villages });
    const b = seedRegistrations({ seed: 42, count: 200, villages });
    const c = seedRegistrations({ seed: 43, count: 200, villages });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.map((r) => r.id)).not.toEqual(c.map((r) => r.id));
  });

  it('makes records that the shared schema accepts unchanged', () => {
    for (const reg of generateRegistrations({ seed: 7, count: 500, villages })) {
      const parsed = registrationSchema.safeParse(JSON.parse(JSON.stringify(reg)));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(reg));
    }
  });

  it('gives valid, unique NIKs whose birth date and sex match the record', () => {
    const regs = seedRegistrations({ seed: 9, count: 3000, villages });
    expect(new Set(regs.map((r) => r.nik)).size).toBe(regs.length);
    expect(new Set(regs.map((r) => r.id)).size).toBe(regs.length);
    for (const reg of regs.slice(0, 300)) {
      const nik = parseNik(reg.nik, new Date('2025-03-01T00:00:00Z'));
      expect(nik.ok).toBe(true);
      if (nik.ok) {
        expect(nik.value.birthDate).toBe(reg.birthDate);
        expect(nik.value.sex).toBe(reg.sex);
      }
    }
  });

  it('spreads records evenly over real villages', () => {
    const places = loadPlaces();
    expect(villages).toHaveLength(40);
    for (const code of villages) expect(places.village(code)).toBeDefined();
    const regs = seedRegistrations({ seed: 1, count: 400, villages });
    const perVillage = new Map<string, number>();
    for (const r of regs) perVillage.set(r.villageCode, (perVillage.get(r.villageCode) ?? 0) + 1);
    expect([...perVillage.values()]).toEqual(Array.from({ length: 40 }, () => 10));
  });

  it('draws version-4 UUIDs and uniform numbers from mulberry32', () => {
    const rng = mulberry32(5);
    const id = uuidFrom(rng);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const xs = Array.from({ length: 10_000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('returns every village when asked for more than exist', () => {
    expect(villageCodes(Number.POSITIVE_INFINITY, { prefix: '32.14' })).toHaveLength(192);
  });
});
