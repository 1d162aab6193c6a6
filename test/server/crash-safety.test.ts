import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src-main/core/ports/random';
import { makeTempDir } from '../helpers/temp-dir';
import { callOperation, startServeProcess } from '../helpers/serve-process';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

const WRITERS = 4;

/**
 * Creates brands as fast as the server acknowledges them, from several concurrent writers,
 * until the server dies. Returns the ids the server acknowledged (HTTP 200 = committed).
 */
async function writeUntilKilled(
  base: string,
  token: string,
  round: number,
  onFirstAck: () => void,
): Promise<string[]> {
  const acknowledged: string[] = [];
  let n = 0;
  const writer = async () => {
    for (;;) {
      const id = `r${round}-w${String(n++).padStart(6, '0')}`;
      try {
        const { status } = await callOperation(base, token, 'brands.create', {
          id,
          displayName: `Crash test ${id}`,
          colors: { primary: '#123456', accent: '#abcdef' },
        });
        if (status === 200) {
          acknowledged.push(id);
          if (acknowledged.length === 1) onFirstAck();
        }
      } catch {
        return; // connection refused/reset: the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return acknowledged;
}

describe('crash safety of the headless server', () => {
  it('a killed server never corrupts the database nor loses an acknowledged write, and starts again', async () => {
    const random = seededRandom(20261125);
    const allAcknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await startServeProcess(temp.dir);
      // The kill lands 0–400 ms after the first acknowledged write, in the middle of the stream of
      // writes, however long a loaded machine takes to serve the first one.
      const killAfterMs = Math.floor(random.next() * 400);
      let firstAck!: () => void;
      const killer = new Promise<void>((resolve) => (firstAck = resolve)).then(
        () =>
          new Promise<void>((done) =>
            setTimeout(() => {
              server.child.kill('SIGKILL');
              done();
            }, killAfterMs),
          ),
      );
      const acknowledged = await writeUntilKilled(server.base, server.token, round, firstAck);
      await killer;
      expect(await server.exited).toBe('SIGKILL');
      expect(acknowledged.length, `round ${round} wrote before the kill`).toBeGreaterThan(0);
      allAcknowledged.push(...acknowledged);

      const sqlite = new BetterSqlite3(join(temp.dir, 'maestro.db'));
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
        const stored = new Set(
          (sqlite.prepare('SELECT id FROM brands').all() as { id: string }[]).map((r) => r.id),
        );
        const lost = allAcknowledged.filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
  });
});
