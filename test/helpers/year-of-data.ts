import type { Database as SqliteDatabase } from 'better-sqlite3';
import { seededRandom, type Random } from '../../src-main/core/ports/random';

/**
 * A year of an agency's data written straight into a migrated file with bulk SQL (the schema's
 * own constraints and triggers apply, so the search index is built as the app would build it).
 * Sizes follow issue 10: 20 brands, 40 agents, 60,000 proposals, 20,000 renders, 20,000
 * scheduled posts with their metric snapshots, 200,000 activity rows, 100,000 usage rows.
 * `scale` shrinks every count for tests that need the shape, not the size.
 */
export interface YearOfDataOptions {
  /** The last instant of the year (the bench's "now"). */
  end: Date;
  scale?: number;
  seed?: number;
}

export interface YearOfDataCounts {
  brands: number;
  agents: number;
  proposals: number;
  renders: number;
  scheduledPosts: number;
  metricSnapshots: number;
  activity: number;
  usage: number;
}

const DAY_MS = 86_400_000;

export const fullYear = {
  brands: 20,
  agents: 40,
  proposals: 60_000,
  renders: 20_000,
  activity: 200_000,
  usage: 100_000,
} as const;

/** Words the titles, captions and activity are made of: prefixes a creator would type. */
export const vocabulary = {
  topics: [
    'magnesium',
    'sleep',
    'hydration',
    'protein',
    'fiber',
    'walking',
    'stretching',
    'sunlight',
    'breakfast',
    'caffeine',
    'stress',
    'focus',
    'memory',
    'gut health',
    'vitamin D',
    'omega-3',
    'posture',
    'breathing',
    'cold showers',
    'meal prep',
    'strength training',
    'recovery',
    'blood sugar',
    'journaling',
  ],
  openers: [
    'Why',
    'How',
    'The truth about',
    '5 habits for',
    'What nobody tells you about',
    'A simple guide to',
    'Stop ignoring',
    'The science of',
  ],
  closers: [
    'that changes everything',
    'for busy students',
    'before exams',
    'in ten minutes a day',
    'backed by research',
    'your doctor wants you to know',
    'for better mornings',
    'after thirty',
  ],
  actions: [
    'Proposal created',
    'Accepted by you',
    'Rejected by you',
    'Examiner passed',
    'Examiner rejected',
    'Render queued',
    'Render finished',
    'Scheduled',
    'Published on Instagram',
    'Published on Facebook',
    'Metrics collected',
    'Burst finished',
  ],
} as const;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)]!;
}

function titleOf(random: Random): { title: string; topic: string } {
  const topic = pick(random, vocabulary.topics);
  return { title: `${pick(random, vocabulary.openers)} ${topic} ${pick(random, vocabulary.closers)}`, topic };
}

function captionOf(random: Random, title: string, topic: string): string {
  const tag = topic.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return (
    `${title}. Most people get ${topic} wrong: small daily choices matter more than big plans. ` +
    `Save this for later and share it with a friend who needs it. #${tag} #health #wellness #habits`
  ).slice(0, 400 + Math.floor(random.next() * 100));
}

function localDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Writes the year into an open, migrated SQLite file; returns what it wrote. */
export function writeYearOfData(sqlite: SqliteDatabase, options: YearOfDataOptions): YearOfDataCounts {
  const scale = options.scale ?? 1;
  const random = seededRandom(options.seed ?? 2026);
  const end = options.end.getTime();
  const start = end - 365 * DAY_MS;
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
  const brandCount = Math.max(2, Math.min(fullYear.brands, n(fullYear.brands, 2)));
  const agentCount = Math.max(2, Math.min(fullYear.agents, n(fullYear.agents, 2)));
  const proposalCount = n(fullYear.proposals, 50);
  const renderTarget = n(fullYear.renders, 20);
  const iso = (ms: number) => new Date(ms).toISOString();

  const counts: YearOfDataCounts = {
    brands: brandCount,
    agents: agentCount,
    proposals: 0,
    renders: 0,
    scheduledPosts: 0,
    metricSnapshots: 0,
    activity: 0,
    usage: 0,
  };

  sqlite.transaction(() => {
    const brandIds: string[] = [];
    const insertBrand = sqlite.prepare(
      `INSERT INTO brands (id, display_name, short_name, instagram_handle, schedule_offset, posts_per_day,
         colors, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 8, ?, 1, ?, ?)`,
    );
    for (let b = 0; b < brandCount; b++) {
      const id = `brand-${String(b + 1).padStart(2, '0')}`;
      brandIds.push(id);
      insertBrand.run(
        id,
        `Brand ${b + 1}`,
        `B${b + 1}`,
        `@brand${b + 1}`,
        b % 4,
        JSON.stringify({ primary: '#224466', accent: '#88aacc' }),
        iso(start),
        iso(start),
      );
    }

    const agents: Array<{ id: string; prefix: string; variant: 'dark' | 'light' }> = [];
    const insertAgent = sqlite.prepare(
      `INSERT INTO agents (agent_id, display_name, personality, temperature, variant, proposal_prefix,
         strategy_names, strategy_weights, risk_tolerance, content_types, created_for_brand, created_at, updated_at)
       VALUES (?, ?, 'Curious and practical', 0.8, ?, ?, ?, ?, 'medium', '["reel","post"]', ?, ?, ?)`,
    );
    for (let a = 0; a < agentCount; a++) {
      const agent = {
        id: `agent_${String(a + 1).padStart(2, '0')}`,
        prefix: `A${String(a + 1).padStart(2, '0')}`,
        variant: (a % 2 === 0 ? 'dark' : 'light') as 'dark' | 'light',
      };
      agents.push(agent);
      insertAgent.run(
        agent.id,
        `Agent ${a + 1}`,
        agent.variant,
        agent.prefix,
        '["explainer","myth_buster"]',
        '{"explainer":0.5,"myth_buster":0.5}',
        brandIds[a % brandIds.length],
        iso(start),
        iso(start),
      );
    }

    const insertProposal = sqlite.prepare(
      `INSERT INTO proposals (proposal_id, agent_id, brand_id, content_type, status, variant, strategy, reasoning,
         title, content_lines, slide_texts, image_prompt, caption, topic_bucket, source_type, quality_score,
         examiner_score, examiner_breakdown, reviewer_notes, reviewed_at, burst_day, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'explainer', ?, ?, ?, ?, NULL, ?, ?, 'evergreen', 80, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertHistory = sqlite.prepare(
      `INSERT INTO content_history (content_type, title, keyword_hash, keywords, topic_bucket, brand_id,
         quality_score, was_used, caption, proposal_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 80, ?, ?, ?, ?)`,
    );
    const insertJob = sqlite.prepare(
      `INSERT INTO generation_jobs (job_id, proposal_id, status, title, content_lines, variant, brands, platforms,
         brand_outputs, progress_percent, attempts, error_message, created_at, started_at, completed_at, caption,
         hashtags, completed_steps, failed_step, updated_at, brand_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, '["instagram","facebook"]', ?, ?, 1, ?, ?, ?, ?, ?, '["#health"]', ?, ?, ?, ?)`,
    );
    const insertPost = sqlite.prepare(
      `INSERT INTO scheduled_posts (schedule_id, job_id, brand_id, content_type, variant, title, caption,
         facebook_caption, scheduled_time, slot_source, status, platforms, media, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'auto', ?, '["instagram","facebook"]', ?, ?, ?, ?)`,
    );
    const insertTarget = sqlite.prepare(
      `INSERT INTO publish_targets (schedule_id, platform, status, external_id, published_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertPerformance = sqlite.prepare(
      `INSERT INTO post_performance (platform, media_id, schedule_id, brand_id, proposal_id, content_type, title,
         views, likes, comments, saves, shares, reach, published_at, metrics_fetched_at, agent_id, strategy)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'explainer')`,
    );
    const insertSnapshot = sqlite.prepare(
      `INSERT INTO metric_snapshots (platform, media_id, stamp, views, reach, likes, comments, saves, shares,
         total_interactions, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertBurst = sqlite.prepare(
      `INSERT INTO bursts (day, kind, status, planned, created, accepted, rejected, summary, started_at, finished_at)
       VALUES (?, 'daily', 'completed', ?, ?, ?, ?, ?, ?, ?)`,
    );

    const stamps = [
      ['1h', 3_600_000],
      ['6h', 6 * 3_600_000],
      ['24h', DAY_MS],
      ['48h', 2 * DAY_MS],
      ['7d', 7 * DAY_MS],
    ] as const;
    // About a third of what is written is accepted and rendered, as at full scale (20k of 60k).
    const acceptShare = renderTarget / proposalCount;
    const perDay = proposalCount / 365;
    let renders = 0;
    let jobSerial = 1_000_000;
    for (let i = 0; i < proposalCount; i++) {
      const createdMs = Math.floor(start + (i / perDay) * DAY_MS + random.next() * 60_000);
      const createdAt = iso(createdMs);
      const brandId = brandIds[i % brandIds.length]!;
      const agent = agents[Math.floor(random.next() * agents.length)]!;
      const contentType = i % 4 === 3 ? 'post' : 'reel';
      const ageDays = (end - createdMs) / DAY_MS;
      const roll = random.next();
      const drawn =
        ageDays < 1
          ? roll < 0.6
            ? 'pending'
            : roll < 0.8
              ? 'accepted'
              : 'rejected'
          : roll < acceptShare
            ? 'accepted'
            : roll < acceptShare + 0.5
              ? 'rejected'
              : roll < 0.97
                ? 'expired'
                : 'needs_review';
      // Every accepted proposal has its render, as the app guarantees: one accepted past the
      // render count would be a render the app owes, queued the moment it opens the file, and
      // the bench would time the lists beside FFmpeg instead of on an idle machine.
      const status = drawn === 'accepted' && renders >= renderTarget ? 'rejected' : drawn;
      const { title, topic } = titleOf(random);
      const caption = captionOf(random, title, topic);
      const lines = [
        `${topic} starts with one small step`,
        `Most people skip ${topic} on busy days`,
        `Try it for a week and notice the change`,
        `Save this and share it`,
      ];
      const proposalId = `${agent.prefix}-${String(i + 1).padStart(6, '0')}`;
      const examined = status !== 'pending';
      const composite = Math.round((5 + random.next() * 4.5) * 10) / 10;
      const passed = status === 'accepted';
      const breakdown = examined
        ? JSON.stringify({
            composite,
            passed,
            avatarFit: composite,
            engagementPotential: composite,
            contentQuality: composite,
            threshold: 7,
            weights: { avatarFit: 0.4, engagementPotential: 0.35, contentQuality: 0.25 },
            reason: passed ? 'Clear and useful' : 'Too generic for the audience',
            redFlags: passed ? [] : ['generic hook'],
          })
        : null;
      const reviewedAt = examined ? iso(createdMs + 120_000) : null;
      insertProposal.run(
        proposalId,
        agent.id,
        brandId,
        contentType,
        status,
        contentType === 'post' ? 'post' : agent.variant,
        `People keep asking about ${topic}; a short ${contentType} answers it.`,
        title,
        contentType === 'reel' ? JSON.stringify(lines) : null,
        contentType === 'post' ? JSON.stringify(lines) : null,
        caption,
        topic,
        examined ? composite : null,
        breakdown,
        examined ? `Maestro Examiner: ${passed ? 'passed' : 'below threshold'}` : null,
        reviewedAt,
        localDay(new Date(createdMs)),
        createdAt,
        reviewedAt ?? createdAt,
      );
      insertHistory.run(
        contentType,
        title,
        `h${i % 5000}`,
        topic,
        topic,
        brandId,
        status === 'accepted' ? 1 : 0,
        caption,
        proposalId,
        createdAt,
      );
      counts.proposals++;

      if (status !== 'accepted' || renders >= renderTarget) continue;
      renders++;
      const jobId = `GEN-${jobSerial++}`;
      const jobCreated = createdMs + 180_000;
      const jobRoll = random.next();
      const jobStatus = ageDays < 0.5 && jobRoll < 0.5 ? 'pending' : jobRoll < 0.01 ? 'failed' : 'completed';
      const variant = contentType === 'post' ? 'post' : agent.variant;
      const files = {
        video: contentType === 'reel' ? `${jobId}/${brandId}/reel.mp4` : null,
        reelImage: null,
        thumbnail: `${jobId}/${brandId}/thumbnail.jpg`,
        youtubeThumbnail: null,
        slides: contentType === 'post' ? [`${jobId}/${brandId}/slide-1.png`] : [],
      };
      insertJob.run(
        jobId,
        proposalId,
        jobStatus,
        title,
        JSON.stringify(lines),
        variant,
        JSON.stringify([brandId]),
        JSON.stringify({ [brandId]: { files, captions: null, background: null, musicTitle: null } }),
        jobStatus === 'completed' ? 100 : 0,
        jobStatus === 'failed' ? 'FFmpeg exited with code 1' : null,
        iso(jobCreated),
        jobStatus === 'pending' ? null : iso(jobCreated + 10_000),
        jobStatus === 'completed' || jobStatus === 'failed' ? iso(jobCreated + 70_000) : null,
        caption,
        jobStatus === 'completed' ? '["background","video","thumbnail","captions"]' : '[]',
        jobStatus === 'failed' ? 'video' : null,
        iso(jobCreated + 70_000),
        brandId,
      );
      counts.renders++;
      if (jobStatus !== 'completed') continue;

      // Posts go out up to 30 days after the render; the newest are still to come.
      const scheduledMs = jobCreated + Math.floor(random.next() * 30 * DAY_MS);
      const published = scheduledMs < end;
      const scheduleId = `SCH-${jobId.slice(4).padStart(10, '0')}`;
      insertPost.run(
        scheduleId,
        jobId,
        brandId,
        contentType === 'post' ? 'carousel' : 'reel',
        variant,
        title,
        caption,
        caption,
        iso(scheduledMs),
        published ? 'published' : 'scheduled',
        JSON.stringify({
          video: files.video,
          thumbnail: files.thumbnail,
          youtubeThumbnail: null,
          slides: files.slides,
        }),
        published ? iso(scheduledMs + 60_000) : null,
        iso(jobCreated + 80_000),
        iso(published ? scheduledMs + 60_000 : jobCreated + 80_000),
      );
      counts.scheduledPosts++;
      for (const platform of ['instagram', 'facebook'] as const) {
        const mediaId = `${platform === 'instagram' ? '179' : '88'}${jobId.slice(4)}`;
        insertTarget.run(
          scheduleId,
          platform,
          published ? 'published' : 'scheduled',
          published ? mediaId : null,
          published ? iso(scheduledMs + 60_000) : null,
          iso(published ? scheduledMs + 60_000 : jobCreated + 80_000),
        );
        if (!published) continue;
        const views = Math.floor(500 + random.next() * 20_000);
        insertPerformance.run(
          platform,
          mediaId,
          scheduleId,
          brandId,
          proposalId,
          contentType,
          title,
          views,
          Math.floor(views / 20),
          Math.floor(views / 200),
          Math.floor(views / 300),
          Math.floor(views / 400),
          Math.floor(views * 0.8),
          iso(scheduledMs + 60_000),
          iso(scheduledMs + 7 * DAY_MS),
          agent.id,
        );
        for (const [stamp, after] of stamps) {
          const fetchedMs = scheduledMs + after;
          if (fetchedMs > end) break;
          const share = after / (7 * DAY_MS);
          const v = Math.floor(views * Math.min(1, 0.2 + share));
          insertSnapshot.run(
            platform,
            mediaId,
            stamp,
            v,
            Math.floor(v * 0.8),
            Math.floor(v / 20),
            Math.floor(v / 200),
            Math.floor(v / 300),
            Math.floor(v / 400),
            Math.floor(v / 15),
            iso(fetchedMs),
          );
          counts.metricSnapshots++;
        }
      }
    }

    for (let d = 0; d < 365; d++) {
      const dayMs = start + d * DAY_MS;
      const planned = brandCount * 8;
      insertBurst.run(
        localDay(new Date(dayMs)),
        planned,
        planned,
        Math.round(planned / 3),
        Math.round(planned / 2),
        `${planned} of ${planned} written`,
        iso(dayMs + 12 * 3_600_000),
        iso(dayMs + 12 * 3_600_000 + 600_000),
      );
    }

    const insertActivity = sqlite.prepare(
      `INSERT INTO activity_log (at, agent, action, detail, level, emoji) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const activityCount = n(fullYear.activity, 100);
    const levels = ['action', 'detail', 'api', 'data', 'error'] as const;
    for (let i = 0; i < activityCount; i++) {
      const at = start + (i / activityCount) * 365 * DAY_MS;
      const { title, topic } = titleOf(random);
      const agent = agents[i % agents.length]!;
      insertActivity.run(
        iso(at),
        agent.id,
        pick(random, vocabulary.actions),
        `${agent.prefix}-${String((i % proposalCount) + 1).padStart(6, '0')}: ${title} (${topic})`,
        levels[Math.floor(random.next() * random.next() * levels.length)]!,
        '•',
      );
      counts.activity++;
    }

    const insertUsage = sqlite.prepare(
      `INSERT INTO api_usage (service, operation, model, agent_id, tokens_in, tokens_out, latency_ms, outcome,
         cost_usd, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)`,
    );
    const usageCount = n(fullYear.usage, 100);
    for (let i = 0; i < usageCount; i++) {
      const at = start + (i / usageCount) * 365 * DAY_MS;
      const llm = i % 3 !== 2;
      insertUsage.run(
        llm ? 'llm' : pick(random, ['instagram', 'facebook', 'youtube']),
        llm ? pick(random, ['proposal.generate', 'examiner.examine']) : 'analytics.insights',
        llm ? 'deepseek-chat' : null,
        llm ? agents[i % agents.length]!.id : null,
        llm ? 1200 : 0,
        llm ? 600 : 0,
        Math.floor(300 + random.next() * 2000),
        llm ? 0.0009 : 0,
        iso(at),
      );
      counts.usage++;
    }
  })();
  return counts;
}
