import { sql, type Kysely } from 'kysely';
import type { LearnedPattern } from '../contract/learning';
import { localMinutes } from '../maestro/local-time';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { discoverPatterns, patternDecay, type PatternFinding } from './title-patterns';
import { DAY_MS } from '../ports/clock';

export const patternDefaults = {
  /** Newest measured posts per brand the analysis reads. */
  postsPerBrand: 100,
  firstConfidence: 0.5,
  /** Confirmed again: +0.05; not found again when the brand is analysed: −0.05. */
  confidenceStep: 0.05,
  /** Lessons use patterns at least this confident and not decayed below this weight. */
  minConfidence: 0.3,
  minDecay: 0.1,
  lessons: 5,
} as const;

/**
 * Shared knowledge across agents (reference §9.4, which wrote patterns no prompt ever read): what
 * each brand's measured posts say about title shapes, keywords and posting hours, with confidence
 * that grows as analyses confirm it, shrinks when they don't, and recency decay; the strongest
 * become lessons in every agent's prompt for that brand.
 */
export class PatternsService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; settings: SettingsService }) {}

  /** Analyses every active brand; returns how many patterns were found (new or confirmed). */
  async analyse(): Promise<{ brands: number; found: number }> {
    const { db, settings } = this.deps;
    const timeZone = (await settings.values()).values.burstTimeZone;
    const brands = await db
      .selectFrom('brands')
      .select('id')
      .where('active', '=', 1)
      .where('deleted_at', 'is', null)
      .execute();
    let found = 0;
    for (const { id: brandId } of brands) {
      const rows = await db
        .selectFrom('post_performance')
        .select([
          sql<string>`max(title)`.as('title'),
          sql<number>`avg(relative_score)`.as('score'),
          sql<string>`min(published_at)`.as('published_at'),
        ])
        .where('brand_id', '=', brandId)
        .where('relative_score', 'is not', null)
        .where('title', 'is not', null)
        .where('published_at', 'is not', null)
        .groupBy(sql`coalesce(schedule_id, platform || ':' || media_id)`)
        .orderBy(sql`min(published_at)`, 'desc')
        .limit(patternDefaults.postsPerBrand)
        .execute();
      const findings = discoverPatterns(
        rows.map((r) => ({
          title: r.title,
          score: Number(r.score),
          hour: Math.floor(localMinutes(new Date(r.published_at), timeZone) / 60),
        })),
      );
      if (rows.length === 0) continue;
      await this.record(brandId, findings);
      found += findings.length;
    }
    return { brands: brands.length, found };
  }

  /** Confirms or adds each finding; weakens the brand's patterns the analysis no longer finds. */
  private async record(brandId: string, findings: readonly PatternFinding[]): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('learned_patterns')
        .selectAll()
        .where('brand_id', '=', brandId)
        .execute();
      const seen = new Set<number>();
      for (const f of findings) {
        const known = existing.find((p) => p.pattern_type === f.type && p.pattern_key === f.key);
        if (known) {
          seen.add(known.id);
          await trx
            .updateTable('learned_patterns')
            .set({
              confidence: Math.min(1, round2(known.confidence + patternDefaults.confidenceStep)),
              decay_weight: 1,
              description: f.description,
              effect: f.effect,
              sample_size: f.sampleSize,
              validation_count: known.validation_count + 1,
              last_validated_at: now,
            })
            .where('id', '=', known.id)
            .execute();
        } else {
          await trx
            .insertInto('learned_patterns')
            .values({
              pattern_type: f.type,
              pattern_key: f.key,
              brand_id: brandId,
              description: f.description,
              confidence: patternDefaults.firstConfidence,
              decay_weight: 1,
              effect: f.effect,
              sample_size: f.sampleSize,
              validation_count: 1,
              last_validated_at: now,
              created_at: now,
            })
            .execute();
        }
      }
      for (const p of existing) {
        if (seen.has(p.id)) continue;
        await trx
          .updateTable('learned_patterns')
          .set({ confidence: Math.max(0, round2(p.confidence - patternDefaults.confidenceStep)) })
          .where('id', '=', p.id)
          .execute();
      }
    });
  }

  /**
   * Recency decay (e^(−days since last validated / 30)); patterns decayed below the lessons'
   * threshold or with no confidence left are deleted (the reference's rule, confidence < 0.2 and
   * 60 days old, could never fire because confidence only ever rose).
   */
  async consolidate(): Promise<{ decayed: number; deleted: number }> {
    const { db, clock } = this.deps;
    const now = clock.now().getTime();
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('learned_patterns')
        .select(['id', 'last_validated_at', 'confidence'])
        .execute();
      const doomed: number[] = [];
      let decayed = 0;
      for (const r of rows) {
        const decay = patternDecay((now - Date.parse(r.last_validated_at)) / DAY_MS);
        if (decay < patternDefaults.minDecay || r.confidence <= 0) {
          doomed.push(r.id);
          continue;
        }
        await trx
          .updateTable('learned_patterns')
          .set({ decay_weight: decay })
          .where('id', '=', r.id)
          .execute();
        decayed++;
      }
      if (doomed.length) await trx.deleteFrom('learned_patterns').where('id', 'in', doomed).execute();
      return { decayed, deleted: doomed.length };
    });
  }

  async list(brandId?: string | null): Promise<LearnedPattern[]> {
    let query = this.deps.db.selectFrom('learned_patterns').selectAll();
    if (brandId) query = query.where('brand_id', '=', brandId);
    const rows = await query
      .orderBy(sql`confidence * decay_weight`, 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.pattern_type,
      key: r.pattern_key,
      brandId: r.brand_id,
      description: r.description,
      confidence: r.confidence,
      decayWeight: r.decay_weight,
      effect: r.effect,
      sampleSize: r.sample_size,
      lastValidatedAt: r.last_validated_at,
    }));
  }
}

/** The lines a prompt gets for a brand: its strongest live patterns. */
export async function patternLessons(db: Kysely<Database>, brandId: string | null): Promise<string[]> {
  if (!brandId) return [];
  const rows = await db
    .selectFrom('learned_patterns')
    .select(['description'])
    .where('brand_id', '=', brandId)
    .where('confidence', '>=', patternDefaults.minConfidence)
    .where('decay_weight', '>', patternDefaults.minDecay)
    .orderBy(sql`confidence * decay_weight`, 'desc')
    .orderBy('id')
    .limit(patternDefaults.lessons)
    .execute();
  return rows.map((r) => r.description);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
