import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLogFile, teeConsoleToLog } from '../../src-main/electron/log-file';
import { makeTempDir } from '../helpers/temp-dir';

describe('log file', () => {
  it('writes timestamped lines and rotates by size, keeping a fixed number of old files', () => {
    const temp = makeTempDir();
    const dir = join(temp.dir, 'logs');
    const log = openLogFile(dir, { maxBytes: 100, keep: 2, now: () => new Date('2026-11-25T10:00:00.000Z') });
    // Each line is 24 (time) + 1 + 5 (level) + 1 + 20 (message) + 1 = 52 bytes: one per 100-byte file.
    for (let i = 0; i < 7; i++) log.write('info', `message number ${String(i).padStart(4, '0')}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe(
      '2026-11-25T10:00:00.000Z INFO  message number 0006\n',
    );
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toContain('0005');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toContain('0004');
    temp.cleanup();
  });

  it('copies console output into the log, formatted as the console would', () => {
    const temp = makeTempDir();
    const log = openLogFile(temp.dir);
    const printed: unknown[][] = [];
    const target = {
      log: (...a: unknown[]) => void printed.push(a),
      info: (...a: unknown[]) => void printed.push(a),
      warn: (...a: unknown[]) => void printed.push(a),
      error: (...a: unknown[]) => void printed.push(a),
    };
    teeConsoleToLog(log, target);
    target.warn('render %s failed after %d tries', 'GEN-1', 3);
    target.error(new Error('boom'));
    const text = readFileSync(join(temp.dir, 'main.log'), 'utf8');
    expect(text).toContain('WARN  render GEN-1 failed after 3 tries\n');
    expect(text).toMatch(/ERROR Error: boom/);
    expect(printed).toHaveLength(2);
    temp.cleanup();
  });
});
