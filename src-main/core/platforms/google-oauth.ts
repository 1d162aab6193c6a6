import { createHash, randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../ports/clock';
import { httpCall, type Fetch, type HttpAnswer } from './http-call';
import { PlatformError } from './platform-error';
import type { PlatformUsage } from './platform-usage';
import { classifyGoogleError } from './youtube-client';

/**
 * Google OAuth for installed apps (platform-apis.md §5.7): the creator's own "Desktop app"
 * client, the system browser, a loopback redirect on 127.0.0.1 and PKCE (S256). Nothing here
 * stores anything; the connections service decides what to keep.
 */

export interface GoogleClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface GoogleTokenEndpoint {
  tokenUrl: string;
  timeoutMs: number;
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** A fresh random value for `state` or a PKCE verifier (43 characters, RFC 7636's minimum). */
export function randomUrlToken(bytes = 32): string {
  return base64url(randomBytes(bytes));
}

export function codeChallengeOf(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomUrlToken(32);
  return { verifier, challenge: codeChallengeOf(verifier) };
}

export function googleAuthorizeUrl(input: {
  authUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(input.authUrl);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: input.scopes.join(' '),
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
    // A refresh token comes only with offline access, and only on a consent screen.
    access_type: 'offline',
    prompt: 'consent',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

export type LoopbackResult =
  { kind: 'code'; code: string } | { kind: 'error'; error: string; description: string | null };

export interface LoopbackPage {
  ok: boolean;
  title: string;
  message: string;
}

export interface LoopbackListener {
  redirectUri: string;
  /** The first redirect that carries our state: a code or Google's error (e.g. access_denied). */
  result: Promise<LoopbackResult>;
  /** Answers the browser tab that is waiting on the redirect, then stops listening. */
  finish(page: LoopbackPage): void;
  /** Stops listening without a redirect (a timeout, a newer sign-in, the app closing). */
  close(): void;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function writePage(res: ServerResponse, status: number, page: LoopbackPage): void {
  if (res.writableEnded) return;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.4rem;color:${page.ok ? '#166534' : '#991b1b'}}</style></head>
<body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

/**
 * A one-shot listener on 127.0.0.1 (a random port, as RFC 8252 §7.3 allows) for Google's
 * redirect. A request without our `state` is answered and ignored, so a stray or forged visit
 * cannot end the sign-in; the matching one is held open until `finish` says how it went.
 */
export async function listenOnLoopback(options: { state: string; path?: string }): Promise<LoopbackListener> {
  const path = options.path ?? '/oauth2callback';
  let settle: (result: LoopbackResult) => void = () => undefined;
  const result = new Promise<LoopbackResult>((resolve) => (settle = resolve));
  let waiting: ServerResponse | null = null;
  let settled = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (url.searchParams.get('state') !== options.state) {
      writePage(res, 400, {
        ok: false,
        title: 'This is not the sign-in Maestro started',
        message: 'Start “Connect YouTube” again from Maestro.',
      });
      return;
    }
    if (settled) {
      writePage(res, 409, {
        ok: false,
        title: 'Already handled',
        message: 'Maestro already received this sign-in. You can close this tab.',
      });
      return;
    }
    settled = true;
    waiting = res;
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    settle(
      code && !error
        ? { kind: 'code', code }
        : {
            kind: 'error',
            error: error ?? 'no_code',
            description: url.searchParams.get('error_description'),
          },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A forgotten sign-in must not keep the process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;

  const close = () => {
    server.close();
    server.closeIdleConnections();
  };
  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    result,
    finish(page) {
      if (waiting) writePage(waiting, page.ok ? 200 : 400, page);
      waiting = null;
      close();
    },
    close() {
      if (waiting)
        writePage(waiting, 410, {
          ok: false,
          title: 'Sign-in ended',
          message: 'Start it again from Maestro.',
        });
      waiting = null;
      close();
    },
  };
}

export interface GoogleTokens {
  accessToken: string;
  expiresInSeconds: number;
  /** Present on the first consent with access_type=offline. */
  refreshToken: string | null;
  scope: string | null;
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}

/**
 * One form POST to a Google OAuth endpoint (token, revoke). No answer at all is recorded in
 * api_usage as an `offline` `google` call and rethrown; any answer is returned with its latency
 * for the caller to judge and record.
 */
export async function postGoogleForm(
  operation: string,
  endpoint: { url: string; timeoutMs: number },
  params: Record<string, string>,
  usage: PlatformUsage,
  fetchImpl: Fetch | undefined,
): Promise<{ answer: HttpAnswer; latencyMs: number }> {
  const started = performance.now();
  try {
    const answer = await httpCall('youtube', operation, endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params),
      timeoutMs: endpoint.timeoutMs,
      fetch: fetchImpl,
    });
    return { answer, latencyMs: performance.now() - started };
  } catch (error) {
    await usage.record({
      service: 'google',
      operation,
      latencyMs: performance.now() - started,
      outcome: 'offline',
      error: (error as Error).message,
    });
    throw error;
  }
}

/** One POST to the token endpoint, recorded in api_usage as a `google` call. */
async function tokenRequest(
  operation: string,
  endpoint: GoogleTokenEndpoint,
  params: Record<string, string>,
  usage: PlatformUsage,
  fetchImpl: Fetch | undefined,
): Promise<GoogleTokens> {
  const { answer, latencyMs } = await postGoogleForm(
    operation,
    { url: endpoint.tokenUrl, timeoutMs: endpoint.timeoutMs },
    params,
    usage,
    fetchImpl,
  );
  const body = answer.json as TokenAnswer | undefined;
  if (answer.status >= 200 && answer.status < 300 && body?.access_token) {
    await usage.record({ service: 'google', operation, latencyMs, outcome: 'ok' });
    return {
      accessToken: body.access_token,
      expiresInSeconds: typeof body.expires_in === 'number' ? body.expires_in : 3600,
      refreshToken: body.refresh_token ?? null,
      scope: body.scope ?? null,
    };
  }
  const error =
    answer.status >= 200 && answer.status < 300
      ? new PlatformError({
          platform: 'youtube',
          kind: 'transient',
          message: `${operation}: Google's answer carried no access token.`,
          status: answer.status,
        })
      : classifyGoogleError(answer.status, answer.json);
  await usage.record({ service: 'google', operation, latencyMs, outcome: 'error', error: error.message });
  throw error;
}

/** Trades the authorization code (and the PKCE verifier that proves we asked for it) for tokens. */
export function exchangeAuthorizationCode(
  input: GoogleClientCredentials & { code: string; codeVerifier: string; redirectUri: string },
  endpoint: GoogleTokenEndpoint,
  usage: PlatformUsage,
  fetchImpl?: Fetch,
): Promise<GoogleTokens> {
  return tokenRequest(
    'oauth.code',
    endpoint,
    {
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.codeVerifier,
      client_id: input.clientId,
      client_secret: input.clientSecret,
      redirect_uri: input.redirectUri,
    },
    usage,
    fetchImpl,
  );
}

/**
 * Access tokens from refresh tokens, kept in memory until shortly before they expire, so a
 * publish of many requests costs one refresh. Concurrent asks for the same key share one
 * refresh. A refused refresh token (`invalid_grant`) is a PlatformError of kind `auth`.
 */
export class GoogleAccessTokens {
  private readonly cached = new Map<string, { token: string; refreshAt: number }>();
  private readonly inFlight = new Map<string, Promise<string>>();
  /** Bumped by `forget`, so a refresh already under way does not bring a forgotten token back. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly deps: {
      clock: Clock;
      usage: PlatformUsage;
      endpoint: () => Promise<GoogleTokenEndpoint>;
      client: () => Promise<GoogleClientCredentials>;
      /** Refresh this long before Google's stated expiry. */
      marginMs: number;
      fetch?: Fetch;
    },
  ) {}

  remember(key: string, accessToken: string, expiresInSeconds: number): void {
    const refreshAt = this.deps.clock.now().getTime() + expiresInSeconds * 1000 - this.deps.marginMs;
    this.cached.set(key, { token: accessToken, refreshAt });
  }

  forget(key: string): void {
    this.cached.delete(key);
    this.inFlight.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
  }

  async accessToken(key: string, refreshToken: string): Promise<string> {
    const hit = this.cached.get(key);
    if (hit && this.deps.clock.now().getTime() < hit.refreshAt) return hit.token;
    const running = this.inFlight.get(key);
    if (running) return running;
    const refresh = this.refresh(key, refreshToken).finally(() => {
      if (this.inFlight.get(key) === refresh) this.inFlight.delete(key);
    });
    this.inFlight.set(key, refresh);
    return refresh;
  }

  private async refresh(key: string, refreshToken: string): Promise<string> {
    this.cached.delete(key);
    const generation = this.generation.get(key) ?? 0;
    const client = await this.deps.client();
    const tokens = await tokenRequest(
      'oauth.refresh',
      await this.deps.endpoint(),
      {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
      this.deps.usage,
      this.deps.fetch,
    );
    if ((this.generation.get(key) ?? 0) === generation) {
      this.remember(key, tokens.accessToken, tokens.expiresInSeconds);
    }
    return tokens.accessToken;
  }
}
