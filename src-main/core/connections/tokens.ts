import type { SecretKey } from '../contract/settings';

/**
 * Where each credential lives in the secret store (encrypted by the injected cipher). The
 * renderer never reads any of them: connections.list reports accounts, status and expiry only.
 */
export const appSecretKeys = {
  /** The creator's own Meta app secret (Settings → Meta app); needed for the token exchange. */
  metaAppSecret: 'meta.appSecret',
  /** The creator's own Google OAuth client secret (Settings → Google OAuth client). */
  googleClientSecret: 'google.clientSecret',
} as const satisfies Record<string, SecretKey>;

/** The long-lived (~60 days) Facebook user token; Instagram calls use it. */
export function metaUserTokenKey(brandId: string): SecretKey {
  return `brand:${brandId}:metaAccessToken`;
}

/** The Page token derived from the long-lived user token; it does not expire. */
export function facebookPageTokenKey(brandId: string): SecretKey {
  return `brand:${brandId}:facebookPageToken`;
}

/** Google's refresh token for the brand's channel; access tokens are derived from it in memory. */
export function youtubeRefreshTokenKey(brandId: string): SecretKey {
  return `brand:${brandId}:youtubeRefreshToken`;
}

/**
 * A refresh token waiting to be revoked at Google after its connection was removed (the
 * token_revocations outbox); deleted once Google answered or the worker gave up.
 */
export function googleRevocationTokenKey(revocationId: string): SecretKey {
  return `google.revoke.${revocationId}`;
}
