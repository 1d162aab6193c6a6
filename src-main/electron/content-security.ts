import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/http-server';

/** The same CSP as the headless server, sent as a header for every response the window loads. */
export function applyContentSecurityPolicy(session: Session, devServerUrl?: string): void {
  // The Vite dev server needs its own origin for hot reload; production loads files only.
  const policy = devServerUrl
    ? CONTENT_SECURITY_POLICY.replace(
        "connect-src 'self'",
        `connect-src 'self' ${new URL(devServerUrl).origin.replace('http', 'ws')}`,
      )
    : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  // No camera, microphone, notifications prompts or geolocation for the page itself.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
