#!/usr/bin/env node
// Packages the app unpacked (electron-builder --dir) into dist/smoke for the packaged-app smoke
// test (test/electron/packaged-app.smoke.ts), from build/electron-builder.yml with three changes
// that matter only to a test build, never to what is released:
//   - the nodeCliInspect fuse stays on: Playwright's Electron support drives the app through the
//     Node inspector and cannot attach without it (every other fuse is flipped as released);
//   - no signing and no notarisation (no secrets needed);
//   - nothing is published.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const { build } = require('electron-builder');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = yaml.load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8'));
config.directories = { ...config.directories, output: 'dist/smoke' };
config.electronFuses = { ...config.electronFuses, enableNodeCliInspectArguments: true };
config.mac = { ...config.mac, notarize: false, identity: null };

await build({ projectDir: root, config, dir: true, publish: 'never' });
console.log('Packaged the smoke-test app into dist/smoke (unsigned; inspect fuse on for Playwright).');
