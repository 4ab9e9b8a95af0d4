/**
 * The browser app (Vite's build: index.html and hashed files under assets/) served by the API
 * server from one origin, so the session cookie and CSRF work without CORS.
 *
 * - files under assets/ have content hashes in their names: cached for a year, `immutable`;
 * - everything else (index.html above all) is `no-cache`: revalidated, so a new build shows;
 * - the app routes in the browser (`/orgs/<id>/studies/<id>/effluent`), so a GET of a path
 *   that is not under /api/ and names no file (no extension) gets index.html.
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * What the app needs and nothing more. Styles allow inline: ECharts and React set style
 * attributes. No upgrade-insecure-requests: Lestari is often run over plain HTTP on a LAN.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The folder as an absolute path when it holds a built app (index.html); else undefined. */
export function webAppRoot(webRoot: string | undefined): string | undefined {
  if (webRoot === undefined) return undefined;
  const root = resolve(webRoot);
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/** Serves the app's files at `/`; a missing file falls through to the not-found handler. */
export function serveWebApp(app: FastifyInstance, root: string): void {
  const assets = join(root, 'assets') + sep;
  void app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'ignore',
    // Ours, per file (below), instead of send's `max-age=0`.
    cacheControl: false,
    setHeaders(response, path) {
      response.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
}

/** A page of the app (a history path), not an API call and not a file. */
export function isAppPath(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split(/[?#]/, 1)[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** The SPA fallback: the app's index.html, which then shows the page for this path. */
export function sendAppPage(reply: FastifyReply): FastifyReply {
  return reply.status(200).sendFile('index.html');
}
