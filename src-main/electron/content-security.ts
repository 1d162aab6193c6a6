import type { Session } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  cspDirectives,
  serializeCsp,
  type DevServerPolicy,
} from '../shared/content-security-policy';
import { isAppUrl } from './navigation';

/** The header the window's pages get: the production policy, or the dev one under `npm run dev`. */
export function windowContentSecurityPolicy(dev?: DevServerPolicy): string {
  return dev ? serializeCsp(cspDirectives(dev), 'header') : CONTENT_SECURITY_POLICY;
}

/**
 * The only permission the window ever gets is fullscreen, for the video player's button, and only
 * for our own pages. Camera, microphone, notifications prompts, geolocation, clipboard reads,
 * MIDI, HID and the rest are refused, asked or merely checked.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  appOrigin: string | null,
): boolean {
  return appOrigin !== null && permission === 'fullscreen' && isAppUrl(requestingUrl, appOrigin);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * The request handler answers prompts, the check handler answers the page's silent queries
 * (`navigator.permissions`, feature detection): both must agree, or a check could report a
 * permission the request would refuse. `appOrigin` null (the Facebook Login window): refuse all.
 */
export function restrictPermissions(session: PermissionSession, appOrigin: string | null): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details?.requestingUrl ?? contents?.getURL() ?? '';
    callback(isPermissionAllowed(permission, url, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin),
  );
  // USB, serial and HID devices: never.
  session.setDevicePermissionHandler(() => false);
}
