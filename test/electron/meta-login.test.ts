import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../fakes/fake-electron';
import { appOrigin, useDesktopShell } from './desktop-shell';

vi.mock('electron', () => import('../fakes/fake-electron'));

const { META_LOGIN_PARTITION, openMetaLoginWindow, readLoginRedirect } =
  await import('../../src-main/electron/meta-login');
const { isSafeExternalUrl } = await import('../../src-main/electron/desktop-ipc');
const { desktopChannels } = await import('../../src-preload/desktop-bridge');

const REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const DIALOG = `https://www.facebook.com/v25.0/dialog/oauth?client_id=1000000000000001&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=token&state=s7a7e&scope=pages_show_list`;

function openLogin(url = DIALOG) {
  const opened: string[] = [];
  const outcome = openMetaLoginWindow(
    { BrowserWindow: fake.BrowserWindow as never, openExternal: (u) => opened.push(u) },
    { url, redirectUri: REDIRECT },
  );
  const window = fake.BrowserWindow.windows.at(-1)!;
  return { outcome, window, contents: window.webContents, opened };
}

beforeEach(() => fake.resetFakeElectron());

describe('reading Meta’s redirect', () => {
  it('takes the token from the fragment of the redirect URI only', () => {
    expect(
      readLoginRedirect(`${REDIRECT}#access_token=EAAtoken123&expires_in=5183&state=s7a7e`, REDIRECT),
    ).toEqual({
      kind: 'token',
      token: 'EAAtoken123',
      state: 's7a7e',
    });
    // Look-alikes and other Facebook pages are not the redirect.
    for (const url of [
      'https://www.facebook.com.evil.example/connect/login_success.html#access_token=x',
      'https://evil.example/connect/login_success.html#access_token=x',
      'http://www.facebook.com/connect/login_success.html#access_token=x',
      'https://www.facebook.com/connect/login_success.htmlx#access_token=x',
      'https://www.facebook.com/login.php?next=https%3A%2F%2Fwww.facebook.com%2Fconnect%2Flogin_success.html%23access_token%3Dx',
      'not a url',
    ]) {
      expect(readLoginRedirect(url, REDIRECT)).toBeNull();
    }
  });

  it('reads a denial from the query and a missing token as an error', () => {
    expect(
      readLoginRedirect(
        `${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=Permissions+error`,
        REDIRECT,
      ),
    ).toEqual({ kind: 'error', error: 'access_denied', description: 'Permissions error' });
    expect(readLoginRedirect(REDIRECT, REDIRECT)).toMatchObject({ kind: 'error', error: 'no_token' });
  });
});

describe('the Facebook Login window', () => {
  it('is isolated: its own session, sandboxed, no Node, no preload, and loads the dialog', async () => {
    const { window, outcome } = openLogin();
    expect(window.options.webPreferences).toMatchObject({
      partition: META_LOGIN_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window.options.webPreferences.preload).toBeUndefined();
    expect(window.loadedUrl).toBe(DIALOG);
    window.close();
    await outcome;
  });

  it('lets Facebook’s own pages load, then reads the token from the redirect and closes', async () => {
    const { contents, outcome, window } = openLogin();
    expect(contents.tryNavigate('will-navigate', 'https://www.facebook.com/login.php?skip_api_login=1')).toBe(
      false,
    );
    expect(contents.tryNavigate('will-redirect', 'https://www.facebook.com/v25.0/dialog/oauth/confirm')).toBe(
      false,
    );
    contents.navigated('https://www.facebook.com/v25.0/dialog/oauth?state=s7a7e');
    expect(window.destroyed).toBe(false);

    expect(
      contents.tryNavigate(
        'will-redirect',
        `${REDIRECT}#access_token=EAAshort-lived-1&expires_in=5400&state=s7a7e`,
      ),
    ).toBe(true);
    expect(await outcome).toEqual({ ok: true, userToken: 'EAAshort-lived-1' });
    expect(window.destroyed).toBe(true);
  });

  it('also ends on a redirect seen only once it happened (did-navigate)', async () => {
    const { contents, outcome } = openLogin();
    contents.navigated(`${REDIRECT}#access_token=EAAafter-1&state=s7a7e`, true);
    expect(await outcome).toEqual({ ok: true, userToken: 'EAAafter-1' });
  });

  it('does not mistake a navigation elsewhere for the redirect, and refuses non-web schemes', async () => {
    const { contents, outcome, window, opened } = openLogin();
    expect(
      contents.tryNavigate(
        'will-navigate',
        'https://www.facebook.com.evil.example/connect/login_success.html#access_token=stolen',
      ),
    ).toBe(false);
    expect(contents.tryNavigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.tryNavigate('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://www.facebook.com/help' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.facebook.com/help']);
    expect(window.destroyed).toBe(false);
    window.close();
    expect(await outcome).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('refuses a token whose state is not the one it asked with, and says a denial in plain words', async () => {
    const forged = openLogin();
    forged.contents.tryNavigate('will-redirect', `${REDIRECT}#access_token=EAAforged&state=other`);
    expect(await forged.outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(forged.window.destroyed).toBe(true);

    const denied = openLogin();
    denied.contents.tryNavigate('will-redirect', `${REDIRECT}?error=access_denied&error_reason=user_denied`);
    expect(await denied.outcome).toEqual({
      ok: false,
      reason: 'denied',
      message: 'You declined the Facebook permissions, so nothing was connected.',
    });
  });
});

describe('system browser', () => {
  it('opens https, and http only on this computer', () => {
    expect(isSafeExternalUrl('https://accounts.google.com/o/oauth2/v2/auth?x=1')).toBe(true);
    expect(isSafeExternalUrl('http://127.0.0.1:5123/o/oauth2/v2/auth')).toBe(true);
    for (const url of [
      'http://accounts.google.com/o/oauth2/v2/auth',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'maestro-media://x',
      'smb://server/share',
      'https://user:pass@example.com/',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('through the desktop app', () => {
  const { start } = useDesktopShell();

  function callFrom(url: string, channel: string, ...args: unknown[]) {
    return fake.ipcMain.handlers.get(channel)!({ senderFrame: { url } }, ...args);
  }

  it('opens the login window from the creator’s Meta app settings while the main window stays closed to the outside', async () => {
    const desktop = await start();
    await desktop.core.invoke('brands.create', {
      id: 'healthy-college',
      displayName: 'Healthy',
      colors: { primary: '#004F00', accent: '#dcf6c8' },
    });
    await desktop.core.invoke('settings.set', { values: { metaAppId: '1000000000000001' } });
    await desktop.core.invoke('secrets.set', { key: 'meta.appSecret', value: 'app-secret' });

    // A page that is not ours gets nothing.
    expect(
      await callFrom('https://evil.example/', desktopChannels.metaLogin, 'healthy-college'),
    ).toMatchObject({
      ok: false,
    });
    expect(fake.BrowserWindow.windows).toHaveLength(1);

    const pending = callFrom(appOrigin, desktopChannels.metaLogin, 'healthy-college') as Promise<unknown>;
    await vi.waitFor(() => expect(fake.BrowserWindow.windows).toHaveLength(2));
    const [main, login] = fake.BrowserWindow.windows as [fake.BrowserWindow, fake.BrowserWindow];
    const dialog = new URL(login.loadedUrl!);
    expect(`${dialog.origin}${dialog.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(dialog.searchParams.get('client_id')).toBe('1000000000000001');
    expect(login.options.parent).toBe(main);
    expect(fake.session.partitions.get(META_LOGIN_PARTITION)?.permissionHandler).toBeDefined();

    // The app-wide guard leaves the login window to its own rules; the main window stays closed.
    expect(login.webContents.tryNavigate('will-navigate', 'https://www.facebook.com/login.php')).toBe(false);
    expect(main.webContents.tryNavigate('will-navigate', 'https://www.facebook.com/login.php')).toBe(true);
    expect(main.webContents.tryNavigate('will-redirect', `${REDIRECT}#access_token=x`)).toBe(true);
    expect(fake.shell.opened).toEqual(['https://www.facebook.com/login.php', `${REDIRECT}#access_token=x`]);

    login.webContents.tryNavigate(
      'will-redirect',
      `${REDIRECT}#access_token=EAAdesktop-1&state=${dialog.searchParams.get('state')}`,
    );
    expect(await pending).toEqual({ ok: true, userToken: 'EAAdesktop-1' });
    expect(login.destroyed).toBe(true);
  });

  it('says where to set the Meta app when none is set, without opening a window', async () => {
    const desktop = await start();
    await desktop.core.invoke('brands.create', {
      id: 'healthy-college',
      displayName: 'Healthy',
      colors: { primary: '#004F00', accent: '#dcf6c8' },
    });
    const outcome = await callFrom(appOrigin, desktopChannels.metaLogin, 'healthy-college');
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'failed',
      message: expect.stringContaining('Settings → Meta app'),
    });
    expect(fake.BrowserWindow.windows).toHaveLength(1);
  });

  it('opens the system browser for the app only, and refuses other schemes', async () => {
    await start();
    expect(
      await callFrom(appOrigin, desktopChannels.openExternal, 'https://accounts.google.com/o/oauth2/v2/auth'),
    ).toEqual({
      ok: true,
    });
    expect(await callFrom(appOrigin, desktopChannels.openExternal, 'file:///etc/passwd')).toMatchObject({
      ok: false,
    });
    expect(await callFrom(appOrigin, desktopChannels.openExternal, 'http://evil.example/')).toMatchObject({
      ok: false,
    });
    expect(
      await callFrom('https://evil.example/', desktopChannels.openExternal, 'https://evil.example/'),
    ).toMatchObject({
      ok: false,
    });
    expect(fake.shell.opened).toEqual(['https://accounts.google.com/o/oauth2/v2/auth']);
  });
});
