import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp4': 'video/mp4',
};

/** Resolves a URL path inside `root`, or undefined when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  const decoded = (() => {
    try {
      return decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
  })();
  if (decoded === undefined || decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(base, normalize('.' + decoded));
  return target === base || target.startsWith(base + sep) ? target : undefined;
}

/** Serves the built renderer; unknown paths get index.html so client-side routes reload. */
export function serveRenderer(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end('The control room is not built yet. Run `npm run build`, then start the server again.');
    return;
  }
  let file = resolveInside(root, urlPath);
  if (!file || !existsSync(file) || !statSync(file).isFile()) file = index;
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const cache = file === index ? 'no-store' : 'public, max-age=31536000, immutable';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache, ...headers });
  createReadStream(file).pipe(res);
}
