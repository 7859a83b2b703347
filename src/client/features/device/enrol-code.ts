// Enrolment codes as people handle them: typed from a screen or paper (spaces, dashes, lower
// case), or scanned from a QR code that holds `<origin>/enrol?code=CODE`.

const MAX_CODE_LENGTH = 64;

/**
 * The code as the server issues it: upper case, without the spaces and dashes people add to
 * read it aloud. The server compares codes the same way (sync-protocol: "a short code to type").
 */
export function normaliseEnrolCode(raw: string): string {
  return raw.replace(/[\s\u2010-\u2015-]/g, '').toUpperCase();
}

function looksLikeCode(code: string): boolean {
  return code.length > 0 && code.length <= MAX_CODE_LENGTH && /^[A-Z0-9]+$/.test(code);
}

/**
 * The code inside what a QR code (or a pasted link) says, or null when it is not one of ours.
 * Any origin is accepted: the code is redeemed with this app's server, which issued it.
 */
export function codeFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (!url.pathname.replace(/\/+$/, '').endsWith('/enrol')) return null;
      const code = normaliseEnrolCode(url.searchParams.get('code') ?? '');
      return looksLikeCode(code) ? code : null;
    } catch {
      return null;
    }
  }
  const code = normaliseEnrolCode(trimmed);
  return looksLikeCode(code) ? code : null;
}

/** A default phone name the coordinator can tell apart ("Android 10"); the operator may edit it. */
export function guessDeviceName(userAgent: string): string {
  const android = /Android\s+([\d.]+)/.exec(userAgent);
  if (android) return `Android ${android[1]}`;
  if (/iPhone|iPad/.test(userAgent)) return 'iPhone';
  if (/Windows/.test(userAgent)) return 'Windows';
  if (/Mac OS X/.test(userAgent)) return 'Mac';
  if (/Linux/.test(userAgent)) return 'Linux';
  return 'Desa100';
}
