import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFile {
  /** The OS log folder the app writes to (what "Open logs folder" opens). */
  dir: string;
  write(level: LogLevel, message: string): void;
}

export interface LogFileOptions {
  /** A file is rotated once it would grow past this. */
  maxBytes?: number;
  /** How many rotated files are kept beside the current one (main.1.log … main.N.log). */
  keep?: number;
  now?: () => Date;
}

export const LOG_FILE_NAME = 'main.log';
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_KEEP = 3;

/**
 * A plain-text log in the OS log folder (`app.getPath('logs')`: ~/Library/Logs/Maestro,
 * %APPDATA%\Maestro\logs, ~/.config/Maestro/logs), rotated by size so it never grows without
 * bound. Written synchronously: a line written just before a crash must be on disk.
 */
export function openLogFile(dir: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;
  const now = options.now ?? (() => new Date());
  const current = join(dir, LOG_FILE_NAME);
  const rotated = (n: number) => join(dir, `main.${n}.log`);
  mkdirSync(dir, { recursive: true });

  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    renameSync(current, rotated(1));
  };

  return {
    dir,
    write(level, message) {
      const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}\n`;
      try {
        const size = existsSync(current) ? statSync(current).size : 0;
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(current, line);
      } catch {
        // The log is a help, not a duty: a full disk must not stop the app.
      }
    },
  };
}

/** Everything the main process prints (the core's console output too) also goes to the log. */
export function teeConsoleToLog(
  log: LogFile,
  target: Pick<Console, 'log' | 'info' | 'warn' | 'error'> = console,
): void {
  const levels: Array<[keyof typeof target, LogLevel]> = [
    ['log', 'info'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
  ];
  for (const [method, level] of levels) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      log.write(level, format(...args));
      original(...args);
    };
  }
}
