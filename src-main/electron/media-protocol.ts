import type { Net, Protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { mediaFileFor } from '../server/media-files';

/** `maestro-media://media/jobs/GEN-123456/video.mp4`: rendered files for the desktop window. */
export const MEDIA_SCHEME = 'maestro-media';

/**
 * Must run before the app is ready: a standard, secure scheme may be used by <video> and <img>
 * under the page's CSP, and `stream` lets the video player read byte ranges.
 */
export function registerMediaScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ]);
}

/** The file a media URL names inside `mediaDir`, or undefined (same rules as the HTTP route). */
export function mediaFileForUrl(mediaDir: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.host !== 'media') return undefined;
  return mediaFileFor(mediaDir, parsed.pathname);
}

/** Serves the data folder's media directory, and nothing else, on `maestro-media://media/`. */
export function handleMediaProtocol(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  mediaDir: string,
): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const file = mediaFileForUrl(mediaDir, request.url);
    if (!file) return new Response('No such media file.', { status: 404 });
    // net.fetch on a file URL answers Range requests, which the video player uses to seek.
    return net.fetch(pathToFileURL(file).toString(), { headers: request.headers });
  });
}
