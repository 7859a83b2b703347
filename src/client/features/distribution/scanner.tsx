import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../i18n';
import { readQr } from './qr-read';

// Loaded lazily (React.lazy in event-desk.tsx): jsQR and the camera code stay out of every
// other chunk. The camera feeds a real <video>; frames are sampled onto a canvas a few times
// a second (every frame would drain a cheap phone's battery for no gain).

const SAMPLE_MS = 200;
/** Frames are scaled down to this width before decoding: enough for a receipt QR at arm's length. */
const MAX_WIDTH = 640;

function decodeFrom(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement): string | null {
  const scale = Math.min(1, MAX_WIDTH / width);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, w, h);
  const image = ctx.getImageData(0, 0, w, h);
  return readQr(image.data, w, h);
}

export interface ScannerProps {
  onResult: (text: string) => void;
}

function cameraSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export function Scanner({ onResult }: ScannerProps) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const done = useRef(onResult);
  const [error, setError] = useState<string | null>(cameraSupported() ? null : t('dist.scan.no-camera'));

  useEffect(() => {
    done.current = onResult;
  }, [onResult]);

  useEffect(() => {
    if (!cameraSupported()) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = () => {
      const v = video.current;
      const c = canvas.current;
      if (stopped || !v || !c) return;
      if (v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        const text = decodeFrom(v, v.videoWidth, v.videoHeight, c);
        if (text) {
          done.current(text);
          return;
        }
      }
      timer = setTimeout(tick, SAMPLE_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        tick();
      })
      .catch(() => !stopped && setError(t('dist.scan.denied')));
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [t]);

  /** No camera, or permission refused: a photo of the QR works too. */
  const fromFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    const c = canvas.current;
    if (!file || !c) return;
    try {
      const bitmap = await createImageBitmap(file);
      const text = decodeFrom(bitmap, bitmap.width, bitmap.height, c);
      bitmap.close();
      if (text) onResult(text);
      else setError(t('dist.scan.unreadable'));
    } catch {
      setError(t('dist.scan.unreadable'));
    }
  };

  return (
    <div className="scanner">
      <video ref={video} muted playsInline aria-label={t('dist.scan.video')} />
      <canvas ref={canvas} hidden />
      {error && <p role="alert" className="warn-text">{error}</p>}
      <label htmlFor="scan-file">{t('dist.scan.file')}</label>
      <input id="scan-file" type="file" accept="image/*" capture="environment" onChange={(e) => void fromFile(e)} />
    </div>
  );
}
