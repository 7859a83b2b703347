import jsQR from 'jsqr';

// Loaded with import() by the scanner only: jsQR (~130 kB) stays out of every other chunk.

/** The text of the first QR code in an RGBA frame, or null. */
export function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  // Enrolment QR codes are dark on light: skipping the inverted pass halves the work per frame.
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  return found?.data ? found.data : null;
}
