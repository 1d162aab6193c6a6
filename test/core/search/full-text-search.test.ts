import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextSegment } from '../../../src-main/core/contract/search';
import { segmentsOf } from '../../../src-main/core/search/highlighted-text';
import { searchTermsOf } from '../../../src-main/core/search/search-terms';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

describe('what a search box turns into', () => {
  it('takes the words, lower-cased, once each, in any script; punctuation separates', () => {
    expect(searchTermsOf('  Magnesium, SLEEP & omega-3!  ')).toEqual(['magnesium', 'sleep', 'omega', '3']);
    expect(searchTermsOf('café Café naïve 睡眠')).toEqual(['café', 'naïve', '睡眠']);
    expect(searchTermsOf('"); DROP TABLE proposals; --')).toEqual(['drop', 'table', 'proposals']);
    expect(searchTermsOf(' -- ')).toEqual([]);
    expect(searchTermsOf('a b c d e f g h i j')).toHaveLength(8);
  });

  it('splits a marked snippet into plain and matched text, never treating text as markup', () => {
    expect(segmentsOf('Why \u0002magnesium\u0003 helps <b>sleep</b>')).toEqual([
      { text: 'Why ', match: false },
      { text: 'magnesium', match: true },
      { text: ' helps <b>sleep</b>', match: false },
    ]);
    expect(segmentsOf('\u0002a\u0003\u0002b\u0003 c')).toEqual([
      { text: 'ab', match: true },
      { text: ' c', match: false },
    ]);
    expect(segmentsOf('')).toEqual([]);
  });
});

const matched = (segments: TextSegment[] | undefined) =>
  (segments ?? []).filter((s) => s.match).map((s) => s.text.toLowerCase());

describe('full-text search kept in step by triggers', () => {
  let t: TempCore;
  let serial = 100;

  /** A proposal written the way the generator writes one (one INSERT), pending. */
  function propose(fields: {
    title: string;
    caption?: string;
    lines?: string[];
    brandId?: string | null;
    agentId?: string;
    contentType?: 'reel' | 'post';
    status?: string;
  }): string {
    const proposalId = `TOBY-${serial++}`;
    t.core.store.sqlite
      .prepare(
        `INSERT INTO proposals (proposal_id, agent_id, brand_id, content_type, status, variant, strategy, reasoning,
           title, content_lines, caption, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'dark', 'explore', 'Because people ask.', ?, ?, ?, ?, ?)`,
      )
      .run(
        proposalId,
        fields.agentId ?? 'toby',
        fields.brandId === undefined ? sampleBrand.id : fields.brandId,
        fields.contentType ?? 'reel',
        fields.status ?? 'pending',
        fields.title,
        JSON.stringify(fields.lines ?? ['One line', 'Another line']),
        fields.caption ?? null,
        '2026-11-25T09:00:00.000Z',
        '2026-11-25T09:00:00.000Z',
      );
    return proposalId;
  }

  const search = (text: string, extra: Record<string, unknown> = {}) =>
    t.call('proposals.list', { statuses: ['pending'], search: text, ...extra });
  const ids = async (text: string, extra: Record<string, unknown> = {}) =>
    (await search(text, extra)).items.map((p) => p.proposalId);

  /** FTS5's own check of each index against the rows it indexes. */
  function indexesAreConsistent() {
    for (const table of ['proposals_fts', 'activity_fts', 'captions_fts']) {
      t.core.store.sqlite
        .prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`)
        .run();
    }
  }

  beforeEach(async () => {
    t = await openTempCore();
    await t.call('brands.create', sampleBrand);
    await t.call('brands.create', { ...sampleBrand, id: 'other-brand', displayName: 'Other' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('finds every word as a prefix, in the title, caption and lines, and marks what matched', async () => {
    const magnesium = propose({
      title: 'Why magnesium helps you sleep',
      caption: 'Dark leafy greens are rich in it.',
    });
    const lines = propose({
      title: 'Three evening habits',
      lines: ['Dim the lights', 'Magnesium-rich snack'],
    });
    propose({ title: 'Morning sunlight', caption: 'Set your clock.' });

    expect(await ids('magn')).toEqual([lines, magnesium]);
    expect(await ids('magnesium slee')).toEqual([magnesium]);
    expect(await ids('LEAFY')).toEqual([magnesium]);
    expect(await ids('nothing-like-this')).toEqual([]);

    const page = await search('magnes sleep');
    expect(matched(page.highlights?.[magnesium]?.title)).toEqual(['magnesium', 'sleep']);
    expect(page.highlights?.[magnesium]?.title.map((s) => s.text).join('')).toBe(
      'Why magnesium helps you sleep',
    );
    expect(matched((await search('snack')).highlights?.[lines]?.snippet)).toEqual(['snack']);
  });

  it('ignores accents and case, and a typed word never matches the filter tokens', async () => {
    const cafe = propose({ title: 'Le café du matin' });
    expect(await ids('cafe')).toEqual([cafe]);
    expect(await ids('CAFÉ')).toEqual([cafe]);
    // The status, type, brand and agent tokens live in the index too; words never reach them.
    expect(await ids('spending')).toEqual([]);
    expect(await ids('treel')).toEqual([]);
  });

  it('searches within the tab, brand, agent and type, and counts matches per tab', async () => {
    const mine = propose({ title: 'Hydration basics' });
    const post = propose({ title: 'Hydration myths', contentType: 'post' });
    const other = propose({ title: 'Hydration for athletes', brandId: 'other-brand' });
    const lexi = propose({ title: 'Hydration and focus', agentId: 'lexi' });
    const rejected = propose({ title: 'Hydration overload', status: 'rejected' });

    expect(await ids('hydr')).toEqual([lexi, other, post, mine]);
    expect(await ids('hydr', { brandId: sampleBrand.id })).toEqual([lexi, post, mine]);
    expect(await ids('hydr', { brandId: 'other-brand' })).toEqual([other]);
    expect(await ids('hydr', { agentId: 'lexi' })).toEqual([lexi]);
    expect(await ids('hydr', { contentType: 'post' })).toEqual([post]);
    expect(await ids('hydr', { statuses: ['rejected'] })).toEqual([rejected]);
    expect(await ids('hydr', { statuses: ['pending', 'rejected'] })).toEqual([
      rejected,
      lexi,
      other,
      post,
      mine,
    ]);
    const tabs = { pending: 3, needs_review: 0, accepted: 0, rejected: 1, expired: 0 };
    expect((await search('hydr', { brandId: sampleBrand.id })).counts).toEqual(tabs);
    // The page asks for its tabs on their own, whatever the tab, and the list leaves them out.
    expect(await t.call('proposals.counts', { search: 'hydr', brandId: sampleBrand.id })).toEqual(tabs);
    expect(await search('hydr', { brandId: sampleBrand.id, withCounts: false })).not.toHaveProperty('counts');
    expect(await t.call('proposals.counts', { brandId: sampleBrand.id })).toEqual({ pending: 3, rejected: 1 });
  });

  it('pages newest first by keyset: pages never overlap and together hold every match', async () => {
    const all = Array.from({ length: 7 }, (_, i) => propose({ title: `Sleep tip number ${i}` })).reverse();
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await search('sleep tip', { limit: 3, ...(before ? { beforeProposalId: before } : {}) });
      seen.push(...page.items.map((p) => p.proposalId));
      if (!page.hasMore) break;
      before = page.items.at(-1)!.proposalId;
    }
    expect(seen).toEqual(all);
  });

  it('follows every change: a decision moves it between tabs, an edit re-indexes, a delete unindexes', async () => {
    const id = propose({ title: 'Cold showers and recovery' });
    await t.call('proposals.reject', { proposalId: id, note: 'Not for us' });
    expect(await ids('cold')).toEqual([]);
    expect(await ids('cold', { statuses: ['rejected'] })).toEqual([id]);

    t.core.store.sqlite.prepare('UPDATE proposals SET title = ? WHERE proposal_id = ?').run('Warm baths', id);
    expect(await ids('cold', { statuses: ['rejected'] })).toEqual([]);
    expect(await ids('warm', { statuses: ['rejected'] })).toEqual([id]);

    t.core.store.sqlite.prepare('DELETE FROM proposals WHERE proposal_id = ?').run(id);
    expect(await ids('warm', { statuses: ['rejected'] })).toEqual([]);
    indexesAreConsistent();
  });

  it('searches the activity feed and post captions, and keeps them in step', async () => {
    const entry = (await t.call('activity.list', { limit: 50, search: 'brand' })).find((e) =>
      e.detail.includes(sampleBrand.id),
    );
    expect(entry?.highlight).toBeDefined();
    expect(matched(entry?.highlight?.title).concat(matched(entry?.highlight?.snippet))).toContain('brand');

    t.core.store.sqlite
      .prepare(
        `INSERT INTO generation_jobs (job_id, status, title, variant, brands, platforms, created_at, brand_id)
         VALUES ('GEN-1000001', 'completed', 'Sunlight', 'dark', '["${sampleBrand.id}"]', '["instagram"]', '2026-11-25T09:00:00.000Z', '${sampleBrand.id}')`,
      )
      .run();
    t.core.store.sqlite
      .prepare(
        `INSERT INTO scheduled_posts (schedule_id, job_id, brand_id, content_type, variant, title, caption,
           facebook_caption, scheduled_time, slot_source, status, platforms, media, created_at, updated_at)
         VALUES ('SCH-abcdefgh12', 'GEN-1000001', ?, 'reel', 'dark', 'Morning sunlight', 'Ten minutes outside',
           'Ten minutes outside, every morning', '2026-11-26T09:00:00.000Z', 'auto', 'scheduled', '["instagram"]',
           '{"video":null,"thumbnail":null,"youtubeThumbnail":null,"slides":[]}', '2026-11-25T09:00:00.000Z', '2026-11-25T09:00:00.000Z')`,
      )
      .run(sampleBrand.id);
    const found = await t.call('search.query', { text: 'outside' });
    expect(found.posts.map((p) => p.scheduleId)).toEqual(['SCH-abcdefgh12']);
    t.core.store.sqlite
      .prepare('UPDATE scheduled_posts SET caption = ? WHERE schedule_id = ?')
      .run('Step into the daylight', 'SCH-abcdefgh12');
    expect((await t.call('search.query', { text: 'daylight' })).posts).toHaveLength(1);
    // The Facebook caption still says "outside"; the Instagram caption no longer does.
    expect(matched((await t.call('search.query', { text: 'outside' })).posts[0]?.highlight.snippet)).toEqual([
      'outside',
    ]);
    indexesAreConsistent();
  });
});
