#!/usr/bin/env node
// better-sqlite3 is a native addon compiled for one runtime at a time: plain Node (tests, the
// headless server, benches) or Electron (the desktop app). This script makes sure the compiled
// addon loads in the runtime about to start, rebuilding only when it does not. It decides by
// loading the module in that runtime, never by a marker file that can disagree with the disk.
//   node scripts/native-runtime.mjs node      before tests / serve / bench
//   node scripts/native-runtime.mjs electron  before npm start / dev
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const probe = "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";

/** Runs the probe in `executable` (Electron as plain Node through ELECTRON_RUN_AS_NODE). */
function loads(executable, env = {}) {
  const result = spawnSync(executable, ['-e', probe], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { ok: result.status === 0, detail: (result.stderr || result.error?.message || '').trim() };
}

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

/** The Electron binary npm installed, or exit with what to do when it is missing. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    if (existsSync(path)) return path;
  } catch {
    // reported below
  }
  console.error(
    'The Electron binary is not installed (was npm install run with ELECTRON_SKIP_BINARY_DOWNLOAD=1?).\n' +
      'Install it with `node node_modules/electron/install.js`, or use `npm run serve` for the headless app.',
  );
  process.exit(1);
}

/**
 * Ubuntu 23.10+ blocks unprivileged user namespaces for unconfined programs (AppArmor), and
 * Electron then aborts unless its chrome-sandbox helper is setuid root (electron#42510). Say how
 * to fix it before the developer meets the crash; the installed .deb and AppImage handle it.
 */
function warnAboutLinuxSandbox(electronPath) {
  if (process.platform !== 'linux') return;
  let setting;
  try {
    setting = readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim();
  } catch {
    return; // no such setting: not an AppArmor-restricted kernel
  }
  const restricted = setting === '1';
  const helper = join(dirname(electronPath), 'chrome-sandbox');
  const setuidRoot =
    existsSync(helper) && statSync(helper).uid === 0 && (statSync(helper).mode & 0o4000) !== 0;
  if (restricted && !setuidRoot) {
    console.warn(
      'This system restricts unprivileged user namespaces (AppArmor), so Electron cannot start its sandbox.\n' +
        `Run once:  sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
    );
  }
}

if (target === 'node') {
  if (!loads(process.execPath).ok) {
    console.log('better-sqlite3 is not built for this Node.js; rebuilding it (about a minute)...');
    run(npm, ['rebuild', 'better-sqlite3']);
    const after = loads(process.execPath);
    if (!after.ok) {
      console.error(
        `better-sqlite3 still does not load under Node.js. Is a C++ toolchain installed?\n${after.detail}`,
      );
      process.exit(1);
    }
  }
} else if (target === 'electron') {
  const electron = electronBinary();
  const asElectron = { ELECTRON_RUN_AS_NODE: '1' };
  if (!loads(electron, asElectron).ok) {
    const version = createRequire(import.meta.url)('electron/package.json').version;
    console.log(`Building better-sqlite3 for Electron ${version}...`);
    run(npx, ['electron-rebuild', '--force', '--only', 'better-sqlite3']);
    const after = loads(electron, asElectron);
    if (!after.ok) {
      console.error(`better-sqlite3 still does not load in Electron ${version}.\n${after.detail}`);
      process.exit(1);
    }
  }
  warnAboutLinuxSandbox(electron);
} else {
  console.error('usage: node scripts/native-runtime.mjs node|electron');
  process.exit(2);
}
