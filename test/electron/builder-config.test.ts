import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../src-main/electron/identity';

const root = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
// The validator electron-builder itself runs on its configuration, with the schema it ships.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean }): Promise<void>;
};

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const config = yaml.load(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8')) as Config;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Config;

describe('electron-builder configuration', () => {
  it('is valid against the schema electron-builder ships, which does catch mistakes', async () => {
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFusez: {} }, { isEnabled: false }),
    ).rejects.toThrow(/electronFusez/);
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNode: 'no' } }, { isEnabled: false }),
    ).rejects.toThrow(/runAsNode/);
  });

  it('names only paths that exist', () => {
    const dirs = config.directories as { buildResources: string };
    expect(existsSync(join(root, dirs.buildResources, 'icon.png'))).toBe(true);
    for (const resource of config.extraResources as Array<{ from: string }>) {
      expect(existsSync(join(root, resource.from)), resource.from).toBe(true);
    }
    for (const pattern of config.asarUnpack as string[]) {
      const dir = pattern.replace(/\/\*\*$/, '');
      expect(existsSync(join(root, dir)), pattern).toBe(true);
    }
    // The files the app is packed from: the build output the entry points at, and package.json.
    expect(config.files).toEqual(['out/**', 'package.json', '!node_modules/**/*.{md,map,ts}']);
    expect(packageJson.main).toBe('./out/main/index.js');
    for (const tray of ['tray-icon.png', 'trayTemplate.png', 'trayTemplate@2x.png']) {
      expect(existsSync(join(root, 'resources', tray)), tray).toBe(true);
    }
    expect(existsSync(join(root, 'build/package-smoke-app.mjs'))).toBe(true);
  });

  it('flips the fuses the issue asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has one product name and one id, the ones the shell uses', () => {
    expect(packageJson.productName).toBe(PRODUCT_NAME);
    expect(config.productName).toBeUndefined();
    expect(config.appId).toBe(APP_ID);
    expect(packageJson.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('builds what the release promises, keeping the sandbox on Linux', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.appImage.executableArgs).toEqual([]);
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
  });

  it('declares a Node.js that electron 40 and @electron/rebuild 4 run on', () => {
    expect(packageJson.engines.node).toBe('>=22.12.0');
    expect(packageJson.dependencies['electron-updater']).toBeDefined();
  });
});
