import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { probe } from '../../helpers/media-probe';
import { openTempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';

const worker = resolve(__dirname, '../../helpers/render-worker.ts');
const temp = makeTempDir();
afterAll(() => temp.cleanup());

interface Row {
  job_id: string;
  status: string;
  current_step: string | null;
  completed_steps: string;
  attempts: number;
}

function readJob(): Row | undefined {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(join(temp.dir, 'maestro.db'), { readonly: true, fileMustExist: true });
    return db
      .prepare('SELECT job_id, status, current_step, completed_steps, attempts FROM generation_jobs')
      .get() as Row | undefined;
  } catch {
    // Not created yet, or the worker is mid-migration.
    return undefined;
  } finally {
    db?.close();
  }
}

/** FFmpeg processes whose command line mentions this test's data folder. */
function ffmpegsWorkingHere(): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('ffmpeg') && cmd.includes(temp.dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(process.platform === 'win32')('a render killed with SIGKILL mid-video', () => {
  it('resumes on the next start from its last finished step and completes exactly once', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, temp.dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((done) => child.once('exit', done));

    const atVideo = await waitFor('the video step', () => {
      const row = readJob();
      return row?.current_step === 'video' ? row : undefined;
    });
    // Let FFmpeg get well into the encode, then kill the app without warning.
    await waitFor('a partly written video', () => {
      const dir = join(temp.dir, 'media', 'jobs', atVideo.job_id);
      const partial = readdirSync(dir).find((f) => f.startsWith('.tmp-') && f.endsWith('video.mp4'));
      return partial && statSync(join(dir, partial)).size > 0 ? partial : undefined;
    });
    child.kill('SIGKILL');
    await exited;

    const killed = readJob()!;
    expect(killed.status, output).toBe('generating');
    expect(JSON.parse(killed.completed_steps)).toEqual(['background', 'reel-image', 'thumbnail']);
    const jobDir = join(temp.dir, 'media', 'jobs', killed.job_id);
    const frameBefore = statSync(join(jobDir, 'reel.png')).mtimeMs;
    // The orphaned FFmpeg dies at its next progress line: its pipe to us is gone.
    await waitFor(
      'the orphaned FFmpeg to exit',
      () => (ffmpegsWorkingHere().length === 0 ? true : undefined),
      10_000,
    );

    const t = await openTempCore({ dir: temp.dir, autoStart: false });
    try {
      await t.core.jobs.queue.idle();
      const job = await t.call('jobs.get', { id: killed.job_id });
      expect(job.error).toBeNull();
      expect(job.status).toBe('completed');
      expect(job.attempts).toBe(2);
      expect(job.completedSteps).toEqual([
        'background',
        'reel-image',
        'thumbnail',
        'video',
        'youtube-thumbnail',
        'captions',
      ]);
      // Steps finished before the crash were not redone.
      expect(statSync(join(jobDir, 'reel.png')).mtimeMs).toBe(frameBefore);
      expect(readdirSync(jobDir).sort()).toEqual([
        'reel.png',
        'thumbnail.jpg',
        'video.mp4',
        'youtube-thumbnail.jpg',
      ]);
      const video = (await probe(join(jobDir, 'video.mp4'))).streams.find((s) => s.codec_type === 'video')!;
      expect(Number(video.nb_frames)).toBe(30 * job.render.durationSeconds!);

      const activity = await t.call('activity.list', { limit: 100 });
      expect(activity.filter((a) => a.action === 'Render finished')).toHaveLength(1);
      expect(activity.filter((a) => a.action === 'Render resumed after restart')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
