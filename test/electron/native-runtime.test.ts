import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const script = resolve(__dirname, '../../scripts/native-runtime.mjs');

function runScript(target: string, env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [script, target], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('scripts/native-runtime.mjs', () => {
  it('keeps the Node build when better-sqlite3 loads in Node', () => {
    const result = runScript('node', {});
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('rebuilding');
  });

  it.runIf(process.platform !== 'win32')(
    'asks Electron itself (as Node) whether the module loads, instead of trusting a marker file',
    () => {
      const temp = makeTempDir();
      // node_modules/electron honours ELECTRON_OVERRIDE_DIST_PATH: stand in for the binary with a
      // script that records it was asked, then runs the probe in this Node (where the addon loads).
      const asked = join(temp.dir, 'asked');
      writeFileSync(
        join(temp.dir, 'electron'),
        `#!/bin/sh\necho "$ELECTRON_RUN_AS_NODE" > "${asked}"\nexec "${process.execPath}" "$@"\n`,
        { mode: 0o755 },
      );
      const result = runScript('electron', { ELECTRON_OVERRIDE_DIST_PATH: temp.dir });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).not.toContain('Building better-sqlite3');
      expect(spawnSync('cat', [asked], { encoding: 'utf8' }).stdout.trim()).toBe('1');
      temp.cleanup();
    },
  );

  it('says what to do when the Electron binary is missing', () => {
    const temp = makeTempDir();
    const result = runScript('electron', { ELECTRON_OVERRIDE_DIST_PATH: join(temp.dir, 'nowhere') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The Electron binary is not installed/);
    temp.cleanup();
  });
});
