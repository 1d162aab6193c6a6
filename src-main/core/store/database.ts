import type { ColumnType, Generated } from 'kysely';

/**
 * The typed shape of the SQLite file, one interface per table, mirroring migrations/.
 * Conventions: timestamps are UTC ISO-8601 text; booleans are 0/1 integers; JSON is text.
 */
export interface Database {
  app_settings: AppSettingsTable;
  app_secrets: AppSecretsTable;
  maestro_config: MaestroConfigTable;
  brands: BrandsTable;
  platform_connections: PlatformConnectionsTable;
  activity_log: ActivityLogTable;
  agents: AgentsTable;
  agent_performance: AgentPerformanceTable;
  agent_learning: AgentLearningTable;
  gene_pool: GenePoolTable;
  proposals: ProposalsTable;
  content_history: ContentHistoryTable;
  trending_content: TrendingContentTable;
  generation_jobs: GenerationJobsTable;
  scheduled_posts: ScheduledPostsTable;
  publish_targets: PublishTargetsTable;
  post_performance: PostPerformanceTable;
  metric_snapshots: MetricSnapshotsTable;
  competitor_accounts: CompetitorAccountsTable;
  hashtag_searches: HashtagSearchesTable;
  learned_patterns: LearnedPatternsTable;
  brand_analytics: BrandAnalyticsTable;
  analytics_snapshots: AnalyticsSnapshotsTable;
  system_diagnostics: SystemDiagnosticsTable;
  api_usage: ApiUsageTable;
  bursts: BurstsTable;
  evolution_runs: EvolutionRunsTable;
  activity_daily: ActivityDailyTable;
  api_usage_daily: ApiUsageDailyTable;
  metric_snapshots_daily: MetricSnapshotsDailyTable;
  notifications: NotificationsTable;
  token_revocations: TokenRevocationsTable;
}

type Bool = 0 | 1;

export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AppSecretsTable {
  key: string;
  ciphertext: Buffer;
  updated_at: string;
}

export interface MaestroConfigTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface BrandsTable {
  id: string;
  display_name: string;
  short_name: string;
  instagram_handle: string | null;
  instagram_account_id: string | null;
  facebook_page_id: string | null;
  youtube_channel_id: string | null;
  schedule_offset: number;
  posts_per_day: number;
  colors: string;
  active: Bool;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  examiner_config: string | null;
  content_profile: string | null;
  /** 008: platforms, YouTube privacy / notify / #Shorts, first comment (JSON); null = defaults. */
  publishing_profile: string | null;
}

export interface PlatformConnectionsTable {
  brand_id: string;
  platform: 'instagram' | 'facebook' | 'youtube';
  account_id: string | null;
  account_name: string | null;
  /** expired: the token was refused (expired or revoked); publishing there waits for a reconnect. */
  status: 'connected' | 'expired' | 'error';
  last_error: string | null;
  /** When the stored token stops working (Meta user tokens: ~60 days); null when it does not. */
  expires_at: string | null;
  connected_at: string | null;
  checked_at: string | null;
  updated_at: string;
}

export interface ActivityLogTable {
  id: Generated<number>;
  at: string;
  agent: string | null;
  action: string;
  detail: string;
  level: 'action' | 'detail' | 'api' | 'data' | 'error';
  emoji: string | null;
  /** The brand the entry concerns (migration 015); null when none or unknown. */
  brand_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgentsTable {
  id: Generated<number>;
  agent_id: string;
  display_name: string;
  personality: string;
  temperature: number;
  variant: 'dark' | 'light';
  proposal_prefix: string;
  strategy_names: string;
  strategy_weights: string;
  risk_tolerance: 'low' | 'medium' | 'high';
  proposals_per_brand: Generated<number>;
  content_types: string;
  active: Generated<Bool>;
  is_builtin: Generated<Bool>;
  created_for_brand: string | null;
  survival_score: Generated<number>;
  lifetime_views: Generated<number>;
  lifetime_proposals: Generated<number>;
  lifetime_accepted: Generated<number>;
  generation: Generated<number>;
  mutation_count: Generated<number>;
  last_mutation_at: string | null;
  parent_agent_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgentPerformanceTable {
  id: Generated<number>;
  agent_id: string;
  period: string;
  published_count: Generated<number>;
  total_views: Generated<number>;
  avg_views: Generated<number>;
  total_likes: Generated<number>;
  total_comments: Generated<number>;
  avg_engagement_rate: Generated<number>;
  strategy_breakdown: Generated<string>;
  best_strategy: string | null;
  worst_strategy: string | null;
  avg_examiner_score: number | null;
  survival_score: Generated<number>;
  total_proposals: Generated<number>;
  accepted_proposals: Generated<number>;
  created_at: string;
}

export interface AgentLearningTable {
  id: Generated<number>;
  agent_id: string;
  mutation_type: string;
  description: string;
  old_value: string | null;
  new_value: string | null;
  trigger: string;
  confidence: number | null;
  survival_score_at: number | null;
  created_at: string;
}

export interface GenePoolTable {
  id: Generated<number>;
  source_agent_id: string;
  source_agent_name: string;
  personality: string;
  temperature: number;
  variant: string;
  strategy_names: string;
  strategy_weights: string;
  risk_tolerance: string;
  survival_score: Generated<number>;
  lifetime_views: Generated<number>;
  generation: Generated<number>;
  reason: 'retirement' | 'top_performer' | 'manual';
  times_inherited: Generated<number>;
  created_at: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  proposal_id: string;
  agent_id: string;
  brand_id: string | null;
  content_type: 'reel' | 'post';
  status: 'pending' | 'needs_review' | 'accepted' | 'rejected' | 'expired';
  variant: string;
  strategy: string;
  reasoning: string;
  title: string;
  content_lines: string | null;
  slide_texts: string | null;
  image_prompt: string | null;
  caption: string | null;
  topic_bucket: string | null;
  source_type: string | null;
  source_ref: string | null;
  quality_score: number | null;
  examiner_score: number | null;
  examiner_breakdown: string | null;
  reviewer_notes: string | null;
  reviewed_at: string | null;
  accepted_job_id: string | null;
  burst_day: string | null;
  attempt: Generated<1 | 2>;
  replaces_proposal_id: string | null;
  created_at: string;
  updated_at: string;
  // Added by 007-exactly-once-decisions.
  /** The one regeneration an examiner reject earns: written 'due' by the reject, claimed once. */
  regeneration: 'due' | 'attempted' | 'expired' | null;
  /** Why an accepted proposal has no render job (found by the start-up repair). */
  render_issue: string | null;
  /**
   * 018: the examiner's own verdict and figures, written from examiner_breakdown by triggers
   * (read-only here). Red flags only for a graded verdict that raised some.
   */
  examiner_verdict: ColumnType<'passed' | 'failed' | 'unanswered' | null, never, never>;
  examiner_composite: ColumnType<number | null, never, never>;
  examiner_avatar_fit: ColumnType<number | null, never, never>;
  examiner_engagement: ColumnType<number | null, never, never>;
  examiner_content_quality: ColumnType<number | null, never, never>;
  examiner_red_flags: ColumnType<string | null, never, never>;
}

export interface ContentHistoryTable {
  id: Generated<number>;
  content_type: 'reel' | 'post';
  title: string;
  keyword_hash: string;
  keywords: string;
  topic_bucket: string | null;
  brand_id: string | null;
  quality_score: number | null;
  was_used: Generated<Bool>;
  image_prompt: string | null;
  caption: string | null;
  proposal_id: string | null;
  created_at: string;
}

export interface TrendingContentTable {
  id: Generated<number>;
  ig_media_id: string;
  source_account: string | null;
  caption: string | null;
  media_type: 'VIDEO' | 'IMAGE' | 'CAROUSEL_ALBUM';
  hashtags: Generated<string>;
  like_count: Generated<number>;
  comments_count: Generated<number>;
  discovery_method: string;
  discovery_hashtag: string | null;
  media_timestamp: string | null;
  used_for_proposal: Generated<Bool>;
  proposal_id: string | null;
  discovered_at: string;
  /** 009: the brand whose scout found it (null for older rows). */
  brand_id: string | null;
}

export interface GenerationJobsTable {
  job_id: string;
  proposal_id: string | null;
  status: 'pending' | 'generating' | 'completed' | 'failed' | 'cancelled';
  title: string;
  content_lines: string;
  variant: 'light' | 'dark' | 'post';
  ai_prompt: string | null;
  cta_type: string | null;
  brands: string;
  platforms: string;
  fixed_title: Bool;
  brand_outputs: string;
  current_step: string | null;
  progress_percent: number;
  attempts: number;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  // Added by 006-render-queue.
  caption: string | null;
  hashtags: Generated<string>;
  render_plan: Generated<string>;
  completed_steps: Generated<string>;
  cancel_requested: Generated<Bool>;
  failed_step: string | null;
  error_details: string | null;
  updated_at: string | null;
  // Added by 007-exactly-once-decisions: one render per (proposal, brand).
  brand_id: string | null;
  // Added by 014-healing.
  error_kind: string | null;
  auto_retries: Generated<number>;
  failure_reported_at: string | null;
}

/** A calendar item: one per render (rebuilt by 008-publishing). */
export interface ScheduledPostsTable {
  schedule_id: string;
  job_id: string;
  brand_id: string;
  content_type: 'reel' | 'carousel';
  variant: 'light' | 'dark' | 'post';
  title: string;
  /** Instagram caption (the creator may edit it until publishing starts). */
  caption: string;
  facebook_caption: string;
  youtube_title: string | null;
  youtube_title_source: 'llm' | 'fallback' | 'creator' | null;
  youtube_description: string | null;
  first_comment: string | null;
  scheduled_time: string;
  slot_source: 'auto' | 'manual';
  /** Said when the slot rule had to bend, e.g. a reel took the other variant's slot. */
  slot_note: string | null;
  status: 'scheduled' | 'publishing' | 'published' | 'partial' | 'failed' | 'waiting' | 'cancelled';
  platforms: string;
  /** The render's files, relative to the media folder: video, thumbnails, slides. */
  media: string;
  published_at: string | null;
  publish_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One platform's publishing state machine for one calendar item. */
export interface PublishTargetsTable {
  schedule_id: string;
  platform: 'instagram' | 'facebook' | 'youtube';
  status: 'scheduled' | 'uploading' | 'processing' | 'published' | 'failed' | 'waiting' | 'cancelled';
  /** The step in progress (or next), e.g. 'container', 'upload', 'publish'. */
  step: string | null;
  /** Set just before a call that creates something; cleared with its result. */
  step_started_at: string | null;
  /** External ids and offsets saved after each call (JSON). */
  checkpoint: Generated<string>;
  external_id: string | null;
  permalink: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  wait_reason: string | null;
  last_error: string | null;
  error_code: string | null;
  suggested_fix: string | null;
  published_at: string | null;
  updated_at: string;
}

export interface PostPerformanceTable {
  id: Generated<number>;
  platform: 'instagram' | 'facebook' | 'youtube';
  media_id: string;
  schedule_id: string | null;
  brand_id: string;
  proposal_id: string | null;
  content_type: string;
  title: string | null;
  caption: string | null;
  topic_bucket: string | null;
  keyword_hash: string | null;
  views: number;
  likes: number;
  comments: number;
  saves: number;
  shares: number;
  reach: number;
  engagement_rate: number;
  performance_score: number;
  percentile_rank: number | null;
  published_at: string | null;
  metrics_fetched_at: string | null;
  metrics_24h_at: string | null;
  metrics_48h_at: string | null;
  metrics_7d_at: string | null;
  attributed_at: string | null;
  // Added by 009-learning-loop.
  agent_id: string | null;
  strategy: string | null;
  examiner_score: number | null;
  total_interactions: Generated<number>;
  /** The post's score against its brand's own recent median (50 = the median). */
  relative_score: number | null;
  metrics_1h_at: string | null;
  metrics_6h_at: string | null;
}

/** One metrics stamp of one published post (1 h, 6 h, 24 h, 48 h, 7 d after publishing). */
export interface MetricSnapshotsTable {
  id: Generated<number>;
  platform: 'instagram' | 'facebook' | 'youtube';
  media_id: string;
  stamp: '1h' | '6h' | '24h' | '48h' | '7d';
  views: Generated<number>;
  reach: Generated<number>;
  likes: Generated<number>;
  comments: Generated<number>;
  saves: Generated<number>;
  shares: Generated<number>;
  total_interactions: Generated<number>;
  fetched_at: string;
}

export interface CompetitorAccountsTable {
  brand_id: string;
  username: string;
  added_at: string;
}

/** The first search of each hashtag per Instagram account (30 unique per rolling 7 days). */
export interface HashtagSearchesTable {
  ig_user_id: string;
  hashtag: string;
  first_searched_at: string;
  last_searched_at: string;
}

export interface LearnedPatternsTable {
  id: Generated<number>;
  pattern_type: string;
  pattern_key: string;
  brand_id: string | null;
  description: string;
  confidence: number;
  decay_weight: Generated<number>;
  /** The pattern's lift over the brand's median, in score points. */
  effect: Generated<number>;
  sample_size: Generated<number>;
  validation_count: Generated<number>;
  last_validated_at: string;
  created_at: string;
}

export interface BrandAnalyticsTable {
  brand_id: string;
  platform: 'instagram' | 'facebook' | 'youtube';
  followers_count: number;
  views_last_7_days: number;
  likes_last_7_days: number;
  extra_metrics: string;
  last_fetched_at: string;
}

export interface AnalyticsSnapshotsTable {
  id: Generated<number>;
  brand_id: string;
  platform: string;
  followers_count: number;
  views_last_7_days: number;
  likes_last_7_days: number;
  snapshot_at: string;
  reach_last_7_days: Generated<number>;
}

export interface SystemDiagnosticsTable {
  id: Generated<number>;
  status: 'healthy' | 'degraded' | 'critical';
  total_checks: number;
  passed: number;
  warnings: number;
  failures: number;
  checks: string;
  active_agents: number;
  avg_survival_score: number;
  gene_pool_size: number;
  pending_jobs: number;
  failed_jobs_24h: number;
  total_scheduled: number;
  created_at: string;
  // Added by 017-diagnostics-runs.
  installation: Generated<string>;
  trigger: Generated<'schedule' | 'manual'>;
  duration_ms: Generated<number>;
}

export interface ApiUsageTable {
  id: Generated<number>;
  service: string;
  operation: string;
  model: string | null;
  agent_id: string | null;
  tokens_in: Generated<number>;
  tokens_out: Generated<number>;
  latency_ms: Generated<number>;
  outcome: string;
  cost_usd: Generated<number>;
  error: string | null;
  created_at: string;
}

export interface BurstsTable {
  id: Generated<number>;
  /** The local calendar day (in the burst time zone) the burst fills, YYYY-MM-DD. */
  day: string;
  kind: 'daily' | 'smart' | 'optimize';
  status: 'running' | 'completed' | 'failed';
  planned: Generated<number>;
  created: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  needs_review: Generated<number>;
  failed_calls: Generated<number>;
  /** Originals of the plan still missing when the burst ended; the next catch-up retries them. */
  shortfall: Generated<number>;
  /** Brand id → why that brand's share failed (the others carried on). */
  brand_errors: Generated<string>;
  /** The closing sentence (describeBurst), written when the burst ends. */
  summary: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface EvolutionRunsTable {
  week: string;
  ran_at: string;
  trigger: 'schedule' | 'manual';
  report: string;
}

/** 013: what the retention pruner keeps of the activity entries it removes. */
export interface ActivityDailyTable {
  day: string;
  level: string;
  entries: number;
}

/** 013: daily totals of pruned api_usage rows; model '' = none. */
export interface ApiUsageDailyTable {
  day: string;
  service: string;
  operation: string;
  model: string;
  outcome: string;
  calls: number;
  tokens_in: number;
  tokens_out: number;
  latency_ms: number;
  cost_usd: number;
}

/** 013: daily totals of pruned metric snapshots, per brand, platform and stamp. */
export interface MetricSnapshotsDailyTable {
  day: string;
  brand_id: string;
  platform: string;
  stamp: string;
  snapshots: number;
  views: number;
  reach: number;
  likes: number;
  comments: number;
  saves: number;
  shares: number;
  total_interactions: number;
}

/** The notifications outbox (migration 015): written with its cause, delivered once after. */
export interface NotificationsTable {
  id: Generated<number>;
  kind: 'burst_finished' | 'publish_failed' | 'token_expiry' | 'render_failed' | 'diagnostics_critical';
  severity: 'info' | 'error';
  title: string;
  body: string;
  /** The renderer path that shows what it is about (the calendar item, the jobs page…). */
  route: string;
  dedupe_key: string;
  brand_id: string | null;
  created_at: string;
  delivered_at: string | null;
  /** Set on delivery: 1 shown, 0 kept quiet (its kind is off in Settings). */
  shown: Bool | null;
  read_at: string | null;
}

/** Grants to revoke at their provider (migration 019): written with the disconnect, sent after. */
export interface TokenRevocationsTable {
  id: string;
  provider: 'google';
  brand_id: string;
  /** Where the token to revoke is kept, encrypted, in app_secrets (deleted once done). */
  secret_key: string;
  created_at: string;
  /** Requests claimed so far (a claim counts before the request goes out). */
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  done_at: string | null;
  outcome: 'revoked' | 'already_invalid' | 'gave_up' | null;
}
