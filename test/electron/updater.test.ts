import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  startUpdater,
  UPDATE_CHECK_INTERVAL_MS,
  updatesDisabledReason,
  type AutoUpdaterLike,
} from '../../src-main/electron/updater';
import type { UpdateState } from '../../src-preload/desktop-bridge';

/** electron-updater's autoUpdater as far as the flow sees it: events, a check, an install. */
class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failNext = false;
  async checkForUpdates() {
    this.checks++;
    this.emit('checking-for-update');
    if (this.failNext) {
      this.failNext = false;
      const error = new Error('net::ERR_INTERNET_DISCONNECTED');
      this.emit('error', error);
      throw error;
    }
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function manualTimers() {
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  return {
    timers,
    setInterval: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearInterval: (handle: unknown) => void ((handle as { cleared: boolean }).cleared = true),
    tick: () => timers.filter((t) => !t.cleared).forEach((t) => t.run()),
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('auto-update flow', () => {
  it('checks at start and daily, downloads in the background, and offers a restart once downloaded', async () => {
    const updater = new FakeAutoUpdater();
    const timers = manualTimers();
    const states: UpdateState[] = [];
    const log: string[] = [];
    const flow = startUpdater({
      updater,
      disabledReason: null,
      timers,
      log: (m) => log.push(m),
      onChange: (s) => states.push(s),
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    await flush();
    expect(updater.checks).toBe(1);
    expect(timers.timers.map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(86_400_000);
    expect(flow.restartToUpdate()).toBe(false);

    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 41.6 });
    expect(flow.state()).toEqual({ status: 'downloading', version: '0.2.0', percent: 42 });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(flow.state()).toEqual({ status: 'ready', version: '0.2.0' });

    // A day later: nothing newer is fetched while one waits for the restart.
    timers.tick();
    await flush();
    expect(updater.checks).toBe(1);
    expect(flow.restartToUpdate()).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
    expect(states.map((s) => s.status)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(log).toContain('Update 0.2.0 downloaded; it installs on restart.');
    flow.stop();
    expect(timers.timers[0]!.cleared).toBe(true);
  });

  it('treats a failed check as a log line and tries again the next day', async () => {
    const updater = new FakeAutoUpdater();
    updater.failNext = true;
    const timers = manualTimers();
    const log: string[] = [];
    const flow = startUpdater({
      updater,
      disabledReason: null,
      timers,
      log: (m) => log.push(m),
      onChange: () => undefined,
    });
    await flush();
    expect(flow.state()).toEqual({ status: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(log.some((l) => l.includes('ERR_INTERNET_DISCONNECTED'))).toBe(true);
    timers.tick();
    await flush();
    expect(updater.checks).toBe(2);
    updater.emit('update-not-available');
    expect(flow.state()).toEqual({ status: 'idle' });
  });

  it('is off, and says why, outside an installed build', async () => {
    const updater = new FakeAutoUpdater();
    const flow = startUpdater({
      updater,
      disabledReason: 'this is a development build',
      timers: manualTimers(),
      log: () => undefined,
      onChange: () => undefined,
    });
    await flush();
    expect(updater.checks).toBe(0);
    expect(flow.state()).toEqual({ status: 'disabled', reason: 'this is a development build' });
    expect(flow.restartToUpdate()).toBe(false);

    const base = { isPackaged: true, platform: 'linux' as const, env: {}, linuxPackageType: null };
    expect(updatesDisabledReason({ ...base, isPackaged: false })).toBe('this is a development build');
    expect(updatesDisabledReason(base)).toMatch(/AppImage or a \.deb/);
    expect(updatesDisabledReason({ ...base, env: { APPIMAGE: '/home/me/Maestro.AppImage' } })).toBeNull();
    expect(updatesDisabledReason({ ...base, linuxPackageType: 'deb' })).toBeNull();
    expect(updatesDisabledReason({ ...base, platform: 'win32' })).toBeNull();
    expect(
      updatesDisabledReason({ ...base, platform: 'darwin', env: { MAESTRO_DISABLE_UPDATES: '1' } }),
    ).toMatch(/MAESTRO_DISABLE_UPDATES/);
  });
});
