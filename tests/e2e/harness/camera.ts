import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

// A camera that films a QR code: Chromium's fake capture device plays a Y4M file (a text
// header, then raw I420 frames, looped). The QR is drawn black on white with a quiet zone, the
// way a printed receipt looks, centred in a VGA frame like a phone held over the paper.

const WIDTH = 640;
const HEIGHT = 480;
/** Pixels per QR module: large enough for jsQR after the app scales the frame down. */
const MODULE_PX = 8;
/** The quiet zone the QR standard asks for, in modules. */
const QUIET_MODULES = 4;
const FRAMES = 2;

/** The luma plane (one byte per pixel, 0 black, 255 white) of a frame showing `text` as a QR. */
export function qrLuma(text: string): Uint8Array {
  // Same error correction as the app's printed list (qr-image.tsx).
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * QUIET_MODULES) * MODULE_PX;
  if (side > HEIGHT) throw new Error(`QR of ${modules.size} modules does not fit a ${WIDTH}x${HEIGHT} frame`);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(255);
  const left = Math.floor((WIDTH - side) / 2) + QUIET_MODULES * MODULE_PX;
  const top = Math.floor((HEIGHT - side) / 2) + QUIET_MODULES * MODULE_PX;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < MODULE_PX; y++) {
        const start = (top + row * MODULE_PX + y) * WIDTH + left + col * MODULE_PX;
        luma.fill(0, start, start + MODULE_PX);
      }
    }
  }
  return luma;
}

/** Writes a looping Y4M clip of the QR for `text` to `path` (grey chroma: a black-and-white print). */
export async function writeQrY4m(path: string, text: string): Promise<void> {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const luma = qrLuma(text);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma]);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}

/** Chromium flags: grant the camera without asking, and film `y4mPath` instead of a real one. */
export function fakeCameraArgs(y4mPath: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mPath}`,
  ];
}
