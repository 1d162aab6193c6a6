import { sql, type Kysely } from 'kysely';

/**
 * Token revocations as an outbox: disconnecting a YouTube channel must also tell Google, or the
 * grant stays valid after the app forgot it. The disconnect's transaction moves the refresh token
 * (still encrypted) to `secret_key` in app_secrets and writes a row here; a worker drains due
 * rows after the commit and on every check cycle, so a crash or being offline is caught up later.
 *
 * - A drain claims a row by moving `next_attempt_at` past the request's timeout in one
 *   conditional update (and counting the attempt), so two drains never send it twice and a claim
 *   lost to a crash comes due again by itself.
 * - `done_at` and `outcome` are set together when Google answered (revoked, or the token was
 *   already invalid) or the worker gave up; the secret is deleted in the same transaction.
 * - No foreign key to brands: the grant is revoked even after its brand is gone for good.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE token_revocations (
      id TEXT PRIMARY KEY,
      provider TEXT NOT NULL CHECK (provider IN ('google')),
      brand_id TEXT NOT NULL,
      secret_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      done_at TEXT,
      outcome TEXT CHECK (outcome IN ('revoked', 'already_invalid', 'gave_up')),
      CHECK ((done_at IS NULL) = (outcome IS NULL))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX token_revocations_by_due ON token_revocations(next_attempt_at) WHERE done_at IS NULL`.execute(
    db,
  );
}
