import type { WebContents } from 'electron';

/**
 * The window may only ever show our own renderer. Anything else (a link in a caption, a
 * redirect, window.open) is refused; http(s) links open in the user's browser instead.
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appOrigin);
    // Scheme and host, not URL.origin: a custom scheme's origin is "null" to Node's URL parser.
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const guarded = new WeakSet<WebContents>();

/**
 * `hasOwnGuard` is asked at each navigation (not when the contents is created, before its window
 * could say what it is): true only for a window that keeps its own stricter rules, such as the
 * Facebook Login window, which must reach facebook.com and is watched for its redirect.
 */
export function guardNavigation(
  contents: WebContents,
  appOrigin: string,
  openExternal: (url: string) => void,
  hasOwnGuard: () => boolean = () => false,
): void {
  // The app-wide hook guards every contents as it is created, the window code guards its own:
  // one guard each, or every refused link would open twice in the browser.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appOrigin) || hasOwnGuard()) return;
    event.preventDefault();
    if (isExternalWebLink(url)) openExternal(url);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  // Frames too (an <iframe> in a caption preview, a frame redirected by a script): they stay on
  // our origin and are never opened in the browser on the page's behalf. The main frame is
  // already handled above, so each refused link opens at most once.
  contents.on(
    'will-frame-navigate',
    (event: { preventDefault(): void; url: string; isMainFrame: boolean }) => {
      if (event.isMainFrame || isAppUrl(event.url, appOrigin) || hasOwnGuard()) return;
      event.preventDefault();
    },
  );
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}
