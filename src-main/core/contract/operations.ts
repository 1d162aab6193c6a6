import { z } from 'zod';
import { activityEntrySchema, activityListSchema } from './activity';
import {
  brandCreateSchema,
  brandIdInputSchema,
  brandListInputSchema,
  brandSchema,
  brandUpdateSchema,
} from './brands';
import { maestroDashboardSchema } from './dashboard';
import { llmUsageSchema } from './llm';
import {
  notificationListInputSchema,
  notificationListSchema,
  notificationMarkReadResultSchema,
  notificationMarkReadSchema,
} from './notifications';
import {
  examinerRejectedInputSchema,
  examinerRejectedSchema,
  examinerStatsInputSchema,
  examinerStatsSchema,
} from './examiner';
import {
  agentCreateSchema,
  agentDetailSchema,
  agentIdInputSchema,
  agentListInputSchema,
  agentSchema,
  agentUpdateSchema,
} from './agents';
import {
  burstSummarySchema,
  cycleRunInputSchema,
  cycleStatusSchema,
  maestroOverviewSchema,
  maestroStatusSchema,
} from './maestro';
import {
  proposalBulkResultSchema,
  proposalBulkReviewSchema,
  proposalIdInputSchema,
  proposalCountsInputSchema,
  proposalCountsSchema,
  proposalListInputSchema,
  proposalListSchema,
  proposalReviewSchema,
  proposalSchema,
} from './proposals';
import {
  secretClearSchema,
  secretSetSchema,
  secretStatusSchema,
  settingsSetSchema,
  settingsViewSchema,
} from './settings';
import {
  calendarExportSchema,
  calendarItemSchema,
  calendarListInputSchema,
  calendarListSchema,
  calendarRescheduleSchema,
  calendarRetrySchema,
  calendarSlotCheckSchema,
  calendarUpdateSchema,
  connectionPlatformInputSchema,
  connectionSchema,
  connectionsListInputSchema,
  connectionTestSchema,
  metaConnectInputSchema,
  metaLoginUrlSchema,
  metaPagesInputSchema,
  metaPagesSchema,
  scheduleIdInputSchema,
  youtubeBeginSchema,
} from './publishing';
import { jobCreateSchema, jobIdInputSchema, jobListInputSchema, jobSchema } from './jobs';
import { searchInputSchema, searchResultsSchema } from './search-results';
import {
  backupListSchema,
  backupNowInputSchema,
  backupRestoreInputSchema,
  backupRestoreResultSchema,
  backupSchema,
  brandExportInputSchema,
  brandExportResultSchema,
  brandImportInputSchema,
  brandImportResultSchema,
} from './backups';
import { diagnosticsHistoryInputSchema, diagnosticsReportSchema } from './diagnostics';
import { appInfoSchema, emptyInputSchema, healthSchema } from './system';
import {
  analyticsBrandInputSchema,
  analyticsBrandSchema,
  analyticsCollectInputSchema,
  analyticsCollectSummarySchema,
  analyticsPostDetailSchema,
  analyticsPostInputSchema,
  bootstrapStatusSchema,
  competitorInputSchema,
  competitorSchema,
  scoutBrandInputSchema,
  scoutHashtagsSchema,
  scoutHashtagsSetSchema,
  scoutRunInputSchema,
  scoutRunSummarySchema,
  trendingInputSchema,
  trendingItemSchema,
} from './analytics';
import {
  agentHistorySchema,
  evolutionReportSchema,
  feedbackReportSchema,
  genePoolEntrySchema,
  learnedPatternSchema,
  patternsAnalysisSchema,
  patternsInputSchema,
  timelineEntrySchema,
  timelineInputSchema,
} from './learning';

interface OperationDefinition<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Operations that change data; the transports and the UI use it to refresh views. */
  mutates: boolean;
  /**
   * Removes or ends something the creator may miss (even when undoable). Assistants are told to
   * confirm before calling it (MCP's destructive hint); everything else that mutates only adds
   * or edits.
   */
  destructive?: true;
  summary: string;
}

function op<I extends z.ZodType, O extends z.ZodType>(def: OperationDefinition<I, O>) {
  return def;
}

/**
 * The one list of everything the UI can ask of the core. Both transports (Electron IPC and
 * the headless HTTP server) serve exactly this, and the preload bridge is generated from it.
 */
export const operations = {
  'app.info': op({
    input: emptyInputSchema,
    output: appInfoSchema,
    mutates: false,
    summary: 'Version and data location',
  }),
  'app.health': op({
    input: emptyInputSchema,
    output: healthSchema,
    mutates: false,
    summary: 'Self-check of the core',
  }),
  'diagnostics.run': op({
    input: emptyInputSchema,
    output: diagnosticsReportSchema,
    mutates: true,
    summary: 'Run the ten system checks now (and the installation checks), store the run and return it',
  }),
  'diagnostics.latest': op({
    input: emptyInputSchema,
    output: diagnosticsReportSchema.nullable(),
    mutates: false,
    summary: 'The last diagnostics run: overall status, each check, the snapshot (null before the first)',
  }),
  'diagnostics.history': op({
    input: diagnosticsHistoryInputSchema,
    output: z.array(diagnosticsReportSchema),
    mutates: false,
    summary: 'Past diagnostics runs, newest first: the trend of the overall status and the checks',
  }),

  'brands.list': op({
    input: brandListInputSchema,
    output: z.array(brandSchema),
    mutates: false,
    summary: 'Brands, newest last',
  }),
  'brands.get': op({ input: brandIdInputSchema, output: brandSchema, mutates: false, summary: 'One brand' }),
  'brands.create': op({
    input: brandCreateSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Add a brand',
  }),
  'brands.update': op({
    input: brandUpdateSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Edit a brand',
  }),
  'brands.delete': op({
    input: brandIdInputSchema,
    output: brandSchema,
    mutates: true,
    destructive: true,
    summary: 'Move a brand to the trash (undoable)',
  }),
  'brands.restore': op({
    input: brandIdInputSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Undo a brand deletion',
  }),

  'settings.get': op({
    input: emptyInputSchema,
    output: settingsViewSchema,
    mutates: false,
    summary: 'Settings and which secrets are set',
  }),
  'settings.set': op({
    input: settingsSetSchema,
    output: settingsViewSchema,
    mutates: true,
    summary: 'Change settings',
  }),
  'secrets.set': op({
    input: secretSetSchema,
    output: secretStatusSchema,
    mutates: true,
    summary: 'Store a secret encrypted',
  }),
  'secrets.clear': op({
    input: secretClearSchema,
    output: secretStatusSchema,
    mutates: true,
    destructive: true,
    summary: 'Forget a secret',
  }),

  'maestro.status': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: false,
    summary: 'Is Maestro paused',
  }),
  'maestro.pause': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: true,
    summary: 'Pause Maestro',
  }),
  'maestro.resume': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: true,
    summary: 'Resume Maestro',
  }),

  'activity.list': op({
    input: activityListSchema,
    output: z.array(activityEntrySchema),
    mutates: false,
    summary: 'Activity feed, newest first',
  }),

  'notifications.list': op({
    input: notificationListInputSchema,
    output: notificationListSchema,
    mutates: false,
    summary: 'Notifications Maestro sent (burst finished, publish failed, login expiring…), newest first',
  }),
  'notifications.markRead': op({
    input: notificationMarkReadSchema,
    output: notificationMarkReadResultSchema,
    mutates: true,
    summary: 'Mark notifications read (these ids, or every unread one)',
  }),

  'maestro.overview': op({
    input: emptyInputSchema,
    output: maestroOverviewSchema,
    mutates: false,
    summary: 'Bursts, quotas and schedule',
  }),
  'maestro.dashboard': op({
    input: emptyInputSchema,
    output: maestroDashboardSchema,
    mutates: false,
    summary:
      'Dashboard: today’s burst, cycles, proposals waiting, posts due and published, LLM spend, quotas',
  }),
  'maestro.triggerBurst': op({
    input: emptyInputSchema,
    output: burstSummarySchema,
    mutates: true,
    summary: 'Generate what today still lacks, now',
  }),
  'maestro.resetDaily': op({
    input: emptyInputSchema,
    output: maestroOverviewSchema,
    mutates: true,
    summary: 'Let the daily burst run again today',
  }),
  'maestro.optimizeNow': op({
    input: emptyInputSchema,
    output: burstSummarySchema,
    mutates: true,
    summary: 'Every agent drafts brand-less ideas in the background (not examined)',
  }),
  'maestro.cycles': op({
    input: emptyInputSchema,
    output: z.array(cycleStatusSchema),
    mutates: false,
    summary: 'Every Maestro cycle with its last run, outcome and next run',
  }),
  'maestro.runCycle': op({
    input: cycleRunInputSchema,
    output: cycleStatusSchema,
    mutates: true,
    summary: 'Run one cycle now (healing, metrics, feedback, …) and return how it went',
  }),

  'agents.list': op({
    input: agentListInputSchema,
    output: z.array(agentSchema),
    mutates: false,
    summary: 'Agents by survival score',
  }),
  'agents.get': op({
    input: agentIdInputSchema,
    output: agentDetailSchema,
    mutates: false,
    summary: 'An agent with its DNA, learnings and performance',
  }),
  'agents.create': op({
    input: agentCreateSchema,
    output: agentSchema,
    mutates: true,
    summary: 'A new agent with random DNA',
  }),
  'agents.update': op({
    input: agentUpdateSchema,
    output: agentSchema,
    mutates: true,
    summary: "Edit an agent's DNA",
  }),
  'agents.clone': op({
    input: agentIdInputSchema,
    output: agentSchema,
    mutates: true,
    summary: "Copy an agent's DNA under a new name",
  }),
  'agents.mutate': op({
    input: agentIdInputSchema,
    output: agentSchema,
    mutates: true,
    summary: "Re-roll an agent's style",
  }),
  'agents.retire': op({
    input: agentIdInputSchema,
    output: agentSchema,
    mutates: true,
    destructive: true,
    summary: 'Retire an agent (DNA kept in the gene pool)',
  }),

  'proposals.list': op({
    input: proposalListInputSchema,
    output: proposalListSchema,
    mutates: false,
    summary: 'Review queue, newest first',
  }),
  'proposals.counts': op({
    input: proposalCountsInputSchema,
    output: proposalCountsSchema,
    mutates: false,
    summary: 'How many proposals per status under a brand, agent, type and search',
  }),
  'proposals.get': op({
    input: proposalIdInputSchema,
    output: proposalSchema,
    mutates: false,
    summary: 'One proposal with its examiner breakdown',
  }),
  'proposals.accept': op({
    input: proposalReviewSchema,
    output: proposalSchema,
    mutates: true,
    summary: 'Accept a proposal',
  }),
  'proposals.reject': op({
    input: proposalReviewSchema,
    output: proposalSchema,
    mutates: true,
    summary: 'Reject a proposal',
  }),
  'proposals.bulkReview': op({
    input: proposalBulkReviewSchema,
    output: proposalBulkResultSchema,
    mutates: true,
    summary: 'Accept or reject many proposals',
  }),

  'examiner.stats': op({
    input: examinerStatsInputSchema,
    output: examinerStatsSchema,
    mutates: false,
    summary: "The examiner's pass rate, scores and red flags, per brand and agent",
  }),
  'examiner.rejected': op({
    input: examinerRejectedInputSchema,
    output: examinerRejectedSchema,
    mutates: false,
    summary: 'Proposals the examiner rejected, newest first, with score and reason',
  }),

  'llm.usage': op({
    input: emptyInputSchema,
    output: llmUsageSchema,
    mutates: false,
    summary: 'LLM spend today and this hour against the budgets, calls by outcome',
  }),

  'jobs.list': op({
    input: jobListInputSchema,
    output: z.array(jobSchema),
    mutates: false,
    summary: 'Render jobs, newest first',
  }),
  'jobs.get': op({
    input: jobIdInputSchema,
    output: jobSchema,
    mutates: false,
    summary: 'One render job with its files and captions',
  }),
  'jobs.create': op({
    input: jobCreateSchema,
    output: jobSchema,
    mutates: true,
    summary: 'Queue a render of a reel or carousel',
  }),
  'jobs.cancel': op({
    input: jobIdInputSchema,
    output: jobSchema,
    mutates: true,
    destructive: true,
    summary: 'Stop a waiting or rendering job',
  }),
  'jobs.retry': op({
    input: jobIdInputSchema,
    output: jobSchema,
    mutates: true,
    summary: 'Queue a failed or cancelled job again, from its last finished step',
  }),
  'calendar.list': op({
    input: calendarListInputSchema,
    output: calendarListSchema,
    mutates: false,
    summary: 'Scheduled posts in a time range, with each platform’s progress',
  }),
  'calendar.get': op({
    input: scheduleIdInputSchema,
    output: calendarItemSchema,
    mutates: false,
    summary: 'One scheduled post',
  }),
  'calendar.checkSlot': op({
    input: calendarRescheduleSchema,
    output: calendarSlotCheckSchema,
    mutates: false,
    summary: 'Could this post move to that time (and if not, why)',
  }),
  'calendar.reschedule': op({
    input: calendarRescheduleSchema,
    output: calendarItemSchema,
    mutates: true,
    summary: 'Move a post to another time (or schedule an unscheduled one again)',
  }),
  'calendar.unschedule': op({
    input: scheduleIdInputSchema,
    output: calendarItemSchema,
    mutates: true,
    destructive: true,
    summary: 'Take a post off the calendar (platforms already published stay published)',
  }),
  'calendar.publishNow': op({
    input: scheduleIdInputSchema,
    output: calendarItemSchema,
    mutates: true,
    summary: 'Publish a post now instead of at its slot',
  }),
  'calendar.update': op({
    input: calendarUpdateSchema,
    output: calendarItemSchema,
    mutates: true,
    summary: 'Edit captions, YouTube title, first comment or platforms before publishing',
  }),
  'calendar.retry': op({
    input: calendarRetrySchema,
    output: calendarItemSchema,
    mutates: true,
    summary: 'Try the failed platforms of a post again',
  }),
  'calendar.export': op({
    input: scheduleIdInputSchema,
    output: calendarExportSchema,
    mutates: true,
    summary: 'Copy a post’s media and captions to a folder for manual posting',
  }),

  'connections.list': op({
    input: connectionsListInputSchema,
    output: z.array(connectionSchema),
    mutates: false,
    summary: 'Each brand’s Instagram, Facebook and YouTube connection',
  }),
  'connections.metaLoginUrl': op({
    input: z.object({ brandId: connectionPlatformInputSchema.shape.brandId }).strict(),
    output: metaLoginUrlSchema,
    mutates: false,
    summary: 'The Facebook Login dialog address for the creator’s own Meta app',
  }),
  'connections.metaPages': op({
    input: metaPagesInputSchema,
    output: metaPagesSchema,
    mutates: false,
    summary: 'The Facebook Pages (and their Instagram accounts) a user token can publish to',
  }),
  'connections.connectMeta': op({
    input: metaConnectInputSchema,
    output: z.array(connectionSchema),
    mutates: true,
    summary: 'Connect a brand’s Facebook Page and Instagram account from a user token',
  }),
  'connections.youtubeBegin': op({
    input: z.object({ brandId: connectionPlatformInputSchema.shape.brandId }).strict(),
    output: youtubeBeginSchema,
    mutates: true,
    summary: 'Start Google sign-in for a brand’s YouTube channel (system browser, loopback)',
  }),
  'connections.test': op({
    input: connectionPlatformInputSchema,
    output: connectionTestSchema,
    mutates: true,
    summary: 'One cheap read to check a connection still works',
  }),
  'connections.disconnect': op({
    input: connectionPlatformInputSchema,
    output: z.array(connectionSchema),
    mutates: true,
    destructive: true,
    summary: 'Forget a platform connection and its tokens',
  }),

  'learning.runFeedback': op({
    input: emptyInputSchema,
    output: feedbackReportSchema,
    mutates: true,
    summary: 'Attribute the published posts that are due to their agents, and adapt those agents',
  }),
  'learning.runEvolution': op({
    input: emptyInputSchema,
    output: evolutionReportSchema,
    mutates: true,
    destructive: true,
    summary:
      'Run this week’s evolution now if it has not run (may retire weak agents and spawn replacements)',
  }),
  'learning.evolutionHistory': op({
    input: emptyInputSchema,
    output: z.array(evolutionReportSchema),
    mutates: false,
    summary: 'The last weeks’ evolution reports, newest first',
  }),
  'learning.genePool': op({
    input: emptyInputSchema,
    output: z.array(genePoolEntrySchema),
    mutates: false,
    summary: 'The gene pool: archived DNA of thriving and retired agents, best first',
  }),
  'learning.timeline': op({
    input: timelineInputSchema,
    output: z.array(timelineEntrySchema),
    mutates: false,
    summary: 'What the agents learned and how they changed, newest first',
  }),
  'learning.agentHistory': op({
    input: agentIdInputSchema,
    output: agentHistorySchema,
    mutates: false,
    summary: 'An agent’s survival score and strategy weights over time',
  }),
  'learning.patterns': op({
    input: patternsInputSchema,
    output: z.array(learnedPatternSchema),
    mutates: false,
    summary: 'Patterns learned from the brands’ measured posts, strongest first',
  }),
  'learning.analysePatterns': op({
    input: emptyInputSchema,
    output: patternsAnalysisSchema,
    mutates: true,
    summary: 'Look for title, keyword and posting-hour patterns in every brand’s measured posts now',
  }),

  'analytics.brand': op({
    input: analyticsBrandInputSchema,
    output: analyticsBrandSchema,
    mutates: false,
    summary: 'A brand’s followers, views and engagement over time, best hours, top and bottom posts',
  }),
  'analytics.post': op({
    input: analyticsPostInputSchema,
    output: analyticsPostDetailSchema,
    mutates: false,
    summary: 'One published post’s measurements at 1 h, 6 h, 24 h, 48 h and 7 d',
  }),
  'analytics.collectNow': op({
    input: analyticsCollectInputSchema,
    output: analyticsCollectSummarySchema,
    mutates: true,
    summary: 'Take the metrics due now from Instagram, Facebook and YouTube (returns when done)',
  }),
  'scout.hashtags.list': op({
    input: scoutBrandInputSchema,
    output: scoutHashtagsSchema,
    mutates: false,
    summary: 'The hashtags the scout searches for a brand, and the 30-a-week budget',
  }),
  'scout.hashtags.set': op({
    input: scoutHashtagsSetSchema,
    output: scoutHashtagsSchema,
    mutates: true,
    summary: 'Set a brand’s hashtags to search (null: back to the niche’s defaults)',
  }),
  'scout.competitors.list': op({
    input: scoutBrandInputSchema,
    output: z.array(competitorSchema),
    mutates: false,
    summary: 'The accounts the scout watches for a brand',
  }),
  'scout.competitors.add': op({
    input: competitorInputSchema,
    output: z.array(competitorSchema),
    mutates: true,
    summary: 'Watch another Instagram professional account for a brand',
  }),
  'scout.competitors.remove': op({
    input: competitorInputSchema,
    output: z.array(competitorSchema),
    mutates: true,
    summary: 'Stop watching an account',
  }),
  'scout.trending': op({
    input: trendingInputSchema,
    output: z.array(trendingItemSchema),
    mutates: false,
    summary: 'What the scout found, newest first',
  }),
  'scout.runNow': op({
    input: scoutRunInputSchema,
    output: scoutRunSummarySchema,
    mutates: true,
    summary: 'Search the brands’ hashtags, competitors and own posts now (returns when done)',
  }),
  'search.query': op({
    input: searchInputSchema,
    output: searchResultsSchema,
    mutates: false,
    summary: 'Find proposals, post captions and activity by words (each a prefix), newest first',
  }),

  'backups.list': op({
    input: emptyInputSchema,
    output: backupListSchema,
    mutates: false,
    summary: 'The backup folder, its backups newest first, and the brand archives in it',
  }),
  'backups.now': op({
    input: backupNowInputSchema,
    output: backupSchema,
    mutates: true,
    summary: 'Back up the data file now (online, verified with integrity_check), media if asked',
  }),
  'backups.restore': op({
    input: backupRestoreInputSchema,
    output: backupRestoreResultSchema,
    mutates: true,
    destructive: true,
    summary: 'Replace the data with a backup and restart on it (the current data is kept aside)',
  }),
  'backups.exportBrand': op({
    input: brandExportInputSchema,
    output: brandExportResultSchema,
    mutates: true,
    summary: 'Write one brand’s settings, agents and history as one archive in the backup folder',
  }),
  'backups.importBrand': op({
    input: brandImportInputSchema,
    output: brandImportResultSchema,
    mutates: true,
    summary: 'Add a brand, its agents and history from an archive',
  }),

  'scout.bootstrap': op({
    input: emptyInputSchema,
    output: bootstrapStatusSchema,
    mutates: false,
    summary: 'How far the cold-start bootstrap is, and what it still needs',
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller may send (before defaults and transforms). */
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
