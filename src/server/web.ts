// Serving the built PWA from dist/ next to the API: security headers on every response, the
// right caching per file, and the SPA fallback to index.html for app routes like /enrol.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What the PWA needs: its own scripts and styles (React style attributes are inline), data:
 *  and blob: images (QR codes, camera frames), same-origin API, service worker and manifest. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // The scanner uses the camera of this origin only.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * What every answer starts with, errors the framework or Node's HTTP parser give included
 * (raw-errors.ts). API answers carry personal data: never stored by browsers or proxies. That
 * is the default rather than a test of the raw URL, which `/%61pi/...` or `//api/...` passed;
 * static files and the app shell set their own caching.
 */
export const DEFAULT_HEADERS: Record<string, string> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(DEFAULT_HEADERS);
  });
}

/** Hashed build assets never change; everything else is revalidated so updates show at once. */
export function cacheControlFor(path: string): string {
  if (/[\\/]assets[\\/]/.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** App routes are extension-less paths outside /api; a missing file is a real 404. */
export function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  return !basename(path).includes('.');
}

export async function servePwa(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(path)),
  });
}

export function sendAppShell(reply: FastifyReply, root: string): FastifyReply | undefined {
  if (!existsSync(`${root}/index.html`)) return undefined;
  return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
}
