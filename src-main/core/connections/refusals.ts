import { AppError } from '../contract/errors';
import type { Platform } from '../contract/publishing';
import { PlatformError } from '../platforms/platform-error';
import type { ConnectionWaitReason } from './connection-rows';
import { platformNames } from '../contract/publishing';

/**
 * No connection (or its tokens are gone): an AppError `not_found`, which the publisher turns into
 * a target waiting with 'not_connected'.
 */
export function notConnected(platform: Platform, message: string): AppError {
  return new AppError('not_found', `${message} Connect ${platformNames[platform]} in Brands → Connections.`, {
    platform,
    waitReason: 'not_connected' satisfies ConnectionWaitReason,
  });
}

/**
 * An expired connection: a PlatformError of kind `auth`, as if the platform had refused the
 * token, so the publisher holds the post with 'connection_expired' without calling anyone.
 */
export function connectionExpired(platform: Platform, message: string): PlatformError {
  return new PlatformError({
    platform,
    kind: 'auth',
    code: 'connection_expired',
    message,
    suggestedFix: `Reconnect ${platformNames[platform]} in Brands → Connections.`,
    details: { waitReason: 'connection_expired' satisfies ConnectionWaitReason },
  });
}
