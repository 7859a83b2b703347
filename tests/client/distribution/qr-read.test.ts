import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPayload, registrationIdFromQr } from '../../../src/client/features/distribution/desk-model';
import { readQr } from '../../../src/client/features/distribution/qr-read';

/** A real QR code as a camera frame would hold it: black modules on white, with a quiet zone. */
function frameOf(text: string, scale = 4, margin = 4): { rgba: Uint8ClampedArray; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + margin * 2) * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
      }
    }
  }
  return { rgba, size };
}

describe('readQr', () => {
  it('reads back the receipt list’s QR code, and the desk finds the registration from it', () => {
    const id = crypto.randomUUID();
    const { rgba, size } = frameOf(qrPayload(id));
    const text = readQr(rgba, size, size);
    expect(text).toBe(`desa100:reg:${id}`);
    expect(registrationIdFromQr(text ?? '')).toBe(id);
  });

  it('reads a light-on-dark code too (a QR shown on another phone’s screen)', () => {
    const { rgba, size } = frameOf('desa100:reg:7d3c1a52-55c4-4c64-9d4b-0f0a3e0c9b11');
    for (let i = 0; i < rgba.length; i += 4) rgba[i] = rgba[i + 1] = rgba[i + 2] = 255 - (rgba[i] ?? 0);
    expect(readQr(rgba, size, size)).toBe('desa100:reg:7d3c1a52-55c4-4c64-9d4b-0f0a3e0c9b11');
  });

  it('returns null for a frame with no code', () => {
    const blank = new Uint8ClampedArray(64 * 64 * 4).fill(255);
    expect(readQr(blank, 64, 64)).toBeNull();
  });
});
