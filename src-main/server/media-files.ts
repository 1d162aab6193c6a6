import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { resolveInside } from './static-files';

export const MEDIA_PATH_PREFIX = '/media/';

export const mediaContentTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
};

/**
 * The rendered file a media URL names, or undefined: only files of the known media types inside
 * the media folder, never anything above it (`..`, encoded slashes and NUL are refused by
 * resolveInside) and never hidden temp files of a render in progress.
 */
export function mediaFileFor(mediaDir: string, relativePath: string): string | undefined {
  const file = resolveInside(mediaDir, relativePath.startsWith('/') ? relativePath : `/${relativePath}`);
  if (!file || !(extname(file).toLowerCase() in mediaContentTypes)) return undefined;
  if (file.split(/[\\/]/).some((part) => part.startsWith('.'))) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a single "bytes=a-b" range against `size`; undefined for none or one we cannot serve. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : undefined;
}

/**
 * `GET /media/<path>`: a finished reel, frame or slide from the data folder's media directory,
 * with byte ranges so the video player can seek.
 */
export function serveMedia(
  mediaDir: string,
  urlPath: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const file = mediaFileFor(mediaDir, urlPath.slice(MEDIA_PATH_PREFIX.length - 1));
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end('No such media file.');
    return;
  }
  const size = statSync(file).size;
  const type = mediaContentTypes[extname(file).toLowerCase()]!;
  // A re-rendered job writes the same names: revalidate instead of caching forever.
  const common = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache', ...headers };
  const range = parseRange(req.headers.range, size);
  if (req.headers.range && !range) {
    res.writeHead(416, { 'content-range': `bytes */${size}`, ...headers });
    res.end();
    return;
  }
  if (range) {
    res.writeHead(206, {
      ...common,
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
      'content-length': range.end - range.start + 1,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file, range).pipe(res);
    return;
  }
  res.writeHead(200, { ...common, 'content-length': size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
