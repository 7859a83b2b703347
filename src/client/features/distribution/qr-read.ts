import jsQR from 'jsqr';

/**
 * The text of the QR code in an RGBA frame, or null. Both polarities are tried: a receipt
 * photocopied dark-on-light and a phone screen showing light-on-dark both occur at the table.
 */
export function readQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}
