import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { codeFromScan } from './enrol-code';

/** Frames are scaled down to this width: enough for a code held near the camera, cheap to scan. */
const SCAN_WIDTH = 640;
/** A cheap phone decodes a frame in tens of ms: five tries a second keep it responsive. */
const SCAN_INTERVAL_MS = 200;

/** Why the camera could not start, as a key of i18n/messages/device.ts. */
export function cameraErrorKey(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'device.camera.denied';
  if (name === 'NotReadableError' || name === 'AbortError') return 'device.camera.busy';
  return 'device.camera.absent';
}

/** Camera preview that calls `onCode` once with the enrolment code of the first valid QR code. */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The latest callback, without restarting the camera when the parent re-renders.
  const report = useRef(onCode);
  useEffect(() => {
    report.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };

    async function run(): Promise<void> {
      // Absent on old browsers and on plain http (camera needs a secure origin).
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('device.camera.absent');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        if (!stopped) setProblem(cameraErrorKey(error));
        return;
      }
      let decodeQr: typeof import('./qr-decode').decodeQr;
      try {
        ({ decodeQr } = await import('./qr-decode'));
      } catch {
        // The decoder chunk is fetched on first use: without signal it may not be here yet.
        stop();
        return setProblem('device.error.offline');
      }
      const el = video.current;
      if (stopped || !el) return stop();
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return setProblem('device.camera.absent');
      const tick = () => {
        if (stopped) return;
        if (el.readyState >= el.HAVE_CURRENT_DATA && el.videoWidth > 0) {
          const scale = Math.min(1, SCAN_WIDTH / el.videoWidth);
          canvas.width = Math.round(el.videoWidth * scale);
          canvas.height = Math.round(el.videoHeight * scale);
          ctx.drawImage(el, 0, 0, canvas.width, canvas.height);
          const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const text = decodeQr(frame.data, frame.width, frame.height);
          if (text !== null) {
            const code = codeFromScan(text);
            if (code) {
              stop();
              report.current(code);
              return;
            }
            setProblem('device.camera.not-enrolment');
          }
        }
        timer = setTimeout(tick, SCAN_INTERVAL_MS);
      };
      tick();
    }

    void run();
    return stop;
  }, []);

  return (
    <div className="qr-scanner">
      <video ref={video} className="qr-video" muted playsInline aria-label={t('device.scan.video')} />
      <p className="hint" role="status">{problem ? '' : t('device.scan.hint')}</p>
      {problem && <p className="error-text" role="alert">{t(problem)}</p>}
    </div>
  );
}
