import { accessSync, constants } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Health } from '../contract/system';
import { isoNow, type Clock } from '../ports/clock';
import type { SecretCipher } from '../ports/secret-cipher';
import type { Database } from '../store/database';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  cipher: SecretCipher;
  dataDir: string;
  startedAt: Date;
  /** Checks other domains contribute (e.g. FFmpeg, fonts and music for rendering). */
  extraChecks?: () => Promise<Health['checks']>;
}

/** A cheap self-check the UI and scripts can poll; each failing check says what is wrong. */
export async function checkHealth({
  db,
  clock,
  cipher,
  dataDir,
  startedAt,
  extraChecks,
}: Deps): Promise<Health> {
  const checks: Health['checks'] = [];
  try {
    await sql`SELECT 1`.execute(db);
    checks.push({ name: 'database', ok: true, detail: 'reachable' });
  } catch (error) {
    checks.push({ name: 'database', ok: false, detail: (error as Error).message });
  }
  try {
    accessSync(dataDir, constants.W_OK);
    checks.push({ name: 'data folder', ok: true, detail: dataDir });
  } catch {
    checks.push({ name: 'data folder', ok: false, detail: `${dataDir} is not writable` });
  }
  checks.push({
    name: 'secret storage',
    ok: cipher.isAvailable(),
    detail: cipher.isAvailable() ? cipher.kind : `${cipher.kind} unavailable: secrets cannot be saved`,
  });
  if (extraChecks) checks.push(...(await extraChecks()));
  const now = clock.now();
  return {
    status: checks.every((c) => c.ok) ? 'ok' : 'degraded',
    checks,
    uptimeSeconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
    checkedAt: isoNow(clock),
  };
}
