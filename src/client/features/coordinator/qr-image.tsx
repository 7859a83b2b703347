import { useEffect, useState } from 'react';

/** SVG, not PNG: it stays sharp at any print size and is a few KB per code. */
export async function qrSvgDataUrl(text: string): Promise<string> {
  // Loaded on first use: only the enrolment card and the handover list draw QR codes.
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export interface QrImageProps {
  text: string;
  size: number;
  alt: string;
}

export function QrImage({ text, size, alt }: QrImageProps) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void qrSvgDataUrl(text).then((url) => alive && setSrc(url));
    return () => {
      alive = false;
    };
  }, [text]);
  if (!src) return <span className="qr-placeholder" style={{ width: size, height: size }} aria-busy="true" />;
  return <img className="qr" src={src} width={size} height={size} alt={alt} data-qr={text} />;
}
