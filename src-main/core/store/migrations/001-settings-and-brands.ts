import { sql, type Kysely } from 'kysely';

/** App-wide settings, encrypted secrets, Maestro's own state, brands and their platform links. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE app_secrets (
      key TEXT PRIMARY KEY,
      ciphertext BLOB NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE maestro_config (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE brands (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      short_name TEXT NOT NULL,
      instagram_handle TEXT,
      instagram_account_id TEXT,
      facebook_page_id TEXT,
      youtube_channel_id TEXT,
      schedule_offset INTEGER NOT NULL CHECK (schedule_offset BETWEEN 0 AND 23),
      posts_per_day INTEGER NOT NULL CHECK (posts_per_day BETWEEN 1 AND 24),
      colors TEXT NOT NULL CHECK (json_valid(colors)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE platform_connections (
      brand_id TEXT NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      account_id TEXT,
      account_name TEXT,
      status TEXT NOT NULL CHECK (status IN ('connected', 'revoked', 'error')),
      last_error TEXT,
      connected_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (brand_id, platform)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE activity_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      agent TEXT,
      action TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '',
      level TEXT NOT NULL CHECK (level IN ('action', 'detail', 'api', 'data', 'error')),
      emoji TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX activity_log_by_at ON activity_log(at)`.execute(db);
}
