import { spawn } from 'node:child_process';
import { RenderError } from './render-error';

export interface FfmpegRun {
  /** What the step is doing, for error messages: "composing the reel image". */
  purpose: string;
  args: readonly string[];
  signal?: AbortSignal;
  /** Called with the encoded time in seconds as FFmpeg reports it (`-progress`). */
  onProgress?: (outSeconds: number) => void;
}

const STDERR_TAIL_BYTES = 8_192;

/** Picks the line that explains an FFmpeg failure: the last one that is not a summary. */
export function explainFfmpegFailure(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(Conversion failed!|Exiting normally)/.test(l));
  return lines[lines.length - 1] ?? 'no output';
}

/** Maps FFmpeg's own wording to the kinds of failure the user can act on. */
export function classifyFfmpegFailure(stderr: string): 'disk_full' | 'unreadable_input' | 'ffmpeg_failed' {
  if (/No space left on device|Disk quota exceeded/i.test(stderr)) return 'disk_full';
  if (
    /Invalid data found when processing input|could not find codec parameters|Error while decoding|No such file or directory/i.test(
      stderr,
    )
  )
    return 'unreadable_input';
  return 'ffmpeg_failed';
}

/**
 * Runs FFmpeg as a child process (never blocking the event loop) and resolves when it exits 0.
 * `-progress pipe:1` also ties FFmpeg's life to ours: if this process dies, the pipe closes and
 * FFmpeg is killed by SIGPIPE at its next progress line instead of rendering on as an orphan.
 */
export function runFfmpeg(ffmpegPath: string, run: FfmpegRun): Promise<void> {
  const { purpose, args, signal, onProgress } = run;
  if (signal?.aborted) return Promise.reject(new RenderError('cancelled', `Cancelled before ${purpose}.`));
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpegPath,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-y', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
    );
    let stderr = '';
    let progressBuffer = '';
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      progressBuffer += chunk;
      const lines = progressBuffer.split('\n');
      progressBuffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:ms|us)=(\d+)/.exec(line);
        if (match && onProgress) onProgress(Number(match[1]) / 1_000_000);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      reject(
        new RenderError(
          'ffmpeg_missing',
          `FFmpeg could not be started for ${purpose}: ${error.code ?? error.message} (${ffmpegPath}).`,
        ),
      );
    });
    child.once('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (cancelled) return reject(new RenderError('cancelled', `Cancelled while ${purpose}.`));
      if (code === 0) return resolve();
      const kind = classifyFfmpegFailure(stderr);
      const reason = explainFfmpegFailure(stderr);
      const prefix =
        kind === 'disk_full'
          ? `The disk is full: FFmpeg could not write while ${purpose}`
          : kind === 'unreadable_input'
            ? `An input could not be read while ${purpose}`
            : `FFmpeg failed while ${purpose} (exit ${code ?? killedBy})`;
      reject(new RenderError(kind, `${prefix}: ${reason}`, stderr.trim()));
    });
  });
}
