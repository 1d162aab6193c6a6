import type { Kysely } from 'kysely';
import { AppError } from '../contract/errors';
import type { SecretKey } from '../contract/settings';
import { isoNow, type Clock } from '../ports/clock';
import type { SecretCipher } from '../ports/secret-cipher';
import type { Database } from '../store/database';

/**
 * API keys and platform tokens, encrypted by the injected cipher before they touch the disk.
 * Only `reveal` returns plaintext, and only core services (LLM, publishers) call it: no
 * contract operation hands a secret to the renderer.
 */
export class SecretStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  get protection(): string {
    return this.cipher.kind;
  }

  async set(key: SecretKey, value: string): Promise<void> {
    if (!this.cipher.isAvailable()) {
      throw new AppError(
        'unavailable',
        `Secrets cannot be stored safely here: ${this.cipher.kind} is not available.`,
      );
    }
    const ciphertext = this.cipher.encrypt(value);
    const updated_at = isoNow(this.clock);
    await this.db
      .insertInto('app_secrets')
      .values({ key, ciphertext, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ ciphertext, updated_at }))
      .execute();
  }

  async clear(key: SecretKey): Promise<void> {
    await this.db.deleteFrom('app_secrets').where('key', '=', key).execute();
  }

  /**
   * Moves a secret to another name without decrypting it (a token that must outlive its
   * connection, e.g. to be revoked). False when there was nothing under `from`.
   */
  async move(from: SecretKey, to: SecretKey): Promise<boolean> {
    const result = await this.db
      .updateTable('app_secrets')
      .set({ key: to, updated_at: isoNow(this.clock) })
      .where('key', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async has(key: SecretKey): Promise<boolean> {
    const row = await this.db
      .selectFrom('app_secrets')
      .select('key')
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  }

  async keys(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('app_secrets').select('key').execute();
    return new Set(rows.map((r) => r.key));
  }

  /** Plaintext for the core's own outbound calls; undefined when not set. */
  async reveal(key: SecretKey): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('app_secrets')
      .select('ciphertext')
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    try {
      return this.cipher.decrypt(row.ciphertext);
    } catch {
      throw new AppError(
        'unavailable',
        `The stored secret "${key}" cannot be decrypted (was the data folder copied from another machine?). Set it again in Settings.`,
        { key },
      );
    }
  }
}
