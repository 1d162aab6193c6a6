/**
 * The one Content-Security-Policy of the control room. The built index.html carries it as a meta
 * tag (written by the Vite build from this module), the desktop's `maestro://app` handler and
 * the headless server send it as a header. Both transports serve the page, its scripts and the
 * rendered media from one origin, so `'self'` is all a preview needs.
 *
 * Plain data and string functions only: the Electron shell, the headless server and the Vite
 * config all import it, and none of them may pull the others' runtime in.
 */

export type CspDirectives = Record<string, readonly string[]>;

const productionDirectives: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets style attributes and FullCalendar injects its own <style>: both need inline styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Browsers ignore these in a meta tag (and warn about it), so the meta policy leaves them out. */
const headerOnlyDirectives = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export interface DevServerPolicy {
  /** A random nonce for this `npm run dev` run: Vite puts it on the React refresh preamble. */
  nonce: string;
  /** Where the Vite client opens its hot-reload WebSocket, e.g. ws://localhost:5173. */
  hmrOrigin: string;
}

/**
 * The directives for production, or for `npm run dev`: there the inline React refresh preamble is
 * allowed by its nonce (never `'unsafe-inline'`) and the page may open Vite's hot-reload socket.
 * Nothing else is widened.
 */
export function cspDirectives(dev?: DevServerPolicy): CspDirectives {
  if (!dev) return productionDirectives;
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(dev.nonce)) throw new Error('The dev CSP nonce is malformed.');
  if (!/^wss?:\/\/[^\s;,']+$/.test(dev.hmrOrigin)) throw new Error('The dev HMR origin is malformed.');
  return {
    ...productionDirectives,
    'script-src': [...productionDirectives['script-src']!, `'nonce-${dev.nonce}'`],
    'connect-src': [...productionDirectives['connect-src']!, dev.hmrOrigin],
  };
}

export function serializeCsp(directives: CspDirectives, delivery: 'header' | 'meta'): string {
  return Object.entries(directives)
    .filter(([name]) => delivery === 'header' || !headerOnlyDirectives.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy sent as a header by both transports in production. */
export const CONTENT_SECURITY_POLICY = serializeCsp(productionDirectives, 'header');

/** The same policy as index.html carries it. */
export const CONTENT_SECURITY_POLICY_META = serializeCsp(productionDirectives, 'meta');

/** Parses a policy back into directives (for tests and for checking a built page). */
export function parseCsp(policy: string): CspDirectives {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}
