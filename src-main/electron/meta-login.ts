import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  WebContents,
} from 'electron';
import type { MetaLoginOutcome } from '../../src-preload/desktop-bridge';
import { isExternalWebLink } from './navigation';

/** A session of its own: Facebook's cookies never mix with the app's window. Not persisted. */
export const META_LOGIN_PARTITION = 'maestro-meta-login';

export type LoginRedirect =
  | { kind: 'token'; token: string; state: string | null }
  | { kind: 'error'; error: string; description: string | null };

/**
 * Whether `url` is Meta's redirect back to `redirectUri`, and what it carries: the token in the
 * fragment (response_type=token), or an error (a denial comes back in the query). Any other
 * address — another Facebook page, a look-alike host or path — is null. Pure.
 */
export function readLoginRedirect(url: string, redirectUri: string): LoginRedirect | null {
  let target: URL;
  let expected: URL;
  try {
    target = new URL(url);
    expected = new URL(redirectUri);
  } catch {
    return null;
  }
  if (target.origin !== expected.origin || target.pathname !== expected.pathname) return null;
  const fragment = new URLSearchParams(target.hash.replace(/^#/, ''));
  const read = (name: string) => fragment.get(name) ?? target.searchParams.get(name);
  const token = fragment.get('access_token');
  if (token) return { kind: 'token', token, state: fragment.get('state') };
  const error = read('error') ?? read('error_reason');
  return {
    kind: 'error',
    error: error ?? 'no_token',
    description: read('error_description') ?? (error ? null : 'Meta sent no access token back.'),
  };
}

/** The login window may go to Meta's web pages (https); a local fake or sandbox over http on loopback too. */
export function isLoginNavigationAllowed(url: string): boolean {
  try {
    const target = new URL(url);
    if (target.protocol === 'https:') return true;
    return target.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
  } catch {
    return false;
  }
}

/** Web contents of open login windows: the app-wide guard leaves them to their own rules. */
const loginContents = new WeakSet<WebContents>();

export function isMetaLoginContents(contents: WebContents): boolean {
  return loginContents.has(contents);
}

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindowType;

/**
 * Facebook Login in a dedicated window (platform-apis.md §6): its own session, no preload, no
 * Node, sandboxed and isolated. Every navigation is watched for the redirect URI; the token is read
 * from its fragment and the window closes without loading that page. Navigations elsewhere must be
 * web pages; new windows open in the system browser.
 */
export function openMetaLoginWindow(
  deps: {
    BrowserWindow: BrowserWindowClass;
    openExternal: (url: string) => void;
    parent?: BrowserWindowType;
  },
  request: { url: string; redirectUri: string },
): Promise<MetaLoginOutcome> {
  const expectedState = new URL(request.url).searchParams.get('state');
  const window = new deps.BrowserWindow({
    width: 560,
    height: 720,
    parent: deps.parent,
    title: 'Connect Facebook and Instagram',
    autoHideMenuBar: true,
    show: true,
    webPreferences: {
      partition: META_LOGIN_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  const contents = window.webContents;
  loginContents.add(contents);

  return new Promise<MetaLoginOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: MetaLoginOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      if (!window.isDestroyed()) window.close();
    };

    const watch = (event: { preventDefault(): void; url?: string } | undefined, url: string | undefined) => {
      const address = url ?? event?.url ?? '';
      const redirect = readLoginRedirect(address, request.redirectUri);
      if (redirect) {
        event?.preventDefault();
        if (redirect.kind === 'error') {
          const denied = redirect.error === 'access_denied' || redirect.error === 'user_denied';
          settle({
            ok: false,
            reason: denied ? 'denied' : 'failed',
            message: denied
              ? 'You declined the Facebook permissions, so nothing was connected.'
              : `Facebook answered “${redirect.error}”${redirect.description ? `: ${redirect.description}` : ''}.`,
          });
        } else if (expectedState !== null && redirect.state !== expectedState) {
          settle({
            ok: false,
            reason: 'failed',
            message: 'The login answer did not match this sign-in; try again.',
          });
        } else {
          settle({ ok: true, userToken: redirect.token });
        }
        return;
      }
      if (event && !isLoginNavigationAllowed(address)) event.preventDefault();
    };

    contents.on('will-navigate', (event: { preventDefault(): void; url?: string }, url?: string) =>
      watch(event, url),
    );
    contents.on('will-redirect', (event: { preventDefault(): void; url?: string }, url?: string) =>
      watch(event, url),
    );
    // A redirect the will-* events did not show (e.g. a fragment-only change) still ends the login.
    contents.on('did-navigate', (_event: unknown, url: string) => watch(undefined, url));
    contents.on('did-navigate-in-page', (_event: unknown, url: string) => watch(undefined, url));
    contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebLink(url)) deps.openExternal(url);
      return { action: 'deny' };
    });
    window.on('closed', () =>
      settle({
        ok: false,
        reason: 'cancelled',
        message: 'The Facebook window was closed before the login finished.',
      }),
    );
    void window.loadURL(request.url).catch(() => undefined);
  });
}
