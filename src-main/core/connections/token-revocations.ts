import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { findBrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import type { SecretKey } from '../contract/settings';
import { postGoogleForm } from '../platforms/google-oauth';
import type { HttpAnswer } from '../platforms/http-call';
import { PlatformError } from '../platforms/platform-error';
import type { PlatformUsage } from '../platforms/platform-usage';
import { classifyGoogleError } from '../platforms/youtube-client';
import { isoNow } from '../ports/clock';
import type { Database, TokenRevocationsTable } from '../store/database';
import { secretsIn, type ConnectionsDeps } from './connections-context';
import { connectionsDefaults } from './defaults';
import { googleRevocationTokenKey } from './tokens';

type RevocationRow = Selectable<TokenRevocationsTable>;

/** Where the creator can remove the app's access by hand when Google never confirmed it. */
export const googlePermissionsUrl = 'https://myaccount.google.com/permissions';

/** What one answer of Google's revoke endpoint means for the revocation. */
export type RevokeVerdict =
  | { kind: 'revoked' }
  /** 400 invalid_token: already revoked or expired, which is what we wanted. */
  | { kind: 'already_invalid' }
  /** An outage, a rate limit or no answer at all: try again later. */
  | { kind: 'retry'; error: string }
  /** A refusal that asking again will not change. */
  | { kind: 'refused'; error: string };

export function revokeVerdictOf(answer: Pick<HttpAnswer, 'status' | 'json'>): RevokeVerdict {
  if (answer.status >= 200 && answer.status < 300) return { kind: 'revoked' };
  const oauthError = (answer.json as { error?: unknown } | undefined)?.error;
  if (answer.status === 400 && oauthError === 'invalid_token') return { kind: 'already_invalid' };
  const refusal = classifyGoogleError(answer.status, answer.json);
  const error = `Google answered ${refusal.code ?? `HTTP ${answer.status}`}: ${refusal.message}`;
  return answer.status >= 500 || answer.status === 429 || answer.status === 408
    ? { kind: 'retry', error }
    : { kind: 'refused', error };
}

/** The wait after the `attempts`-th failed try (1-based); the last step repeats. */
export function revocationRetryDelayMs(
  attempts: number,
  steps: readonly number[] = connectionsDefaults.revocationBackoffMs,
): number {
  return steps[Math.min(Math.max(attempts, 1), steps.length) - 1]!;
}

/**
 * Part of a disconnect's transaction: moves the brand's refresh token (still encrypted) to a
 * revocation's own secret and writes the outbox row. False, and nothing written, when there was
 * no token to move.
 */
export async function scheduleGoogleRevocation(
  trx: Kysely<Database>,
  deps: ConnectionsDeps,
  input: { brandId: string; tokenKey: SecretKey; now: string },
): Promise<boolean> {
  const id = randomUUID();
  const secretKey = googleRevocationTokenKey(id);
  if (!(await secretsIn(trx, deps).move(input.tokenKey, secretKey))) return false;
  await trx
    .insertInto('token_revocations')
    .values({
      id,
      provider: 'google',
      brand_id: input.brandId,
      secret_key: secretKey,
      created_at: input.now,
      next_attempt_at: input.now,
      last_error: null,
      done_at: null,
      outcome: null,
    })
    .execute();
  return true;
}

export interface RevocationsDrained {
  revoked: number;
  retrying: number;
  gaveUp: number;
}

/**
 * Sends the token_revocations outbox to Google. Each due row is claimed in one conditional update
 * (its next attempt pushed past the request's timeout, the attempt counted) before its request
 * goes out, so two drains never send it twice; what follows the answer is one transaction that
 * changes the row only if the claim is still ours, and deletes the token once the row is done.
 */
export class TokenRevocations {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly deps: ConnectionsDeps,
    private readonly usage: PlatformUsage,
  ) {}

  /** Drains in the background (after a disconnect commits); `settled` waits for it. */
  wake(): void {
    if (this.closed) return;
    const run: Promise<unknown> = this.drain()
      .catch((error: unknown) =>
        // The rows stay due: the next check cycle tries again.
        this.deps.activity
          .record({
            action: 'Token revocation interrupted',
            detail: `${(error as Error).message ?? String(error)} It is retried on the next check.`,
            level: 'error',
            emoji: '⚠️',
          })
          .catch(() => undefined),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** No new claims; waits for the requests under way. */
  close(): Promise<void> {
    this.closed = true;
    return this.settled();
  }

  async drain(): Promise<RevocationsDrained> {
    const tally: RevocationsDrained = { revoked: 0, retrying: 0, gaveUp: 0 };
    const now = isoNow(this.deps.clock);
    const due = await this.deps.db
      .selectFrom('token_revocations')
      .selectAll()
      .where('done_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .execute();
    for (const row of due) {
      if (this.closed) break;
      const claimed = await this.claim(row, now);
      if (!claimed) continue;
      const result = await this.send(claimed);
      tally[result]++;
    }
    return tally;
  }

  private async claim(row: RevocationRow, now: string): Promise<RevocationRow | null> {
    const attempts = row.attempts + 1;
    const nextAttemptAt = new Date(Date.parse(now) + connectionsDefaults.revocationClaimMs).toISOString();
    const result = await this.deps.db
      .updateTable('token_revocations')
      .set({ attempts, next_attempt_at: nextAttemptAt })
      .where('id', '=', row.id)
      .where('done_at', 'is', null)
      .where('attempts', '=', row.attempts)
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? { ...row, attempts, next_attempt_at: nextAttemptAt } : null;
  }

  private async send(row: RevocationRow): Promise<keyof RevocationsDrained> {
    let token: string | undefined;
    try {
      token = await this.deps.secrets.reveal(row.secret_key);
    } catch (error) {
      return this.finish(row, 'gave_up', (error as Error).message);
    }
    if (!token) return this.finish(row, 'gave_up', 'The token to revoke is missing from the secret store.');

    const verdict = await this.request(token);
    switch (verdict.kind) {
      case 'revoked':
      case 'already_invalid':
        return this.finish(row, verdict.kind, null);
      case 'refused':
        return this.finish(row, 'gave_up', verdict.error);
      case 'retry':
        if (row.attempts >= connectionsDefaults.revocationMaxAttempts) {
          return this.finish(row, 'gave_up', `${verdict.error} (${row.attempts} tries)`);
        }
        return this.retryLater(row, verdict.error);
    }
  }

  /** One POST to the revoke endpoint, recorded in api_usage as a `google` call. */
  private async request(token: string): Promise<RevokeVerdict> {
    const operation = 'oauth.revoke';
    const url = (await this.deps.settings.values()).values.googleRevokeUrl;
    let sent: { answer: HttpAnswer; latencyMs: number };
    try {
      sent = await postGoogleForm(
        operation,
        { url, timeoutMs: connectionsDefaults.requestTimeoutMs },
        { token },
        this.usage,
        this.deps.fetch,
      );
    } catch (error) {
      // No answer (recorded as offline): Google may not have heard it, so ask again later.
      if (!(error instanceof PlatformError)) throw error;
      return { kind: 'retry', error: error.message };
    }
    const verdict = revokeVerdictOf(sent.answer);
    await this.usage.record({
      service: 'google',
      operation,
      latencyMs: sent.latencyMs,
      outcome: verdict.kind === 'retry' || verdict.kind === 'refused' ? 'error' : 'ok',
      error: verdict.kind === 'retry' || verdict.kind === 'refused' ? verdict.error : null,
    });
    return verdict;
  }

  private async retryLater(row: RevocationRow, error: string): Promise<'retrying'> {
    const next = new Date(
      this.deps.clock.now().getTime() + revocationRetryDelayMs(row.attempts),
    ).toISOString();
    await this.deps.db
      .updateTable('token_revocations')
      .set({ next_attempt_at: next, last_error: error.slice(0, 500) })
      .where('id', '=', row.id)
      .where('done_at', 'is', null)
      .where('attempts', '=', row.attempts)
      .execute();
    return 'retrying';
  }

  /** Done or given up: the row, the token's deletion and (on giving up) the creator told, at once. */
  private async finish(
    row: RevocationRow,
    outcome: 'revoked' | 'already_invalid' | 'gave_up',
    error: string | null,
  ): Promise<'revoked' | 'gaveUp'> {
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    await this.deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('token_revocations')
        .set({ done_at: now, outcome, last_error: error?.slice(0, 500) ?? row.last_error })
        .where('id', '=', row.id)
        .where('done_at', 'is', null)
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return;
      await secretsIn(trx, this.deps).clear(row.secret_key);
      if (outcome !== 'gave_up') return;
      const brand = await findBrandRow(trx, row.brand_id);
      pending.push(
        await this.deps.activity.insert(trx, {
          action: 'YouTube access not revoked',
          detail: `${brand?.display_name ?? row.brand_id}: Google did not confirm removing Maestro’s access to the disconnected channel (${error}). Remove it yourself at ${googlePermissionsUrl}.`,
          level: 'error',
          emoji: '⚠️',
          brandId: row.brand_id,
        }),
      );
    });
    pending.forEach((entry) => this.deps.activity.announce(entry));
    return outcome === 'gave_up' ? 'gaveUp' : 'revoked';
  }
}
