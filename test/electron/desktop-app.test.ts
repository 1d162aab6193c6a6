import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import * as fake from '../fakes/fake-electron';
import { startFakeOpenAi } from '../fakes/fake-openai-server';
import { appOrigin, outDir, useDesktopShell } from './desktop-shell';

vi.mock('electron', () => import('../fakes/fake-electron'));

const { runDesktopApp } = await import('../../src-main/electron/desktop-app');
const { ipcChannels } = await import('../../src-main/core/contract/transport');
const { CONTENT_SECURITY_POLICY } = await import('../../src-main/shared/content-security-policy');
const { META_LOGIN_PARTITION } = await import('../../src-main/electron/meta-login');
const { keyFileCipher } = await import('../../src-main/core/secrets/key-file-cipher');
const { eventStreams } = await import('../../src-main/core/contract/events');

const shell = useDesktopShell();
const { start, quitFinished } = shell;

function invokeFrom(url: string, name: string, payload: unknown) {
  const handler = fake.ipcMain.handlers.get(ipcChannels.invoke)!;
  return handler({ senderFrame: { url } }, name, payload);
}

describe('Electron shell', () => {
  it('opens one isolated, sandboxed window without Node, loading the built renderer', async () => {
    await start();
    expect(fake.BrowserWindow.windows).toHaveLength(1);
    const [window] = fake.BrowserWindow.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(outDir, 'preload', 'index.js'),
    });
    expect(window!.loadedUrl).toBe(appOrigin);
  });

  it('quits at once when another instance already runs, and focuses the existing window instead', async () => {
    await start();
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.windows[0]!.focused).toBeGreaterThanOrEqual(2);

    fake.app.singleInstanceLock = false;
    const quitsBefore = fake.app.quitCalls;
    expect(await runDesktopApp(outDir)).toBeNull();
    expect(fake.app.quitCalls).toBe(quitsBefore + 1);
  });

  it('never lets the window navigate away from the app; web links open in the browser', async () => {
    await start();
    const contents = fake.BrowserWindow.windows[0]!.webContents;
    expect(contents.tryNavigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.tryNavigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.tryNavigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.tryNavigate('will-navigate', `${appOrigin}#/brands`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://instagram.com/x' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://evil.example/phish', 'https://instagram.com/x']);
  });

  it('guards any other web contents that gets created too', async () => {
    await start();
    const stray = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, stray);
    expect(stray.tryNavigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('grants fullscreen to our own page only, and every other permission to nobody', async () => {
    await start();
    const ask = (handler: (...args: unknown[]) => void, permission: string, url: string) => {
      let granted: boolean | undefined;
      handler({ getURL: () => url }, permission, (g: boolean) => (granted = g), { requestingUrl: url });
      return granted;
    };
    const request = fake.session.defaultSession.permissionHandler!;
    const check = fake.session.defaultSession.permissionCheckHandler!;
    expect(ask(request, 'fullscreen', appOrigin)).toBe(true);
    expect(ask(request, 'fullscreen', 'https://evil.example/')).toBe(false);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'midiSysex',
      'openExternal',
    ]) {
      expect(ask(request, permission, appOrigin), permission).toBe(false);
      expect(check({}, permission, 'maestro://app'), permission).toBe(false);
    }
    expect(check({}, 'fullscreen', 'maestro://app')).toBe(true);
    expect(check({}, 'fullscreen', 'https://evil.example')).toBe(false);
    expect(fake.session.defaultSession.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    // The Facebook Login window's session gets nothing, fullscreen included.
    const login = fake.session.partitions.get(META_LOGIN_PARTITION)!;
    expect(ask(login.permissionHandler!, 'fullscreen', 'https://www.facebook.com/')).toBe(false);
    expect(login.permissionCheckHandler!({}, 'fullscreen', 'https://www.facebook.com')).toBe(false);
  });

  it('serves the renderer and the media from maestro://app with the one CSP', async () => {
    const desktop = await start();
    expect(fake.protocol.privileged).toEqual([
      {
        scheme: 'maestro',
        privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    const jobDir = join(desktop.core.jobs.mediaDir, 'jobs', 'GEN-1');
    mkdirSync(jobDir, { recursive: true });
    writeFileSync(join(jobDir, 'video.mp4'), Buffer.alloc(100, 7));
    const handler = fake.protocol.handlers.get('maestro')!;
    const media = await handler(
      new Request('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=10-19' } }),
    );
    expect(media.status).toBe(206);
    expect(media.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await media.arrayBuffer()).byteLength).toBe(10);
  });

  it('never takes the page from ELECTRON_RENDERER_URL in the installed app', async () => {
    fake.app.isPackaged = true;
    (process as { resourcesPath?: string }).resourcesPath = '/opt/maestro/resources';
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    process.env.MAESTRO_DEV_CSP_NONCE = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    try {
      await start();
      expect(fake.BrowserWindow.windows[0]!.loadedUrl).toBe(appOrigin);
      expect(fake.BrowserWindow.windows[0]!.options.webPreferences.devTools).toBe(false);
      // The handler serves the built files (none here), never the dev server.
      const page = await fake.protocol.handlers.get('maestro')!(new Request('maestro://app/index.html'));
      expect(page.status).toBe(404);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(readFileSync(join(shell.dataDir, 'logs', 'main.log'), 'utf8')).toContain(
        'ELECTRON_RENDERER_URL is ignored in the installed app.',
      );
    } finally {
      delete process.env.MAESTRO_DEV_CSP_NONCE;
    }
  });

  it('has a menu of its own: DevTools only in development, and Open Logs Folder', async () => {
    await start();
    const roles = (items: Array<{ role?: string; submenu?: unknown }>): string[] =>
      items.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
    expect(roles(fake.Menu.application!.template)).toContain('toggleDevTools');
    const find = (
      items: Array<{ id?: string; submenu?: unknown }>,
      id: string,
    ): { click(): void } | undefined => {
      for (const item of items) {
        if (item.id === id) return item as { click(): void };
        const inner = Array.isArray(item.submenu) ? find(item.submenu, id) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    find(fake.Menu.application!.template, 'open-logs-folder')!.click();
    expect(fake.shell.openedPaths).toEqual([join(shell.dataDir, 'logs')]);
    expect(readFileSync(join(shell.dataDir, 'logs', 'main.log'), 'utf8')).toMatch(
      /INFO {2}Maestro 9\.9\.9 starting/,
    );

    fake.resetFakeElectron();
    fake.app.logs = join(shell.dataDir, 'logs');
    fake.app.isPackaged = true;
    (process as { resourcesPath?: string }).resourcesPath = '/opt/maestro/resources';
    await start();
    expect(roles(fake.Menu.application!.template)).not.toContain('toggleDevTools');
  });

  it('serves the contract over IPC to the app window only', async () => {
    await start();
    expect(await invokeFrom(appOrigin, 'maestro.status', {})).toMatchObject({
      ok: true,
      value: { paused: true },
    });
    expect(await invokeFrom('https://evil.example/', 'maestro.resume', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await invokeFrom(appOrigin, 'brands.create', { id: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('pushes core events to the window', async () => {
    const desktop = await start();
    await desktop.core.invoke('maestro.resume', {});
    const sent = fake.BrowserWindow.windows[0]!.webContents.sent;
    expect(
      sent.some(
        (m) =>
          m.channel === ipcChannels.event && (m.args[0] as { stream: string }).stream === 'maestro.state',
      ),
    ).toBe(true);
  });

  it('pauses and resumes Maestro from the tray, persisting the state in maestro_config', async () => {
    await start();
    const tray = fake.Tray.instances[0]!;
    const item = (id: string) => tray.menu!.template.find((i) => i.id === id);
    expect(tray.tooltip).toBe('Maestro (paused)');
    expect(item('pause')).toBeUndefined();
    item('resume')!.click!();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Maestro (running)'), { timeout: 10_000 });
    expect(item('pause')!.label).toBe('Pause Maestro');

    const sqlite = new BetterSqlite3(join(shell.dataDir, 'maestro.db'), { readonly: true });
    expect(sqlite.prepare("SELECT value FROM maestro_config WHERE key = 'is_paused'").get()).toEqual({
      value: 'false',
    });
    sqlite.close();

    item('pause')!.click!();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Maestro (paused)'), { timeout: 10_000 });
  });

  it('the tray and the page agree: a pause through IPC moves the tray, a tray click reaches the window', async () => {
    const desktop = await start();
    const tray = fake.Tray.instances[0]!;
    const item = (id: string) => tray.menu!.template.find((i) => i.id === id);
    const window = fake.BrowserWindow.windows[0]!.webContents;
    const statesSent = () =>
      window.sent
        .filter((m) => m.channel === ipcChannels.event)
        .map((m) => m.args[0] as { stream: string; payload: unknown })
        .filter((e) => e.stream === 'maestro.state')
        // As the renderer reads them: checked against the contract.
        .map((e) => eventStreams['maestro.state'].parse(e.payload));
    // After every announcement, the window and the tray have both been told the same thing.
    const disagreements: string[] = [];
    desktop.core.events.subscribe((event) => {
      if (event.stream !== 'maestro.state') return;
      const last = statesSent().at(-1)!;
      const shown = {
        paused: item('resume') !== undefined,
        burstRunning: item('burst-now')!.enabled === false,
      };
      if (shown.paused !== last.paused || shown.burstRunning !== last.burstRunning)
        disagreements.push(`window ${JSON.stringify(last)}, tray ${JSON.stringify(shown)}`);
    });

    // The page resumes (its Resume button calls maestro.resume over IPC): the tray follows.
    expect(await invokeFrom(appOrigin, 'maestro.resume', {})).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(item('pause')).toMatchObject({ label: 'Pause Maestro' }), {
      timeout: 10_000,
    });
    expect(tray.tooltip).toBe('Maestro (running)');
    expect(tray.menu!.template[0]).toMatchObject({ label: 'Maestro is running', enabled: false });
    await invokeFrom(appOrigin, 'maestro.pause', {});
    await vi.waitFor(() => expect(item('resume')).toMatchObject({ label: 'Resume Maestro' }), {
      timeout: 10_000,
    });
    expect(tray.tooltip).toBe('Maestro (paused)');

    // The tray resumes and pauses: the window receives each change as the maestro.state event.
    item('resume')!.click!();
    await vi.waitFor(() => expect(statesSent().at(-1)).toMatchObject({ paused: false }), { timeout: 10_000 });
    item('pause')!.click!();
    await vi.waitFor(() => expect(statesSent().at(-1)).toMatchObject({ paused: true }), { timeout: 10_000 });
    // (A resume past the burst time also starts the day's burst: its start and end are sent too.)
    const pausedChanges = statesSent()
      .map((s) => s.paused)
      .filter((paused, i, all) => i === 0 || paused !== all[i - 1]);
    expect(pausedChanges).toEqual([false, true, false, true]);
    expect(await invokeFrom(appOrigin, 'maestro.status', {})).toMatchObject({ value: { paused: true } });
    expect(disagreements).toEqual([]);
  });

  it('Burst now from the tray is the page’s Burst now, and both are off while a burst runs', async () => {
    let answer!: () => void;
    const answers = new Promise<void>((resolve) => (answer = resolve));
    const llm = contentLlm();
    const openAi = await startFakeOpenAi({
      respond: async (request) => {
        await answers;
        return llm.respond(request);
      },
    });
    try {
      const desktop = await start();
      await desktop.core.invoke('settings.set', {
        values: { llmBaseUrl: openAi.baseUrl, reelsPerBrand: 1, postsPerBrand: 0, spawnAgentPerBrand: false },
      });
      await desktop.core.invoke('secrets.set', { key: 'llm.apiKey', value: 'sk-shell-burst' });
      await desktop.core.invoke('brands.create', {
        id: 'alpha',
        displayName: 'Alpha',
        colors: { primary: '#004F00', accent: '#dcf6c8' },
      });
      const tray = fake.Tray.instances[0]!;
      const burstNow = () => tray.menu!.template.find((i) => i.id === 'burst-now')!;
      expect(burstNow()).toMatchObject({ label: 'Burst now', enabled: true });

      burstNow().click!();
      await vi.waitFor(() => expect(burstNow()).toMatchObject({ label: 'Burst running…', enabled: false }), {
        timeout: 10_000,
      });
      // What the page reads says the same, and its Burst now is refused the same way.
      expect(await invokeFrom(appOrigin, 'maestro.status', {})).toMatchObject({
        value: { burstRunning: true, burstKind: 'smart' },
      });
      expect(await invokeFrom(appOrigin, 'maestro.triggerBurst', {})).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });

      answer();
      await vi.waitFor(() => expect(burstNow()).toMatchObject({ label: 'Burst now', enabled: true }), {
        timeout: 10_000,
      });
      const bursts = (await invokeFrom(appOrigin, 'maestro.overview', {})) as {
        value: { latestBurst: { kind: string; status: string } };
      };
      expect(bursts.value.latestBurst).toMatchObject({ kind: 'smart', status: 'completed' });
      expect(fake.dialog.errors).toEqual([]);
    } finally {
      await openAi.close();
    }
  });

  it('tray Open shows the window again after it was closed', async () => {
    await start();
    fake.BrowserWindow.windows[0]!.destroyed = true;
    fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'open')!.click!();
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('encrypts secrets with safeStorage and never returns them to the renderer', async () => {
    await start();
    const secret = 'sk-live-abcdefghijklmnop';
    expect(await invokeFrom(appOrigin, 'secrets.set', { key: 'llm.apiKey', value: secret })).toMatchObject({
      ok: true,
    });
    const view = await invokeFrom(appOrigin, 'settings.get', {});
    expect(view).toMatchObject({
      ok: true,
      value: { secrets: { llmApiKey: true }, secretProtection: 'GNOME Keyring (libsecret)' },
    });
    expect(JSON.stringify(view)).not.toContain(secret);
    const sqlite = new BetterSqlite3(join(shell.dataDir, 'maestro.db'), { readonly: true });
    const row = sqlite.prepare("SELECT ciphertext FROM app_secrets WHERE key = 'llm.apiKey'").get() as {
      ciphertext: Buffer;
    };
    sqlite.close();
    expect(row.ciphertext.toString('utf8')).not.toContain(secret);
    expect(fake.safeStorage.decryptString(row.ciphertext)).toBe(secret);
  });

  it('keeps secrets with the owner-only key file when no keyring answers, and says so', async () => {
    fake.safeStorage.backend = 'basic_text';
    await start();
    expect(
      await invokeFrom(appOrigin, 'secrets.set', { key: 'llm.apiKey', value: 'sk-x-123' }),
    ).toMatchObject({
      ok: true,
    });
    const view = await invokeFrom(appOrigin, 'settings.get', {});
    expect(view).toMatchObject({ ok: true, value: { secretProtection: expect.stringMatching(/key file/) } });
    const keyFile = join(shell.dataDir, 'secrets.key');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const sqlite = new BetterSqlite3(join(shell.dataDir, 'maestro.db'), { readonly: true });
    const row = sqlite.prepare("SELECT ciphertext FROM app_secrets WHERE key = 'llm.apiKey'").get() as {
      ciphertext: Buffer;
    };
    sqlite.close();
    // Not safeStorage's fixed-key "encryption": the key file's AES-GCM.
    expect(row.ciphertext.subarray(0, 3).toString('latin1')).not.toBe('v11');
    expect(keyFileCipher(keyFile).decrypt(row.ciphertext)).toBe('sk-x-123');
  });

  it('shows a broken start to the user instead of dying silently', async () => {
    const sqlite = new BetterSqlite3(join(shell.dataDir, 'maestro.db'));
    sqlite.pragma('user_version = 999');
    sqlite.close();
    expect(await runDesktopApp(outDir)).toBeNull();
    expect(fake.dialog.errors).toEqual([
      { title: 'Maestro could not start', content: expect.stringMatching(/newer version of Maestro/) },
    ]);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.BrowserWindow.windows).toHaveLength(0);
  });

  it('keeps running in the tray when the window is closed, and closes the database on quit', async () => {
    const desktop = await start();
    fake.BrowserWindow.windows[0]!.close();
    fake.app.emit('window-all-closed');
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.app.quitCalls).toBe(0);
    // macOS keeps the app in the Dock without a word; elsewhere the tray is said once.
    expect(fake.Notification.shown.map((n) => n.title)).toEqual(
      process.platform === 'darwin' ? [] : ['Maestro keeps working'],
    );
    const close = vi.spyOn(desktop.core, 'close');
    fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'quit')!.click!();
    await vi.waitFor(() => expect(close).toHaveBeenCalled(), { timeout: 10_000 });
    await quitFinished();
  });

  it('offers to start at login once, after the first brand, and the tray switch changes it', async () => {
    const desktop = await start();
    fake.dialog.nextResponse = 0;
    const brand = (id: string) =>
      desktop.core.invoke('brands.create', {
        id,
        displayName: id,
        colors: { primary: '#004F00', accent: '#dcf6c8' },
      });
    await brand('first-brand');
    await vi.waitFor(
      () => expect(fake.dialog.messages.map((m) => m.message)).toEqual(['Start Maestro when you log in?']),
      { timeout: 10_000 },
    );
    // Linux: an XDG autostart entry; macOS and Windows: the OS's login items.
    const autostart = join(shell.dataDir, 'config', 'autostart', 'maestro.desktop');
    const enabledAtLogin = () =>
      process.platform === 'linux'
        ? existsSync(autostart) && readFileSync(autostart, 'utf8').includes('--start-in-tray')
        : fake.app.loginItem.openAtLogin;
    await vi.waitFor(() => expect(enabledAtLogin()).toBe(true), { timeout: 10_000 });
    await brand('second-brand');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.dialog.messages).toHaveLength(1);
    const item = () => fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'launch-at-login')!;
    expect(item()).toMatchObject({ checked: true });
    item().click!();
    expect(item()).toMatchObject({ checked: false });
    expect(enabledAtLogin()).toBe(false);
  });

  it('is off at login by default and opens straight into the tray when the OS started it', async () => {
    process.argv.push('--start-in-tray');
    try {
      await start();
      expect(fake.BrowserWindow.windows).toHaveLength(0);
      expect(fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'launch-at-login')).toMatchObject({
        checked: false,
      });
    } finally {
      process.argv.pop();
    }
  });

  it('remembers where the window was', async () => {
    await start();
    const first = fake.BrowserWindow.windows[0]!;
    first.setBoundsByUser({ x: 200, y: 150, width: 1100, height: 760 });
    first.close();
    fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'open')!.click!();
    expect(fake.BrowserWindow.windows[1]!.options).toMatchObject({
      x: 200,
      y: 150,
      width: 1100,
      height: 760,
    });
  });

  it('registers its AppUserModelId on Windows, the builder appId', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      await start();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(fake.app.appUserModelId).toBe('app.maestro.desktop');
  });

  it.runIf(process.platform === 'linux')(
    'quits with a notice when the window closes on a desktop that shows no tray icon',
    async () => {
      // Plain GNOME with no AppIndicator extension: gsettings lists none.
      const gsettings = join(shell.dataDir, 'bin', 'gsettings');
      mkdirSync(join(shell.dataDir, 'bin'));
      writeFileSync(gsettings, '#!/bin/sh\necho "@as []"\n', { mode: 0o755 });
      const path = process.env.PATH;
      process.env.PATH = `${join(shell.dataDir, 'bin')}:${path}`;
      process.env.XDG_CURRENT_DESKTOP = 'GNOME';
      try {
        const desktop = await start();
        const close = vi.spyOn(desktop.core, 'close');
        fake.BrowserWindow.windows[0]!.close();
        fake.app.emit('window-all-closed');
        await vi.waitFor(() => expect(close).toHaveBeenCalled(), { timeout: 10_000 });
        await quitFinished();
        expect(fake.Notification.shown.map((n) => n.title)).toEqual(['Maestro has quit']);
      } finally {
        process.env.PATH = path;
      }
    },
  );
});
