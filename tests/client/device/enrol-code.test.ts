import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { codeFromScan, guessDeviceName, normaliseEnrolCode } from '../../../src/client/features/device/enrol-code';
import { decodeQr } from '../../../src/client/features/device/qr-decode';
import { cameraErrorKey } from '../../../src/client/features/device/qr-scanner';

/** A real QR code, drawn as a camera frame would arrive: RGBA, 4 px a module, a quiet zone. */
function frameOf(text: string): { rgba: Uint8ClampedArray; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 4;
  const quiet = 4;
  const size = (modules.size + quiet * 2) * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(x, y)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx) * 4;
          rgba[i] = 0;
          rgba[i + 1] = 0;
          rgba[i + 2] = 0;
        }
      }
    }
  }
  return { rgba, size };
}

describe('enrolment codes', () => {
  it('tolerates spaces, dashes and lower case', () => {
    expect(normaliseEnrolCode(' abcd-efgh jk ')).toBe('ABCDEFGHJK');
    expect(normaliseEnrolCode('ABCD–EFGH')).toBe('ABCDEFGH'); // an en dash from a word processor
  });

  it('takes the code out of the QR code’s URL, from any origin, and refuses other QR codes', () => {
    expect(codeFromScan('https://desa100.example/enrol?code=ABCD-EFGH-JK')).toBe('ABCDEFGHJK');
    expect(codeFromScan('http://127.0.0.1:8080/enrol/?code=k7qfm2xd9p')).toBe('K7QFM2XD9P');
    expect(codeFromScan('https://desa100.example/peserta?code=ABCD')).toBeNull();
    expect(codeFromScan('https://desa100.example/enrol')).toBeNull();
    expect(codeFromScan('WIFI:S:kantor-desa;T:WPA;P:rahasia;;')).toBeNull();
    expect(codeFromScan('abcd efgh')).toBe('ABCDEFGH');
  });

  it('decodes a real QR code holding <origin>/enrol?code=CODE', () => {
    const { rgba, size } = frameOf('https://desa100.example/enrol?code=K7QFM2XD9P');
    const text = decodeQr(rgba, size, size);
    expect(text).toBe('https://desa100.example/enrol?code=K7QFM2XD9P');
    expect(codeFromScan(text ?? '')).toBe('K7QFM2XD9P');
    expect(decodeQr(new Uint8ClampedArray(64 * 64 * 4).fill(255), 64, 64)).toBeNull();
  });

  it('names the phone from its browser, for the coordinator’s device list', () => {
    expect(guessDeviceName('Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/125 Mobile')).toBe('Android 10');
    expect(guessDeviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe('iPhone');
    expect(guessDeviceName('')).toBe('Desa100');
  });

  it('says why the camera could not start', () => {
    expect(cameraErrorKey(new DOMException('no', 'NotAllowedError'))).toBe('device.camera.denied');
    expect(cameraErrorKey(new DOMException('none', 'NotFoundError'))).toBe('device.camera.absent');
    expect(cameraErrorKey(new DOMException('busy', 'NotReadableError'))).toBe('device.camera.busy');
  });
});
