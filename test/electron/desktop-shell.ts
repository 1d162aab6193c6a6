import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { runDesktopApp, type DesktopApp } from '../../src-main/electron/desktop-app';
import * as fake from '../fakes/fake-electron';
import { makeTempDir } from '../helpers/temp-dir';

/** Where the shell under test believes its build is. */
export const outDir = '/opt/maestro/out';
/** The page the shell's window loads. */
export const appOrigin = 'maestro://app/index.html';

/**
 * The whole Electron shell against the fake electron module (the test file mocks 'electron'):
 * a fresh data folder, config home and log folder per test, and after each test the quit the
 * app would make, waiting for the shell's own final app.quit() once its database is closed;
 * otherwise that late quit lands in the next test and closes the next test's core.
 */
export function useDesktopShell() {
  let temp: ReturnType<typeof makeTempDir>;
  let started = false;
  let quitsAtStart = 0;

  beforeEach(() => {
    fake.resetFakeElectron();
    temp = makeTempDir();
    process.env.MAESTRO_DATA_DIR = temp.dir;
    process.env.XDG_CONFIG_HOME = join(temp.dir, 'config');
    fake.app.logs = join(temp.dir, 'logs');
    delete process.env.ELECTRON_RENDERER_URL;
    delete process.env.XDG_CURRENT_DESKTOP;
  });
  afterEach(async () => {
    const quitsBefore = fake.app.quitCalls;
    fake.app.emit('before-quit', { preventDefault: () => undefined });
    if (started)
      await vi.waitFor(() => expect(fake.app.quitCalls).toBeGreaterThan(quitsBefore), { timeout: 10_000 });
    started = false;
    delete process.env.MAESTRO_DATA_DIR;
    temp.cleanup();
  });

  return {
    /** This test's data folder. */
    get dataDir(): string {
      return temp.dir;
    },
    async start(): Promise<DesktopApp> {
      quitsAtStart = fake.app.quitCalls;
      const desktop = await runDesktopApp(outDir);
      if (!desktop) throw new Error('the shell did not start');
      started = true;
      return desktop;
    },
    /** The shell's quit ends with its own app.quit() once the database is closed: wait for it. */
    async quitFinished(): Promise<void> {
      await vi.waitFor(() => expect(fake.app.quitCalls).toBeGreaterThanOrEqual(quitsAtStart + 2), {
        timeout: 10_000,
      });
      started = false;
    },
  };
}
