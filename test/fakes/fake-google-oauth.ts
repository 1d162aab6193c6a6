/**
 * Google OAuth 2.0 for installed apps (reference §5.7): the authorization endpoint with automatic
 * (or scripted) consent for a Desktop client and a loopback redirect on any port, PKCE S256,
 * the token endpoint (authorization_code, refresh_token), revocation and tokeninfo.
 * OOB and non-loopback redirects are refused with Google's HTML error page.
 */
import { createHash } from 'node:crypto';
import { json, type FakeAnswer, type RecordedRequest } from './fake-http';
import type { GoogleWorld } from './fake-google-server';
import {
  KNOWN_SCOPES,
  oauthErrorAnswer,
  type AccessTokenRecord,
  type ClientRecord,
} from './fake-google-model';

const OOB = new Set(['urn:ietf:wg:oauth:2.0:oob', 'urn:ietf:wg:oauth:2.0:oob:auto', 'oob']);
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

function errorPage(status: number, error: string, detail: string): FakeAnswer {
  const text = `<!doctype html><html><head><title>Error ${status}: ${error}</title></head><body><h1>Access blocked: this app's request is invalid</h1><p>Error ${status}: ${error}</p><p>${detail.replace(/</g, '&lt;')}</p></body></html>`;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-fake-oauth-error': error },
    body: text,
  };
}

function redirect(to: URL): FakeAnswer {
  return { status: 302, headers: { location: to.toString(), 'content-length': 0 }, body: '' };
}

function isLoopback(world: GoogleWorld, uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.username || url.password || url.hash) return false;
  return (
    url.hostname === '127.0.0.1' ||
    url.hostname === '[::1]' ||
    (world.options.allowLocalhostRedirect && url.hostname === 'localhost')
  );
}

export function authorize(world: GoogleWorld, request: RecordedRequest): FakeAnswer {
  const q = request.query;
  if (request.method !== 'GET') return errorPage(405, 'invalid_request', 'Use GET.');
  const client = q.client_id ? world.clients.get(q.client_id) : undefined;
  if (!client) return errorPage(401, 'invalid_client', 'The OAuth client was not found.');
  if (!q.redirect_uri) return errorPage(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (OOB.has(q.redirect_uri)) {
    return errorPage(
      400,
      'invalid_request',
      'The out-of-band (OOB) flow has been blocked in order to keep users secure. Use a loopback redirect.',
    );
  }
  if (client.type !== 'desktop' || !isLoopback(world, q.redirect_uri)) {
    return errorPage(
      400,
      'redirect_uri_mismatch',
      `redirect_uri=${q.redirect_uri} is not a loopback address (http://127.0.0.1:<port> or http://[::1]:<port>) of a Desktop client.`,
    );
  }
  if (q.response_type !== 'code') {
    return errorPage(
      400,
      'unsupported_response_type',
      `response_type must be code, not ${q.response_type ?? 'missing'}`,
    );
  }
  const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) return errorPage(400, 'invalid_request', 'Missing required parameter: scope');
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  if (unknown.length > 0)
    return errorPage(400, 'invalid_scope', `Some requested scopes were invalid: ${unknown.join(' ')}`);
  if (q.access_type !== undefined && q.access_type !== 'online' && q.access_type !== 'offline') {
    return errorPage(400, 'invalid_request', `Invalid access_type: ${q.access_type}`);
  }
  if (q.code_challenge !== undefined || world.options.requirePkce) {
    if (!q.code_challenge)
      return errorPage(400, 'invalid_request', 'Missing required parameter: code_challenge');
    if (q.code_challenge_method !== 'S256') {
      return errorPage(400, 'invalid_request', 'code_challenge_method must be S256');
    }
    if (!/^[A-Za-z0-9\-_]{43}$/.test(q.code_challenge)) {
      return errorPage(
        400,
        'invalid_request',
        'code_challenge must be the base64url SHA-256 of the verifier',
      );
    }
  }
  const prompts = (q.prompt ?? '').split(/\s+/).filter(Boolean);
  const back = new URL(q.redirect_uri);
  const answer = (params: Record<string, string>) => {
    for (const [name, value] of Object.entries(params)) back.searchParams.set(name, value);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    return redirect(back);
  };
  const grantKey = `${client.clientId} ${world.signedIn}`;
  if (world.consent.deny > 0) {
    world.consent.deny -= 1;
    return answer({ error: 'access_denied' });
  }
  if (prompts.includes('none') && !world.grants.has(grantKey)) return answer({ error: 'consent_required' });
  const firstConsent = !world.grants.has(grantKey);
  world.grants.add(grantKey);
  const code = `4/fake-code-${world.nextSeq()}`;
  world.codes.set(code, {
    code,
    clientId: client.clientId,
    channelId: world.signedIn,
    redirectUri: q.redirect_uri,
    scopes,
    ...(q.code_challenge ? { codeChallenge: q.code_challenge } : {}),
    issueRefreshToken:
      q.access_type === 'offline' &&
      (firstConsent || prompts.includes('consent') || !world.options.refreshTokenOnlyOnFirstConsent),
    expiresAt: new Date(world.now().getTime() + world.options.authorizationCodeSeconds * 1000),
    used: false,
  });
  return answer({ code, scope: scopes.join(' ') });
}

/** Client credentials from the form or HTTP Basic; null with the refusal when they do not hold. */
function authenticateClient(world: GoogleWorld, request: RecordedRequest, form: Record<string, string>) {
  let clientId = form.client_id;
  let clientSecret = form.client_secret;
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    clientId = decodeURIComponent(id ?? '');
    clientSecret = decodeURIComponent(secret ?? '');
  }
  const client = clientId ? world.clients.get(clientId) : undefined;
  if (!client) return { refusal: oauthErrorAnswer(401, 'invalid_client', 'The OAuth client was not found.') };
  if (clientSecret === undefined && world.options.requireClientSecret) {
    return { refusal: oauthErrorAnswer(400, 'invalid_request', 'client_secret is missing.') };
  }
  if (clientSecret !== undefined && clientSecret !== client.clientSecret) {
    return { refusal: oauthErrorAnswer(401, 'invalid_client', 'Unauthorized') };
  }
  return { client };
}

function formOf(request: RecordedRequest): Record<string, string> | null {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded'
    ? ((request.body as Record<string, string>) ?? {})
    : null;
}

function tokenAnswer(world: GoogleWorld, access: AccessTokenRecord, refreshToken?: string): FakeAnswer {
  const refresh = refreshToken ? world.refreshTokens.get(refreshToken) : undefined;
  return json(
    200,
    {
      access_token: access.value,
      expires_in: world.options.accessTokenSeconds,
      ...(refresh ? { refresh_token: refresh.value } : {}),
      ...(refresh?.expiresAt
        ? {
            refresh_token_expires_in: Math.round(
              (refresh.expiresAt.getTime() - world.now().getTime()) / 1000,
            ),
          }
        : {}),
      scope: access.scopes.join(' '),
      token_type: 'Bearer',
    },
    { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' },
  );
}

export function token(world: GoogleWorld, request: RecordedRequest): FakeAnswer {
  if (request.method !== 'POST') return oauthErrorAnswer(405, 'invalid_request', 'Use POST.');
  const form = formOf(request);
  if (!form) {
    return oauthErrorAnswer(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
  }
  const grantType = form.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthErrorAnswer(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }
  const { client, refusal } = authenticateClient(world, request, form);
  if (refusal) return refusal;
  return grantType === 'authorization_code'
    ? exchangeCode(world, client!, form)
    : refresh(world, client!, form);
}

function exchangeCode(world: GoogleWorld, client: ClientRecord, form: Record<string, string>): FakeAnswer {
  const code = form.code ? world.codes.get(form.code) : undefined;
  if (!form.code) return oauthErrorAnswer(400, 'invalid_request', 'Missing required parameter: code');
  if (!code || code.used || code.clientId !== client.clientId) {
    return oauthErrorAnswer(400, 'invalid_grant', 'Malformed auth code.');
  }
  if (world.now().getTime() >= code.expiresAt.getTime()) {
    return oauthErrorAnswer(400, 'invalid_grant', 'The authorization code has expired.');
  }
  if (form.redirect_uri !== code.redirectUri) {
    return oauthErrorAnswer(400, 'redirect_uri_mismatch', 'Bad Request');
  }
  if (code.codeChallenge !== undefined) {
    if (!form.code_verifier) return oauthErrorAnswer(400, 'invalid_grant', 'Missing code verifier.');
    if (!PKCE_VALUE.test(form.code_verifier))
      return oauthErrorAnswer(400, 'invalid_grant', 'Invalid code verifier.');
    const challenge = createHash('sha256').update(form.code_verifier).digest('base64url');
    if (challenge !== code.codeChallenge)
      return oauthErrorAnswer(400, 'invalid_grant', 'Invalid code verifier.');
  }
  code.used = true;
  let refreshValue: string | undefined;
  if (code.issueRefreshToken) {
    const issuedAt = world.now();
    const lifetime = world.options.refreshTokenLifetimeMs;
    refreshValue = `1//fake-refresh-${world.nextSeq()}`;
    world.refreshTokens.set(refreshValue, {
      value: refreshValue,
      clientId: client.clientId,
      channelId: code.channelId,
      scopes: code.scopes,
      issuedAt,
      expiresAt: lifetime === null ? null : new Date(issuedAt.getTime() + lifetime),
      revoked: false,
    });
  }
  const access = world.issueAccessToken(client.clientId, code.channelId, code.scopes, refreshValue);
  return tokenAnswer(world, access, refreshValue);
}

function refresh(world: GoogleWorld, client: ClientRecord, form: Record<string, string>): FakeAnswer {
  if (!form.refresh_token)
    return oauthErrorAnswer(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const record = world.refreshTokens.get(form.refresh_token);
  const expired = record?.expiresAt && world.now().getTime() >= record.expiresAt.getTime();
  if (!record || record.revoked || expired || record.clientId !== client.clientId) {
    return oauthErrorAnswer(400, 'invalid_grant', 'Token has been expired or revoked.');
  }
  const access = world.issueAccessToken(client.clientId, record.channelId, record.scopes, record.value);
  return tokenAnswer(world, access);
}

export function revoke(world: GoogleWorld, request: RecordedRequest): FakeAnswer {
  if (request.method !== 'POST') return oauthErrorAnswer(405, 'invalid_request', 'Use POST.');
  const value = request.query.token ?? (formOf(request) ?? {}).token;
  if (!value) return oauthErrorAnswer(400, 'invalid_request', 'Missing required parameter: token');
  const refreshRecord = world.refreshTokens.get(value);
  const access = world.accessTokens.get(value);
  if ((!refreshRecord || refreshRecord.revoked) && (!access || access.revoked)) {
    return oauthErrorAnswer(400, 'invalid_token', 'Token expired or revoked');
  }
  // Revoking either half of a grant revokes the refresh token and every access token from it.
  const refreshValue = refreshRecord?.value ?? access?.refreshToken;
  if (refreshValue) world.revokeRefreshToken(refreshValue);
  if (access) access.revoked = true;
  return json(200, {});
}

export function tokenInfo(world: GoogleWorld, request: RecordedRequest): FakeAnswer {
  const access = world.accessTokens.get(request.query.access_token ?? '');
  if (!access || access.revoked || world.now().getTime() >= access.expiresAt.getTime()) {
    return oauthErrorAnswer(400, 'invalid_token', 'Invalid Value');
  }
  const exp = Math.floor(access.expiresAt.getTime() / 1000);
  return json(200, {
    azp: access.clientId,
    aud: access.clientId,
    scope: access.scopes.join(' '),
    exp: String(exp),
    expires_in: String(exp - Math.floor(world.now().getTime() / 1000)),
    access_type: access.refreshToken ? 'offline' : 'online',
  });
}
