import { sql, type Kysely } from 'kysely';

/**
 * Full-text search (SQLite FTS5) over proposals, post captions and the activity log, kept in
 * step by triggers, so the index is right whatever writes (the app, an import, a restore).
 * Only src-main/core/search/sqlite-search-index.ts reads these tables; the rest of the core
 * asks the SearchIndex port, which a PostgreSQL store would answer with tsvector instead.
 *
 * - Every index is "external content": it stores only the index, and snippets read the text
 *   from the table itself (for proposals, from a view), so the file does not hold it twice.
 * - unicode61 with diacritics removed: "cafe" finds "café". Prefix indexes for 1–3 letters
 *   make a search-as-you-type prefix one doclist read instead of a walk over every term.
 * - proposals_fts also indexes `facets`: one token per status, type, brand and agent (hex of the
 *   id, so any id is one token). A search within the review queue's filter is then an
 *   intersection inside the index, read newest first and stopped at the page's end, instead of
 *   a walk over every match checking each row's status.
 * - The proposals view joins the caption, the reasoning, a reel's lines and a carousel's slides
 *   into `body`. The JSON arrays are unwrapped with plain string functions (a trigger may not
 *   call json_each), the same expression every time, so the values a trigger removes are
 *   exactly those it added.
 * - Posts have a text primary key; their index follows the table's rowid, which only VACUUM
 *   could renumber. The app never runs VACUUM (backups use the online backup API, which copies
 *   pages); whatever does must run the index's 'rebuild' after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW proposals_search_source AS
    SELECT
      id,
      title,
      trim(
        coalesce(caption, '') || ' ' || reasoning || ' ' ||
        coalesce(replace(replace(replace(content_lines, '["', ''), '","', ' · '), '"]', ''), '') || ' ' ||
        coalesce(replace(replace(replace(slide_texts, '["', ''), '","', ' · '), '"]', ''), '')
      ) AS body,
      's' || replace(status, '_', '') || ' t' || content_type || ' b' || hex(coalesce(brand_id, '')) || ' a' || hex(agent_id) AS facets
    FROM proposals`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE proposals_fts USING fts5(
      title, body, facets,
      content = 'proposals_search_source', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    )`.execute(db);
  const proposalColumns = sql`title, caption, reasoning, content_lines, slide_texts, status, content_type, brand_id, agent_id`;
  await sql`
    CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
      INSERT INTO proposals_fts (rowid, title, body, facets)
        SELECT id, title, body, facets FROM proposals_search_source WHERE id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER proposals_search_unindex BEFORE UPDATE OF ${proposalColumns} ON proposals BEGIN
      INSERT INTO proposals_fts (proposals_fts, rowid, title, body, facets)
        SELECT 'delete', id, title, body, facets FROM proposals_search_source WHERE id = old.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER proposals_search_reindex AFTER UPDATE OF ${proposalColumns} ON proposals BEGIN
      INSERT INTO proposals_fts (rowid, title, body, facets)
        SELECT id, title, body, facets FROM proposals_search_source WHERE id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER proposals_search_delete BEFORE DELETE ON proposals BEGIN
      INSERT INTO proposals_fts (proposals_fts, rowid, title, body, facets)
        SELECT 'delete', id, title, body, facets FROM proposals_search_source WHERE id = old.id;
    END`.execute(db);
  await sql`INSERT INTO proposals_fts (proposals_fts) VALUES ('rebuild')`.execute(db);

  await sql`
    CREATE VIRTUAL TABLE activity_fts USING fts5(
      action, detail, agent,
      content = 'activity_log', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  await sql`
    CREATE TRIGGER activity_search_insert AFTER INSERT ON activity_log BEGIN
      INSERT INTO activity_fts (rowid, action, detail, agent) VALUES (new.id, new.action, new.detail, new.agent);
    END`.execute(db);
  await sql`
    CREATE TRIGGER activity_search_update AFTER UPDATE OF action, detail, agent ON activity_log BEGIN
      INSERT INTO activity_fts (activity_fts, rowid, action, detail, agent)
        VALUES ('delete', old.id, old.action, old.detail, old.agent);
      INSERT INTO activity_fts (rowid, action, detail, agent) VALUES (new.id, new.action, new.detail, new.agent);
    END`.execute(db);
  await sql`
    CREATE TRIGGER activity_search_delete AFTER DELETE ON activity_log BEGIN
      INSERT INTO activity_fts (activity_fts, rowid, action, detail, agent)
        VALUES ('delete', old.id, old.action, old.detail, old.agent);
    END`.execute(db);
  await sql`INSERT INTO activity_fts (activity_fts) VALUES ('rebuild')`.execute(db);

  await sql`
    CREATE VIRTUAL TABLE captions_fts USING fts5(
      title, caption, facebook_caption, youtube_title, first_comment,
      content = 'scheduled_posts', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  await sql`
    CREATE TRIGGER captions_search_insert AFTER INSERT ON scheduled_posts BEGIN
      INSERT INTO captions_fts (rowid, title, caption, facebook_caption, youtube_title, first_comment)
        VALUES (new.rowid, new.title, new.caption, new.facebook_caption, new.youtube_title, new.first_comment);
    END`.execute(db);
  await sql`
    CREATE TRIGGER captions_search_update
    AFTER UPDATE OF title, caption, facebook_caption, youtube_title, first_comment ON scheduled_posts BEGIN
      INSERT INTO captions_fts (captions_fts, rowid, title, caption, facebook_caption, youtube_title, first_comment)
        VALUES ('delete', old.rowid, old.title, old.caption, old.facebook_caption, old.youtube_title, old.first_comment);
      INSERT INTO captions_fts (rowid, title, caption, facebook_caption, youtube_title, first_comment)
        VALUES (new.rowid, new.title, new.caption, new.facebook_caption, new.youtube_title, new.first_comment);
    END`.execute(db);
  await sql`
    CREATE TRIGGER captions_search_delete AFTER DELETE ON scheduled_posts BEGIN
      INSERT INTO captions_fts (captions_fts, rowid, title, caption, facebook_caption, youtube_title, first_comment)
        VALUES ('delete', old.rowid, old.title, old.caption, old.facebook_caption, old.youtube_title, old.first_comment);
    END`.execute(db);
  await sql`INSERT INTO captions_fts (captions_fts) VALUES ('rebuild')`.execute(db);
}
