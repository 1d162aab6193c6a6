import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'maestro_token';

/** A fresh secret per run: whoever can read the server's console can open the control room. */
export function newRunToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export type TokenSource = 'header' | 'query' | 'cookie' | null;

/** Where a valid token came from, if any: bearer header, `?token=`, or the session cookie. */
export function tokenSource(req: IncomingMessage, url: URL, token: string): TokenSource {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7), token)) return 'header';
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return 'query';
  if (sameToken(cookieValue(req, TOKEN_COOKIE), token)) return 'cookie';
  return null;
}

/**
 * Only our own origin may talk to us: a page elsewhere that resolves a hostname to 127.0.0.1
 * (DNS rebinding) sends its own Host header and is refused.
 */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
