import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { videoDefaults } from './defaults';
import { RenderError } from './render-error';

const manifestSchema = z.object({
  tracks: z
    .array(
      z.object({
        file: z.string().regex(/^[\w.-]+$/),
        title: z.string(),
        durationSeconds: z.number().positive(),
        integratedLufs: z.number().max(0),
      }),
    )
    .min(1),
});

export interface MusicTrack {
  file: string;
  title: string;
  durationSeconds: number;
  integratedLufs: number;
}

/** The bundled tracks as listed in music/tracks.json (written by scripts/make-music.mjs). */
export async function loadMusicLibrary(musicDir: string): Promise<MusicTrack[]> {
  const manifestFile = join(musicDir, 'tracks.json');
  let text: string;
  try {
    text = await readFile(manifestFile, 'utf8');
  } catch {
    throw new RenderError(
      'missing_resource',
      `The music list ${manifestFile} is missing. Reinstall the app.`,
    );
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new RenderError('missing_resource', `The music list ${manifestFile} is damaged.`);
  return parsed.data.tracks.map((t) => ({ ...t, file: join(musicDir, t.file) }));
}

/** Every listed track must be there: a missing one fails the render, never a silent reel. */
export async function assertTrackPresent(track: MusicTrack): Promise<void> {
  try {
    await access(track.file);
  } catch {
    throw new RenderError(
      'missing_resource',
      `The music track ${track.file} is missing, so the reel would be silent. Reinstall the app to restore its music.`,
    );
  }
}

export interface MusicChoice {
  trackIndex: number;
  offsetSeconds: number;
}

/**
 * A track and a start inside it so the whole reel has music: offset ∈ [0, length − duration].
 * `pick` and `start` are two uniform draws in [0, 1) stored with the job when it is created, so
 * a resumed or retried render chooses the same music even if the library changed meanwhile.
 */
export function chooseMusic(
  trackDurations: readonly number[],
  durationSeconds: number,
  pick: number,
  start: number,
): MusicChoice {
  const trackIndex = Math.min(trackDurations.length - 1, Math.floor(pick * trackDurations.length));
  const room = Math.max(0, (trackDurations[trackIndex] ?? 0) - durationSeconds);
  return { trackIndex, offsetSeconds: Math.round(start * room * 1000) / 1000 };
}

/** dB to add so the track lands on the loudness target. */
export function musicGainDb(track: MusicTrack): number {
  return videoDefaults.loudnessTargetLufs - track.integratedLufs;
}
