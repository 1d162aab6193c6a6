import { createRequire } from 'node:module';
import { sep } from 'node:path';

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * Inside a packaged app the installers resolve to a path inside `app.asar`, which the OS cannot
 * execute; electron-builder unpacks these packages beside it (build/electron-builder.yml).
 */
export function unpackedAsarPath(path: string): string {
  const marker = `${sep}app.asar${sep}`;
  return path.includes(marker) ? path.replace(marker, `${sep}app.asar.unpacked${sep}`) : path;
}

function binaryFrom(packageName: string): string {
  // The installers pick the package for this platform and throw (sometimes a bare string) when
  // it is missing; require here instead of importing so a missing binary is a report, not a crash.
  const load = createRequire(__filename);
  const found = load(packageName) as { path?: unknown };
  if (typeof found.path !== 'string') throw new Error(`${packageName} did not report a binary path`);
  return unpackedAsarPath(found.path);
}

/**
 * FFmpeg and ffprobe as shipped inside the npm packages `@ffmpeg-installer/ffmpeg` and
 * `@ffprobe-installer/ffprobe` (no system install needed), unless `MAESTRO_FFMPEG_PATH` /
 * `MAESTRO_FFPROBE_PATH` name others (a system build, or a broken path to see what the checks
 * say). Returns the reason when they are not there, so the health check can say so instead of
 * the first render failing obscurely.
 */
export function resolveMediaBinaries(
  env: Readonly<Record<string, string | undefined>> = {},
): { binaries: MediaBinaries } | { error: string } {
  try {
    return {
      binaries: {
        ffmpeg: env.MAESTRO_FFMPEG_PATH?.trim() || binaryFrom('@ffmpeg-installer/ffmpeg'),
        ffprobe: env.MAESTRO_FFPROBE_PATH?.trim() || binaryFrom('@ffprobe-installer/ffprobe'),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      error: `FFmpeg is not installed for ${process.platform}-${process.arch}: ${reason}. Reinstall the app (or run npm install).`,
    };
  }
}
