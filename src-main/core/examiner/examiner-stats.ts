import { sql, type Kysely } from 'kysely';
import {
  examinerViewLimits,
  type ExaminerAverages,
  type ExaminerRejected,
  type ExaminerStats,
  type ExaminerTally,
} from '../contract/examiner';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { DAY_MS } from '../ports/clock';

/**
 * The examiner's own verdict, read from its breakdown and never from `status`: the creator may
 * have decided before the examiner answered, or overruled it after. A breakdown with `error`
 * (or without `passed`) is a question the examiner could not answer.
 */
export type Verdict = 'passed' | 'failed' | 'unanswered';
// Stored as proposals.examiner_verdict with the scores and red flags, written from the breakdown
// by triggers (migration 018), so the examiner views read indexes instead of parsing breakdowns.

/** The proposals of one brand and agent that got one verdict, with their score sums. */
export interface VerdictGroup {
  brandId: string | null;
  brandName: string | null;
  agentId: string;
  agentName: string;
  verdict: Verdict;
  count: number;
  compositeSum: number;
  avatarFitSum: number;
  engagementPotentialSum: number;
  contentQualitySum: number;
}

// ---- Pure aggregation --------------------------------------------------------------------

/** Rounds half up at `decimals`; toFixed first, because 7.825 is 7.82499… in binary. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toFixed(6))) / scale;
}

/**
 * Percent with one decimal, or null of nothing. Multiplying the integers first keeps an exact
 * half exact: (201 / 400) * 1000 is 502.4999…, 201 * 1000 / 400 is 502.5.
 */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** Mean with two decimals, or null of nothing. */
export function meanOf(sum: number, count: number): number | null {
  return count > 0 ? roundTo(sum / count, 2) : null;
}

function sumOf(groups: readonly VerdictGroup[], field: (keyof VerdictGroup & `${string}Sum`) | 'count') {
  return groups.reduce((total, group) => total + group[field], 0);
}

/** Mean scores of the graded proposals among `groups` (unanswered ones carry no scores). */
export function averagesOf(groups: readonly VerdictGroup[]): ExaminerAverages {
  const graded = groups.filter((g) => g.verdict !== 'unanswered');
  const n = sumOf(graded, 'count');
  return {
    composite: meanOf(sumOf(graded, 'compositeSum'), n),
    avatarFit: meanOf(sumOf(graded, 'avatarFitSum'), n),
    engagementPotential: meanOf(sumOf(graded, 'engagementPotentialSum'), n),
    contentQuality: meanOf(sumOf(graded, 'contentQualitySum'), n),
  };
}

export function tallyOf(groups: readonly VerdictGroup[]): ExaminerTally {
  const count = (verdict: Verdict) =>
    sumOf(
      groups.filter((g) => g.verdict === verdict),
      'count',
    );
  const accepted = count('passed');
  const rejected = count('failed');
  return {
    examined: accepted + rejected,
    accepted,
    rejected,
    needsReview: count('unanswered'),
    passRate: percentOf(accepted, accepted + rejected),
    avgComposite: averagesOf(groups).composite,
  };
}

/**
 * How many proposals raised each red flag. Spellings that differ only in case or spacing are
 * one flag, shown as first written; a flag repeated within one proposal counts once. Most
 * frequent first, ties in alphabetical order.
 */
export function topRedFlags(
  flagsPerProposal: readonly (readonly string[])[],
  limit: number = examinerViewLimits.topRedFlags,
): Array<{ flag: string; count: number }> {
  const found = new Map<string, { flag: string; count: number }>();
  for (const flags of flagsPerProposal) {
    const seen = new Set<string>();
    for (const raw of flags) {
      const flag = raw.trim().replace(/\s+/g, ' ');
      const key = flag.toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = found.get(key);
      if (entry) entry.count += 1;
      else found.set(key, { flag, count: 1 });
    }
  }
  return [...found.entries()]
    .sort(([keyA, a], [keyB, b]) => b.count - a.count || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, limit)
    .map(([, entry]) => entry);
}

function byName<T>(name: (item: T) => string) {
  return (a: T, b: T) => {
    const x = name(a).toLowerCase();
    const y = name(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function partition<K>(groups: readonly VerdictGroup[], keyOf: (g: VerdictGroup) => K) {
  const parts = new Map<K, VerdictGroup[]>();
  for (const group of groups) parts.set(keyOf(group), [...(parts.get(keyOf(group)) ?? []), group]);
  return [...parts.values()];
}

/** Everything `examiner.stats` reports, from the grouped rows and each proposal's red flags. */
export function summarizeExaminer(
  groups: readonly VerdictGroup[],
  flagsPerProposal: readonly (readonly string[])[],
  window: { days: number; since: string },
): ExaminerStats {
  return {
    ...window,
    totals: tallyOf(groups),
    averages: {
      accepted: averagesOf(groups.filter((g) => g.verdict === 'passed')),
      rejected: averagesOf(groups.filter((g) => g.verdict === 'failed')),
      all: averagesOf(groups),
    },
    topRedFlags: topRedFlags(flagsPerProposal),
    byBrand: partition(groups, (g) => g.brandId)
      .map((part) => ({ brandId: part[0]!.brandId, brandName: part[0]!.brandName, ...tallyOf(part) }))
      .sort(byName((row) => row.brandName ?? row.brandId ?? '')),
    byAgent: partition(groups, (g) => g.agentId)
      .map((part) => ({ agentId: part[0]!.agentId, agentName: part[0]!.agentName, ...tallyOf(part) }))
      .sort(byName((row) => row.agentName)),
  };
}

/** The first instant of a window of `days` days ending now. */
export function windowStart(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** A stored red-flag list; anything else (an older or damaged breakdown) is no flags. */
export function parseFlags(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

// ---- Queries -----------------------------------------------------------------------------

interface Scope {
  since?: string;
  brandId?: string;
  agentId?: string;
  contentType?: 'reel' | 'post';
}

/** Proposals the examiner was asked about, with their brand's and author's names. */
function examinedProposals(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('proposals as p')
    .leftJoin('brands as b', 'b.id', 'p.brand_id')
    .leftJoin('agents as a', 'a.agent_id', 'p.agent_id')
    .where('p.examiner_verdict', 'is not', null)
    .$if(scope.since !== undefined, (q) => q.where('p.created_at', '>=', scope.since!))
    .$if(scope.brandId !== undefined, (q) => q.where('p.brand_id', '=', scope.brandId!))
    .$if(scope.agentId !== undefined, (q) => q.where('p.agent_id', '=', scope.agentId!))
    .$if(scope.contentType !== undefined, (q) => q.where('p.content_type', '=', scope.contentType!));
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
}

export async function examinerStats(
  { db, clock }: Deps,
  input: { days: number; brandId?: string; agentId?: string },
): Promise<ExaminerStats> {
  const since = windowStart(clock.now(), input.days);
  const scope = { since, brandId: input.brandId, agentId: input.agentId };
  // The figures migration 018 keeps beside the breakdown, summed from one index; names after.
  const rows = await db
    .selectFrom('proposals as p')
    .where('p.examiner_verdict', 'is not', null)
    .where('p.created_at', '>=', since)
    .$if(scope.brandId !== undefined, (q) => q.where('p.brand_id', '=', scope.brandId!))
    .$if(scope.agentId !== undefined, (q) => q.where('p.agent_id', '=', scope.agentId!))
    .select([
      'p.brand_id',
      'p.agent_id',
      'p.examiner_verdict as verdict',
      (eb) => eb.fn.countAll<number>().as('count'),
      sql<number>`total(p.examiner_composite)`.as('composite_sum'),
      sql<number>`total(p.examiner_avatar_fit)`.as('avatar_fit_sum'),
      sql<number>`total(p.examiner_engagement)`.as('engagement_potential_sum'),
      sql<number>`total(p.examiner_content_quality)`.as('content_quality_sum'),
    ])
    .groupBy(['p.brand_id', 'p.agent_id', 'p.examiner_verdict'])
    .execute();
  const brandNames = new Map(
    (await db.selectFrom('brands').select(['id', 'display_name']).execute()).map((b) => [
      b.id,
      b.display_name,
    ]),
  );
  const agentNames = new Map(
    (await db.selectFrom('agents').select(['agent_id', 'display_name']).execute()).map((a) => [
      a.agent_id,
      a.display_name,
    ]),
  );
  // Only graded proposals that raised a flag carry examiner_red_flags (a partial index of them).
  const flags = await db
    .selectFrom('proposals as p')
    .select('p.examiner_red_flags as red_flags')
    .where('p.examiner_red_flags', 'is not', null)
    .where('p.created_at', '>=', since)
    .$if(scope.brandId !== undefined, (q) => q.where('p.brand_id', '=', scope.brandId!))
    .$if(scope.agentId !== undefined, (q) => q.where('p.agent_id', '=', scope.agentId!))
    // Oldest first: a flag is shown as first written. By time, so the window's index gives the order.
    .orderBy('p.created_at')
    .execute();
  const groups: VerdictGroup[] = rows.map((row) => ({
    brandId: row.brand_id,
    brandName: row.brand_id === null ? null : (brandNames.get(row.brand_id) ?? null),
    agentId: row.agent_id,
    agentName: agentNames.get(row.agent_id) ?? row.agent_id,
    verdict: row.verdict as Verdict,
    count: Number(row.count),
    compositeSum: row.composite_sum,
    avatarFitSum: row.avatar_fit_sum,
    engagementPotentialSum: row.engagement_potential_sum,
    contentQualitySum: row.content_quality_sum,
  }));
  return summarizeExaminer(
    groups,
    flags.map((row) => parseFlags(row.red_flags)),
    { days: input.days, since },
  );
}

/** Proposals the examiner rejected, newest first (whatever the creator decided since). */
export async function examinerRejected(
  { db, clock }: Deps,
  input: {
    limit: number;
    brandId?: string;
    agentId?: string;
    contentType?: 'reel' | 'post';
    days?: number;
  },
): Promise<ExaminerRejected> {
  const scope: Scope = {
    since: input.days === undefined ? undefined : windowStart(clock.now(), input.days),
    brandId: input.brandId,
    agentId: input.agentId,
    contentType: input.contentType,
  };
  const rows = await examinedProposals(db, scope)
    .where('p.examiner_verdict', '=', 'failed')
    .select([
      'p.proposal_id',
      'p.brand_id',
      'b.display_name as brand_name',
      'p.agent_id',
      'a.display_name as agent_name',
      'p.content_type',
      'p.title',
      'p.status',
      'p.created_at',
      'p.examiner_composite as composite',
      sql<number>`json_extract(p.examiner_breakdown, '$.threshold')`.as('threshold'),
      sql<string | null>`json_extract(p.examiner_breakdown, '$.reason')`.as('reason'),
      'p.examiner_red_flags as red_flags',
    ])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(input.limit)
    .execute();
  // Without the name joins: the count is then read from the verdict index alone.
  const { total } = await db
    .selectFrom('proposals as p')
    .where('p.examiner_verdict', '=', 'failed')
    .$if(scope.since !== undefined, (q) => q.where('p.created_at', '>=', scope.since!))
    .$if(scope.brandId !== undefined, (q) => q.where('p.brand_id', '=', scope.brandId!))
    .$if(scope.agentId !== undefined, (q) => q.where('p.agent_id', '=', scope.agentId!))
    .$if(scope.contentType !== undefined, (q) => q.where('p.content_type', '=', scope.contentType!))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      proposalId: row.proposal_id,
      brandId: row.brand_id,
      brandName: row.brand_name,
      agentId: row.agent_id,
      agentName: row.agent_name ?? row.agent_id,
      contentType: row.content_type,
      title: row.title,
      status: row.status,
      composite: Number(row.composite ?? 0),
      threshold: Number(row.threshold ?? 0),
      reason: row.reason ?? '',
      redFlags: parseFlags(row.red_flags),
      createdAt: row.created_at,
    })),
    total: Number(total),
  };
}
