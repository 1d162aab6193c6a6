import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDiskFullError, RenderError } from './render-error';

const TEMP_PREFIX = '.tmp-';

/**
 * A temporary name beside the final file, unique per attempt: an FFmpeg left running by a
 * crashed process can never write into the file a later attempt is about to publish.
 */
export function tempPath(dir: string, finalName: string, runId: string): string {
  return join(dir, `${TEMP_PREFIX}${runId}-${finalName}`);
}

/** Publishes a finished temp file under its final name in one atomic step. */
export async function publish(temp: string, dir: string, finalName: string): Promise<void> {
  await rename(temp, join(dir, finalName));
}

export async function writeAtomically(
  dir: string,
  finalName: string,
  runId: string,
  bytes: Uint8Array,
): Promise<void> {
  const temp = tempPath(dir, finalName, runId);
  try {
    await writeFile(temp, bytes);
  } catch (error) {
    await rm(temp, { force: true });
    if (isDiskFullError(error))
      throw new RenderError('disk_full', `The disk is full: cannot save ${finalName}.`);
    throw error;
  }
  await publish(temp, dir, finalName);
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if (isDiskFullError(error)) throw new RenderError('disk_full', `The disk is full: cannot create ${dir}.`);
    throw error;
  }
}

/** Removes temp files of earlier attempts (or this one, after a failure). */
export async function removeTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith(TEMP_PREFIX)).map((n) => rm(join(dir, n), { force: true })),
  );
}
