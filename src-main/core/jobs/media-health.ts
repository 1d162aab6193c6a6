import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Health } from '../contract/system';
import type { MediaBinaries } from '../render/ffmpeg-binaries';
import { loadMusicLibrary } from '../render/music';
import type { RenderResources } from '../render/resources';

type HealthCheck = Health['checks'][number];

const run = promisify(execFile);

/** `ffmpeg -version`'s first line, cached per binary: it does not change while the app runs. */
const versions = new Map<string, Promise<string>>();

async function versionOf(binary: string): Promise<string> {
  let pending = versions.get(binary);
  if (!pending) {
    pending = run(binary, ['-version'], { timeout: 10_000 }).then(
      (r) => r.stdout.split('\n')[0] ?? 'unknown version',
    );
    pending.catch(() => versions.delete(binary));
    versions.set(binary, pending);
  }
  return pending;
}

async function binaryCheck(name: string, binary: string): Promise<HealthCheck> {
  try {
    await access(binary);
    return { name, ok: true, detail: `${(await versionOf(binary)).slice(0, 120)} (${binary})` };
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `${binary} cannot run: ${(error as Error).message}. Renders will fail until it is reinstalled.`,
    };
  }
}

/** What rendering needs: FFmpeg and ffprobe that run, the bundled fonts and every listed music track. */
export async function mediaHealthChecks(
  resolved: { binaries: MediaBinaries } | { error: string },
  resources: RenderResources,
): Promise<HealthCheck[]> {
  const checks: HealthCheck[] = [];
  if ('error' in resolved) {
    checks.push({ name: 'ffmpeg', ok: false, detail: resolved.error });
  } else {
    checks.push(await binaryCheck('ffmpeg', resolved.binaries.ffmpeg));
    checks.push(await binaryCheck('ffprobe', resolved.binaries.ffprobe));
  }
  const fonts = [resources.fonts.title, resources.fonts.body];
  const missingFonts: string[] = [];
  for (const font of fonts) await access(font).catch(() => missingFonts.push(font));
  checks.push({
    name: 'render fonts',
    ok: missingFonts.length === 0,
    detail:
      missingFonts.length === 0
        ? `${fonts.length} fonts in ${resources.dir}`
        : `missing: ${missingFonts.join(', ')}`,
  });
  try {
    const tracks = await loadMusicLibrary(resources.musicDir);
    const missing: string[] = [];
    for (const t of tracks) await access(t.file).catch(() => missing.push(t.file));
    checks.push({
      name: 'music',
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? `${tracks.length} tracks`
          : `missing (reels would fail): ${missing.join(', ')}`,
    });
  } catch (error) {
    checks.push({ name: 'music', ok: false, detail: (error as Error).message });
  }
  return checks;
}
