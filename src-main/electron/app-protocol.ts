import type { Protocol } from 'electron';
import { createReadStream, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { mediaContentTypes, mediaFileFor, parseRange } from '../server/media-files';
import { resolveInside } from '../server/static-files';

/**
 * `maestro://app/` is the desktop window's one origin: the built renderer at its root and the
 * rendered media under `/media/`, exactly the paths the headless server uses. One origin means
 * the CSP's `'self'` covers every preview, in both transports, with nothing widened.
 */
export const APP_SCHEME = 'maestro';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
const MEDIA_PREFIX = '/media/';

/**
 * Must run before the app is ready. `standard` gives the scheme real origins (so `'self'` and
 * relative URLs work), `secure` makes it a secure context, `stream` lets <video> read byte
 * ranges, `supportFetchAPI` lets the page fetch its own files. It does not bypass the CSP.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const rendererContentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface AppProtocolOptions {
  /** out/renderer: the built control room. */
  rendererDir: string;
  /** The data folder's media directory; nothing outside it is ever served. */
  mediaDir: string;
  /** The Content-Security-Policy header every answer carries. */
  policy: string;
  /**
   * Development only (never when packaged): the page's files come from the Vite dev server,
   * fetched by the main process, so the page keeps the same origin and policy as in production.
   */
  devServer?: { url: string; fetch(url: string, init: RequestInit): Promise<Response> };
}

function securityHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    // The video player's fullscreen button needs `fullscreen`; no other powerful feature is used.
    'permissions-policy': 'fullscreen=(self), camera=(), microphone=(), geolocation=()',
  };
}

function notFound(policy: string, text = 'Not found.'): Response {
  return new Response(text, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders(policy) },
  });
}

function fileBody(file: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file, range)) as ReadableStream<Uint8Array>;
}

/** A rendered file with byte ranges, as the headless server's /media/ route answers. */
export function serveMediaFile(
  mediaDir: string,
  relativePath: string,
  request: Pick<Request, 'method' | 'headers'>,
  policy: string,
): Response {
  const file = mediaFileFor(mediaDir, relativePath);
  if (!file) return notFound(policy, 'No such media file.');
  const size = statSync(file).size;
  const headers: Record<string, string> = {
    'content-type': mediaContentTypes[extname(file).toLowerCase()]!,
    'accept-ranges': 'bytes',
    // A re-rendered job writes the same names: revalidate instead of caching forever.
    'cache-control': 'no-cache',
    ...securityHeaders(policy),
  };
  const rangeHeader = request.headers.get('range') ?? undefined;
  const range = parseRange(rangeHeader, size);
  if (rangeHeader && !range) {
    return new Response(null, {
      status: 416,
      headers: { 'content-range': `bytes */${size}`, ...securityHeaders(policy) },
    });
  }
  const head = request.method === 'HEAD';
  if (range) {
    return new Response(head ? null : fileBody(file, range), {
      status: 206,
      headers: {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': String(range.end - range.start + 1),
      },
    });
  }
  return new Response(head ? null : fileBody(file), {
    status: 200,
    headers: { ...headers, 'content-length': String(size) },
  });
}

/** A file of the built renderer; a path without a file extension gets index.html. */
function serveRendererFile(rendererDir: string, pathname: string, method: string, policy: string): Response {
  const index = join(rendererDir, 'index.html');
  let file = pathname === '/' ? index : resolveInside(rendererDir, pathname);
  if (!file) return notFound(policy);
  const isFile = (path: string) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  if (!isFile(file)) {
    if (extname(pathname) !== '') return notFound(policy);
    file = index;
    if (!isFile(file)) return notFound(policy, 'The control room is not built: run `npm run build`.');
  }
  const type = rendererContentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(method === 'HEAD' ? null : fileBody(file), {
    status: 200,
    headers: {
      'content-type': type,
      // Hashed asset names change with every build; the page itself must always be fresh.
      'cache-control': file === index ? 'no-store' : 'public, max-age=31536000, immutable',
      'content-length': String(statSync(file).size),
      ...securityHeaders(policy),
    },
  });
}

async function proxyToDevServer(
  devServer: NonNullable<AppProtocolOptions['devServer']>,
  url: URL,
  request: Request,
  policy: string,
): Promise<Response> {
  const target = new URL(url.pathname + url.search, devServer.url);
  const upstream = await devServer.fetch(target.toString(), {
    method: request.method,
    headers: request.headers,
  });
  const headers = new Headers(upstream.headers);
  // Our policy, not whatever the dev server would send.
  headers.delete('content-security-policy');
  for (const [name, value] of Object.entries(securityHeaders(policy))) headers.set(name, value);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers });
}

/**
 * Answers one request of the window: only `maestro://app/…`, only GET and HEAD, only files
 * inside the renderer folder or the media folder (`..`, encoded separators and NUL refused by
 * resolveInside; hidden temp files of a render in progress refused by mediaFileFor).
 */
export async function serveAppRequest(request: Request, options: AppProtocolOptions): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound(options.policy);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') return notFound(options.policy);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Only GET and HEAD.', {
      status: 405,
      headers: { allow: 'GET, HEAD', ...securityHeaders(options.policy) },
    });
  }
  if (url.pathname.startsWith(MEDIA_PREFIX)) {
    return serveMediaFile(
      options.mediaDir,
      url.pathname.slice(MEDIA_PREFIX.length - 1),
      request,
      options.policy,
    );
  }
  if (options.devServer) return proxyToDevServer(options.devServer, url, request, options.policy);
  return serveRendererFile(options.rendererDir, url.pathname, request.method, options.policy);
}

/** Installs the handler on the default session (the login window's own session never gets it). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
