import type { ExpressionBuilder, Kysely } from 'kysely';
import { type Clock, DAY_MS, isoNow } from '../ports/clock';
import type { Database } from '../store/database';
import { proposalDefaults } from './defaults';
import { keywordHash, titleKeywords } from './keyword-hash';
import { topicCooldownDays } from './topics';

type ContentType = 'reel' | 'post';

function since(clock: Clock, days: number): string {
  return new Date(clock.now().getTime() - days * DAY_MS).toISOString();
}

/**
 * Rows of any other brand, brand-less rows included: in SQL `brand_id != ?` is never true when
 * brand_id is NULL, so on its own it would silently leave out every brand-less idea.
 */
function notOfBrand(brandId: string) {
  return (eb: ExpressionBuilder<Database, 'content_history'>) =>
    eb.or([eb('brand_id', '!=', brandId), eb('brand_id', 'is', null)]);
}

/** What the app has already said, per brand and across brands: the memory behind dedup. */
export class ContentHistory {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(
    entry: {
      contentType: ContentType;
      title: string;
      topicBucket: string;
      brandId: string | null;
      qualityScore: number;
      imagePrompt: string | null;
      caption: string | null;
      proposalId: string;
    },
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    await trx
      .insertInto('content_history')
      .values({
        content_type: entry.contentType,
        title: entry.title,
        keyword_hash: keywordHash(entry.title),
        keywords: titleKeywords(entry.title).join(' '),
        topic_bucket: entry.topicBucket,
        brand_id: entry.brandId,
        quality_score: entry.qualityScore,
        image_prompt: entry.imagePrompt,
        caption: entry.caption,
        proposal_id: entry.proposalId,
        created_at: isoNow(this.clock),
      })
      .execute();
  }

  /**
   * Is this title the same idea as one this brand used in the last 60 days, or one any brand
   * used in the last 7? A proven winner (real performance score ≥ 85) may be repeated for its
   * own brand; the original judged "winner" by title structure, which let nearly everything through.
   */
  async duplicateOf(
    title: string,
    brandId: string | null,
    trx: Kysely<Database> = this.db,
  ): Promise<string | null> {
    const hash = keywordHash(title);
    const crossSince = since(this.clock, proposalDefaults.crossBrandDuplicateDays);
    let crossQuery = trx
      .selectFrom('content_history')
      .select(['title', 'brand_id'])
      .where('keyword_hash', '=', hash)
      .where('created_at', '>=', crossSince);
    if (brandId) crossQuery = crossQuery.where(notOfBrand(brandId));
    const cross = await crossQuery.executeTakeFirst();
    if (cross) return `used by ${cross.brand_id ?? 'a brand-less idea'} this week: "${cross.title}"`;
    if (!brandId) return null;
    const own = await trx
      .selectFrom('content_history')
      .select('title')
      .where('keyword_hash', '=', hash)
      .where('brand_id', '=', brandId)
      .where('created_at', '>=', since(this.clock, proposalDefaults.brandDuplicateDays))
      .executeTakeFirst();
    if (!own) return null;
    const winner = await trx
      .selectFrom('post_performance')
      .select('id')
      .where('keyword_hash', '=', hash)
      .where('brand_id', '=', brandId)
      .where('performance_score', '>=', proposalDefaults.highPerformerScore)
      .executeTakeFirst();
    return winner ? null : `already used for this brand: "${own.title}"`;
  }

  async recentTitles(contentType: ContentType, brandId: string | null, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('content_history').select('title').where('content_type', '=', contentType);
    if (brandId) query = query.where('brand_id', '=', brandId);
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.title);
  }

  /** Topic buckets used in the last 3 days for this content type (all brands). */
  async topicsOnCooldown(contentType: ContentType): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('content_history')
      .select('topic_bucket')
      .distinct()
      .where('content_type', '=', contentType)
      .where('created_at', '>=', since(this.clock, topicCooldownDays))
      .execute();
    return new Set(rows.map((r) => r.topic_bucket).filter((t): t is string => !!t));
  }

  /**
   * The two headed lists injected into prompts: this brand's last 60 days, and the week's titles
   * of other brands and of brand-less ideas (which block this brand too), both of the type asked.
   */
  async avoidancePrompt(brandId: string | null, contentType: ContentType): Promise<string> {
    if (!brandId) return '';
    const own = await this.db
      .selectFrom('content_history')
      .select('title')
      .where('brand_id', '=', brandId)
      .where('content_type', '=', contentType)
      .where('created_at', '>=', since(this.clock, proposalDefaults.brandDuplicateDays))
      .orderBy('id', 'desc')
      .limit(proposalDefaults.brandAvoidanceTitles)
      .execute();
    const others = await this.db
      .selectFrom('content_history')
      .select('title')
      .where(notOfBrand(brandId))
      .where('content_type', '=', contentType)
      .where('created_at', '>=', since(this.clock, proposalDefaults.crossBrandDuplicateDays))
      .orderBy('id', 'desc')
      .limit(proposalDefaults.crossBrandAvoidanceTitles)
      .execute();
    const parts: string[] = [];
    if (own.length)
      parts.push(
        `Titles already used for this brand (last 60 days; do not repeat or closely rephrase):\n${own.map((r) => `- ${r.title}`).join('\n')}`,
      );
    if (others.length)
      parts.push(
        `Titles used by other brands this week (also avoid):\n${others.map((r) => `- ${r.title}`).join('\n')}`,
      );
    return parts.join('\n\n');
  }
}
