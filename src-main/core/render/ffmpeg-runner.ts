import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { ffmpegRetryDefaults } from './defaults';
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

/** Waiting between attempts goes through this, so tests record the waits instead of sleeping. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A real wait that ends early, without throwing, when the signal aborts. */
export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal }).catch((error: unknown) => {
    if (!signal?.aborted) throw error;
  });
};

export interface FfmpegRetryPolicy {
  maxAttempts: number;
  delaysMs: readonly number[];
  transientMessages: readonly string[];
}

/** Whether FFmpeg's stderr names a failure of the moment (memory, encoder slots), worth retrying. */
export function isTransientFfmpegFailure(
  stderr: string,
  policy: FfmpegRetryPolicy = ffmpegRetryDefaults,
): boolean {
  const text = stderr.toLowerCase();
  return policy.transientMessages.some((m) => text.includes(m.toLowerCase()));
}

export type FfmpegRetryDecision =
  { retry: true; delayMs: number } | { retry: false; why: 'not_transient' | 'no_attempts_left' };

/**
 * After attempt number `failedAttempt` (1-based) failed with `stderr`: try again, and after how
 * long? The last delay repeats should a policy allow more attempts than it lists delays.
 */
export function decideFfmpegRetry(
  stderr: string,
  failedAttempt: number,
  policy: FfmpegRetryPolicy = ffmpegRetryDefaults,
): FfmpegRetryDecision {
  if (!isTransientFfmpegFailure(stderr, policy)) return { retry: false, why: 'not_transient' };
  if (failedAttempt >= policy.maxAttempts) return { retry: false, why: 'no_attempts_left' };
  const delays = policy.delaysMs;
  return { retry: true, delayMs: delays[Math.min(failedAttempt, delays.length) - 1] ?? 0 };
}

export interface FfmpegRetryNotice {
  purpose: string;
  /** The failure being retried, as the error message says it. */
  reason: string;
  nextAttempt: number;
  maxAttempts: number;
  delayMs: number;
}

export interface FfmpegRetry {
  sleep: Sleep;
  /** Told before each wait, so the job can say that a retry is coming and why. */
  onRetry?: (notice: FfmpegRetryNotice) => void | Promise<void>;
  policy?: FfmpegRetryPolicy;
}

export interface RetryingFfmpegRun extends FfmpegRun {
  /** What a failed attempt may have left half-written; removed before the next attempt. */
  partialFiles: readonly string[];
}

/** Retries with real waits: what the app does when nothing else is said. */
export const defaultFfmpegRetry: FfmpegRetry = { sleep: realSleep };

/**
 * `runFfmpeg`, tried again after a transient failure (see `decideFfmpegRetry`). A cancel stops
 * it at once, also during a wait, whatever the injected sleep does with the signal.
 */
export async function runFfmpegWithRetry(
  ffmpegPath: string,
  run: RetryingFfmpegRun,
  retry: FfmpegRetry = defaultFfmpegRetry,
): Promise<void> {
  const policy = retry.policy ?? ffmpegRetryDefaults;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runFfmpeg(ffmpegPath, run);
    } catch (error) {
      if (!(error instanceof RenderError) || error.kind === 'cancelled' || error.kind === 'ffmpeg_missing')
        throw error;
      const decision = decideFfmpegRetry(error.details ?? '', attempt, policy);
      if (!decision.retry) {
        if (decision.why === 'not_transient') throw error;
        throw new RenderError(error.kind, `${error.message} (tried ${attempt} times)`, error.details);
      }
      await Promise.all(run.partialFiles.map((file) => rm(file, { force: true })));
      await retry.onRetry?.({
        purpose: run.purpose,
        reason: error.message,
        nextAttempt: attempt + 1,
        maxAttempts: policy.maxAttempts,
        delayMs: decision.delayMs,
      });
      await waitUnlessCancelled(retry.sleep, decision.delayMs, run.signal, run.purpose);
    }
  }
}

async function waitUnlessCancelled(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
  purpose: string,
): Promise<void> {
  const cancelled = () => new RenderError('cancelled', `Cancelled while waiting to retry ${purpose}.`);
  if (!signal) return sleep(ms);
  if (signal.aborted) throw cancelled();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) throw cancelled();
}
