import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src-main/core/contract/operations';
import { seededRandom } from '../../src-main/core/ports/random';
import { startHeadlessServer, type HeadlessServer } from '../../src-main/server/http-server';
import { malformedPayloads } from '../helpers/malformed-payloads';
import { callOperation } from '../helpers/serve-process';
import { openTempCore, sampleBrand, type TempCore } from '../helpers/temp-core';

const TOKEN = 'fuzz-token-0123456789abcdef';
const PER_OPERATION = 200;
let t: TempCore;
let server: HeadlessServer;
let base: string;

/** Checkpoints the WAL into the main file, then hashes the file: equal hashes = equal bytes. */
function databaseFingerprint(): string {
  t.core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(t.dir, 'maestro.db');
  expect(statSync(`${file}-wal`).size).toBe(0);
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

beforeAll(async () => {
  t = await openTempCore();
  mkdirSync(join(t.dir, 'renderer'));
  server = await startHeadlessServer({
    core: t.core,
    token: TOKEN,
    port: 0,
    rendererDir: join(t.dir, 'renderer'),
  });
  base = `http://127.0.0.1:${server.port}`;
  // Something to damage: a brand, a saved setting, a secret and Maestro running.
  await t.call('brands.create', sampleBrand);
  await t.call('settings.set', { values: { llmModel: 'deepseek-chat' } });
  await t.call('secrets.set', { key: 'llm.apiKey', value: 'sk-original' });
  await t.call('maestro.resume');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe(`${PER_OPERATION} malformed payloads per operation over HTTP`, () => {
  it.each(operationNames)(
    '%s: every payload gets a typed error and the database stays byte-identical',
    async (name) => {
      const before = databaseFingerprint();
      const payloads = malformedPayloads(name, PER_OPERATION, seededRandom(name.length * 7919));
      expect(new Set(payloads).size).toBe(PER_OPERATION);
      const failures: string[] = [];
      for (const payload of payloads) {
        const { status, body } = await callOperation(base, TOKEN, name, payload);
        if (
          status !== 400 ||
          body.ok !== false ||
          body.error?.code !== 'invalid_input' ||
          !body.error.message
        ) {
          failures.push(`${status} ${JSON.stringify(body).slice(0, 200)} for ${payload.slice(0, 120)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(databaseFingerprint()).toBe(before);
    },
  );
});
