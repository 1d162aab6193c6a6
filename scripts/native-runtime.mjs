#!/usr/bin/env node
// better-sqlite3 is a native addon compiled for one runtime at a time: plain Node (tests, the
// headless server, benches) or Electron (the desktop app). This script makes sure the compiled
// addon matches the runtime about to start, rebuilding only when it does not.
//   node scripts/native-runtime.mjs node      before tests / serve / bench
//   node scripts/native-runtime.mjs electron  before npm start / dev
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.maestro-native-runtime');
const target = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function loadsInNode() {
  const probe = "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('better-sqlite3 is not built for this Node.js; rebuilding it (about a minute)...');
    run(npm, ['rebuild', 'better-sqlite3']);
    if (!loadsInNode()) {
      console.error(
        'better-sqlite3 still does not load under Node.js. Check that a C++ toolchain is installed.',
      );
      process.exit(1);
    }
  }
  writeFileSync(marker, `node-${process.versions.modules}`);
} else if (target === 'electron') {
  const require = createRequire(import.meta.url);
  const version = require('electron/package.json').version;
  const wanted = `electron-${version}`;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    console.log(`Building better-sqlite3 for Electron ${version}...`);
    run(npx, ['electron-rebuild', '--force', '--only', 'better-sqlite3']);
    writeFileSync(marker, wanted);
  }
} else {
  console.error('usage: node scripts/native-runtime.mjs node|electron');
  process.exit(2);
}
