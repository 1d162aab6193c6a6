import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fontFiles } from './defaults';

/** Files the renderer ships with (fonts, music), found under one injected folder. */
export interface RenderResources {
  dir: string;
  fonts: { title: string; body: string };
  musicDir: string;
}

export function renderResources(dir: string): RenderResources {
  return {
    dir,
    fonts: { title: join(dir, fontFiles.title), body: join(dir, fontFiles.body) },
    musicDir: join(dir, 'music'),
  };
}

/**
 * Where `resources/` is when nobody says: the repository's folder, found by walking up from this
 * module (src-main/core/render in tests and tsx, out/main after a build). The packaged desktop
 * app passes `process.resourcesPath/resources` instead.
 */
export function defaultResourcesDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, fontFiles.title))) return candidate;
    dir = dirname(dir);
  }
  return join(from, 'resources');
}
