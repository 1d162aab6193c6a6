import { join } from 'node:path';
import { ActivityLog } from './activity/activity-log';
import { BrandsService } from './brands/brands-service';
import type { Result } from './contract/errors';
import type { AppInfo } from './contract/system';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventHub } from './events/event-hub';
import { createJobsModule, type JobsModule } from './jobs/jobs-module';
import type { JobQueueDeps } from './jobs/job-queue';
import { OpenAiLlmClient, type Fetch } from './llm/openai-llm-client';
import type { Sleep } from './llm/retry';
import { LlmUsageLedger } from './llm/usage-ledger';
import { AgentsService } from './agents/agents-service';
import { BurstRunner } from './maestro/burst-runner';
import { DailyScheduler } from './maestro/daily-scheduler';
import { HealingService } from './healing/healing-service';
import { maestroCycles } from './orchestrator/maestro-cycles';
import { Orchestrator } from './orchestrator/orchestrator';
import { MaestroDashboardReader } from './maestro/maestro-dashboard';
import { MaestroService } from './maestro/maestro-service';
import { MaestroState } from './maestro/maestro-state';
import { localDay } from './maestro/local-time';
import { ContentHistory } from './proposals/content-history';
import { ProposalGenerator } from './proposals/proposal-generator';
import { StrategyAdvisor } from './learning/strategy-advisor';
import { createLearningLoop, type LearningLoop } from './learning/learning-loop';
import { ProposalsService } from './proposals/proposals-service';
import { systemClock, type Clock } from './ports/clock';
import { configuredImageProvider } from './images/configured-image-provider';
import type { ImageProvider } from './ports/images';
import type { LlmClient } from './ports/llm';
import { silentNotifier, type Notifier } from './ports/notifier';
import { systemRandom, type Random } from './ports/random';
import type { SecretCipher } from './ports/secret-cipher';
import { keyFileCipher } from './secrets/key-file-cipher';
import { SecretStore } from './secrets/secret-store';
import { SettingsService } from './settings/settings-service';
import { openStore, type Store } from './store/open-database';
import type { MediaBinaries } from './render/ffmpeg-binaries';
import { defaultResourcesDir } from './render/resources';
import { appHandlers } from './system/app-handlers';
import { activityHandlers } from './activity/activity-handlers';
import { agentsHandlers } from './agents/agents-handlers';
import { brandsHandlers } from './brands/brands-handlers';
import { connectionsHandlers } from './connections/connections-handlers';
import { s3HostConfig, s3MediaHost } from './media-host/s3-media-host';
import { platformClients } from './platforms/platform-clients';
import { PlatformQuotaReader } from './platforms/platform-quota';
import { PlatformUsage } from './platforms/platform-usage';
import { publishDefaults } from './publish/defaults';
import { PublishEngine } from './publish/publish-engine';
import { Publisher } from './publish/publisher';
import { calendarHandlers } from './schedule/calendar-handlers';
import { CalendarService } from './schedule/calendar-service';
import { ConnectionsService } from './connections/connections-service';
import { examinerHandlers } from './examiner/examiner-handlers';
import { llmHandlers } from './llm/llm-handlers';
import { maestroHandlers } from './maestro/maestro-handlers';
import { proposalsHandlers } from './proposals/proposals-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { createLearningReads, type LearningReads } from './analytics/learning-reads';
import { BackupService } from './backup/backup-service';
import { backupsHandlers } from './backup/backups-handlers';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { llmSettingsFacts } from './diagnostics/llm-settings';
import { checkHealth } from './system/health';
import { applyPendingRestore } from './backup/pending-restore';
import { mediaDirOf } from './jobs/jobs-module';
import { RetentionService } from './retention/retention-service';
import { searchHandlers } from './search/search-handlers';
import { NotificationCenter } from './notifications/notification-center';
import { notificationsHandlers } from './notifications/notifications-handlers';
import { diagnosticsCriticalNotice, renderFailedNotice } from './notifications/notification-texts';
import { TokenExpiryWatch } from './connections/token-expiry-watch';
import type { SearchIndex } from './search/search-index';
import { sqliteSearchIndex } from './search/sqlite-search-index';

export interface CoreConfig {
  /** Folder for the database and every file the app writes. */
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  random?: Random;
  /** Defaults to a key file in the data folder (headless); Electron passes safeStorage. */
  cipher?: SecretCipher;
  notifier?: Notifier;
  electronVersion?: string | null;
  /** Fonts and music (`resources/`); found beside the code when not given (the desktop app passes its own). */
  resourcesDir?: string;
  /** FFmpeg and ffprobe to render with; by default the ones shipped in node_modules. */
  mediaBinaries?: MediaBinaries;
  /** Where reel and carousel backgrounds come from; by default a gradient in the brand's colours. */
  images?: ImageProvider;
  /** Test seams of the LLM client: waits between retries, the SDK's HTTP client, attempts per call. */
  llm?: { sleep?: Sleep; fetch?: Fetch; maxAttempts?: number };
  /** Test seams of the render queue: waits before retrying a transient FFmpeg failure, and the step runner. */
  render?: { sleep?: Sleep; runStep?: JobQueueDeps['runStep'] };
  /** false: accepted proposals queue render jobs but nothing renders (tests of other domains). */
  startRenderQueue?: boolean;
  /** Environment variables that override settings (service addresses); process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** false: no timers and no catch-up burst at start (tests drive Maestro by hand). */
  autoStart?: boolean;
  /** Test seam of backups: database pages copied per step (smaller: a copy spanning more writes). */
  backup?: { pagesPerStep?: number };
  /** Events go here (a host that restarts the core keeps its listeners on one hub). */
  events?: EventHub;
  /**
   * Restarts the app on its data folder: after a restore from backup. The headless server
   * restarts the core in-process, the desktop app relaunches; without it, the restored file is
   * opened at the next start.
   */
  requestRestart?: () => void;
}

export interface Core {
  invoke(name: unknown, payload: unknown): Promise<Result<unknown>>;
  events: EventHub;
  store: Store;
  maestro: MaestroState;
  llm: LlmClient;
  /** The render queue and job service (the proposal acceptance flow queues renders here). */
  jobs: JobsModule;
  /** Maestro's burst machinery, for the tray, tests and benches. */
  bursts: { runner: BurstRunner; scheduler: DailyScheduler; service: MaestroService };
  /** Maestro's one scheduler: every cycle, its last run and next run (tests tick it by hand). */
  orchestrator: Orchestrator;
  /** Stuck renders, failure diagnosis, automatic retries, reports, the population guard. */
  healing: HealingService;
  /** The ten system checks beside the installation checks, stored with their trend. */
  diagnostics: DiagnosticsService;
  /** Brands' platform connections and the tokens the publisher asks for. */
  connections: ConnectionsService;
  /** The publishing calendar and the loop that publishes due posts (tests drive `runDue`). */
  publishing: { calendar: CalendarService; publisher: Publisher };
  /**
   * The learning loop: metrics back from the platforms, the trend scout and the bootstrap, then
   * feedback and adaptation, the weekly evolution and the shared patterns (the caller decides when).
   */
  learning: Omit<LearningReads, 'handlers'> & Omit<LearningLoop, 'handlers'>;
  /** Backups (daily, now, restore) and brand archives; `runDue` is the daily entry point. */
  backups: BackupService;
  /** Pruning and daily roll-ups of old activity, usage and metric snapshots (`runDue`). */
  retention: RetentionService;
  /**
   * The notifications outbox and its drainer. `record` is the seam for a cause without a
   * transaction of its own (the diagnostics turning critical: see `diagnosticsCriticalNotice`).
   */
  notifications: NotificationCenter;
  search: SearchIndex;
  close(): Promise<void>;
}

export const DATABASE_FILE_NAME = 'maestro.db';

/** Composition root: opens the store and wires every service to the contract's handlers. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  const random = config.random ?? systemRandom;
  const startedAt = clock.now();
  const databaseFile = join(config.dataDir, DATABASE_FILE_NAME);
  // A restore staged before the restart replaces the data file before anything opens it.
  const restored = await applyPendingRestore(config.dataDir, mediaDirOf(config.dataDir));
  const store = await openStore(databaseFile);
  const { db } = store;
  const cipher = config.cipher ?? keyFileCipher(join(config.dataDir, 'secrets.key'));

  const events = config.events ?? new EventHub();
  // This core's own listeners, removed at close (the hub may outlive it).
  const listeners: Array<() => void> = [];
  const search = sqliteSearchIndex(db);
  const activity = new ActivityLog(db, clock, events, search);
  const secrets = new SecretStore(db, cipher, clock);
  const brands = new BrandsService({ db, clock, activity, events, secrets });
  const settings = new SettingsService({
    db,
    clock,
    secrets,
    activity,
    events,
    env: config.env ?? process.env,
  });
  const maestro = new MaestroState(db, clock, activity, events);
  const notifications = new NotificationCenter({
    db,
    clock,
    events,
    notifier: config.notifier ?? silentNotifier,
    settings,
    activity,
  });
  const images = config.images;
  const jobs = createJobsModule({
    db,
    clock,
    random: config.random ?? systemRandom,
    events,
    activity,
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir ?? defaultResourcesDir(),
    mediaBinaries: config.mediaBinaries,
    env: config.env ?? process.env,
    // An injected provider wins (tests); otherwise Settings decide, read at each render.
    images: async () => images ?? configuredImageProvider(await settings.values(), secrets),
    renderConcurrency: async () => (await settings.values()).values.renderConcurrency,
    sleep: config.render?.sleep,
    runStep: config.render?.runStep,
  });
  const llm = new OpenAiLlmClient({
    ledger: new LlmUsageLedger(db, clock),
    clock,
    random,
    settings,
    secrets,
    ...config.llm,
  });

  const agents = new AgentsService({ db, clock, random, activity, events, settings });
  const connections = new ConnectionsService({
    db,
    clock,
    cipher,
    secrets,
    settings,
    activity,
    events,
    notifications,
  });
  const tokenWatch = new TokenExpiryWatch({ db, clock, connections, notifications });
  const platformUsage = new PlatformUsage(db, clock);
  const { graph, youtube } = platformClients({
    settings,
    usage: platformUsage,
    timeoutMs: publishDefaults.requestTimeoutMs,
  });
  const publishEngine = new PublishEngine({
    db,
    clock,
    random,
    activity,
    events,
    notifications,
    mediaDir: jobs.mediaDir,
    graph,
    youtube,
    llm,
    credentials: {
      metaAccess: (brandId, platform) => connections.metaTokens(brandId, platform),
      youtubeAccessToken: (brandId) => connections.youtubeAccessToken(brandId),
      forgetYoutubeAccess: (brandId) => connections.forgetYouTubeAccessToken(brandId),
      markExpired: (brandId, platform, reason) => connections.markExpired(brandId, platform, reason),
    },
    mediaHost: async () => {
      const config = s3HostConfig(
        (await settings.values()).values,
        await secrets.reveal('mediaHost.secretAccessKey'),
        publishDefaults.mediaHostUrlSeconds,
      );
      return config ? s3MediaHost(config, clock) : null;
    },
  });
  // The calendar is declared below; the publisher only calls it once running.
  const publisher: Publisher = new Publisher({
    db,
    clock,
    activity,
    engine: publishEngine,
    scheduleReady: (): Promise<number> => calendar.scheduleReadyRenders(),
  });
  const calendar = new CalendarService({
    db,
    clock,
    random,
    settings,
    activity,
    events,
    dataDir: config.dataDir,
    mediaDir: jobs.mediaDir,
    publisher,
  });
  // A finished render goes on the calendar at once.
  listeners.push(
    events.subscribe((event) => {
      if (event.stream === 'job.progress' && event.payload.status === 'completed') publisher.wake();
    }),
  );
  const learning = createLearningReads({
    db,
    clock,
    activity,
    events,
    settings,
    graph,
    youtube,
    tokens: connections,
  });
  const history = new ContentHistory(db, clock);
  const advisor = new StrategyAdvisor({ db, clock, settings });
  const loop = createLearningLoop({ db, clock, random, settings, activity, events, advisor });
  const generator = new ProposalGenerator({ db, clock, random, llm, history, activity, events, advisor });
  const proposals = new ProposalsService({
    db,
    clock,
    random,
    activity,
    events,
    renders: jobs.queue,
    search,
  });
  const runner = new BurstRunner({
    db,
    clock,
    llm,
    generator,
    proposals,
    brands,
    agents,
    settings,
    state: maestro,
    activity,
    events,
    notifications,
  });
  const scheduler = new DailyScheduler({ clock, settings, state: maestro, runner, activity });
  runner.onFinished((summary) => scheduler.afterBurst(summary));
  const maestroService = new MaestroService({
    db,
    clock,
    state: maestro,
    runner,
    scheduler,
    settings,
    brands,
    agents,
    activity,
  });

  const retention = new RetentionService({ db, clock, settings, activity });
  const backups = new BackupService({
    db,
    sqlite: store.sqlite,
    clock,
    settings,
    activity,
    events,
    dataDir: config.dataDir,
    mediaDir: jobs.mediaDir,
    appVersion: config.appVersion,
    schemaVersion: store.schemaVersion,
    requestRestart: config.requestRestart,
    pagesPerStep: config.backup?.pagesPerStep,
  });

  const info: AppInfo = {
    name: 'Maestro Desktop',
    version: config.appVersion,
    dataDir: config.dataDir,
    databaseFile,
    schemaVersion: store.schemaVersion,
    runtime: {
      node: process.versions.node,
      electron: config.electronVersion ?? null,
      platform: process.platform,
    },
  };

  const healing = new HealingService({
    db,
    clock,
    queue: jobs.queue,
    activity,
    events,
    ensurePopulation: () => agents.ensurePopulation(),
    reportFailure: async (trx, notice) => {
      await notifications.write(
        trx,
        renderFailedNotice({
          jobId: notice.jobId,
          title: notice.title,
          brandId: notice.brandId,
          action: notice.diagnosis.action,
          reportedAt: clock.now().toISOString(),
        }),
      );
    },
  });
  const installationHealth = {
    db,
    clock,
    cipher,
    dataDir: config.dataDir,
    startedAt,
    extraChecks: jobs.healthChecks,
  };
  // The orchestrator is declared below; diagnostics read it only when they run.
  const diagnostics: DiagnosticsService = new DiagnosticsService({
    db,
    clock,
    activity,
    events,
    databaseFile,
    startedAt,
    installation: async () => (await checkHealth(installationHealth)).checks,
    maestro,
    cycles: () => orchestrator.status(),
    schedulerRunning: () => orchestrator.ticking,
    llm: () => llmSettingsFacts({ settings, secrets, llm }),
    reportCritical: async (trx, notice) => {
      await notifications.write(
        trx,
        diagnosticsCriticalNotice({ runId: notice.reportId, failing: notice.failing }),
      );
    },
  });
  // A run that turned critical wrote its notification with the run: deliver it once committed.
  listeners.push(
    events.subscribe((event) => {
      if (event.stream === 'data.changed' && event.payload.entity === 'diagnostics') notifications.wake();
    }),
  );
  const orchestrator = new Orchestrator({
    db,
    clock,
    settings,
    state: maestro,
    activity,
    events,
    tasks: maestroCycles({
      scheduleReadyRenders: () => calendar.scheduleReadyRenders(),
      burst: scheduler,
      publishDue: () => publisher.runDue(),
      collectMetrics: (now) => learning.metrics.collectDue(now),
      scout: (now) => learning.scout.runNow(now),
      feedback: () => loop.feedback.run(),
      healing: async (now) => {
        const report = await healing.run(now);
        // Reports were written to the outbox with their failures; deliver them now.
        if (report.reported.length > 0) notifications.wake();
        return HealingService.describe(report);
      },
      drainRenders: () => jobs.queue.idle(),
      evolution: () => loop.evolution.run('schedule'),
      bootstrap: (now) => learning.bootstrap.tick(now),
      analysePatterns: () => loop.patterns.analyse(),
      consolidatePatterns: () => loop.patterns.consolidate(),
      backup: (now) => backups.runDue(now),
      retention: (now) => retention.runDue(now),
      diagnostics: async () => DiagnosticsService.describe((await diagnostics.run('schedule')).report),
      revokeTokens: () => connections.drainRevocations(),
      checkTokens: async (now) => {
        const result = await tokenWatch.run(now);
        // Also the outbox's safety net: anything a wake missed goes out within a check.
        notifications.wake();
        return result;
      },
    }),
  });

  const quotas = new PlatformQuotaReader(db);
  const dashboard = new MaestroDashboardReader({
    clock,
    settings,
    overview: () => maestroService.overview(),
    cycles: () => orchestrator.status(),
    proposals,
    calendar,
    llmUsage: () => llm.usageSummary(),
    quotas: (now) => quotas.quotas(now),
  });

  const handlers: Handlers = {
    ...appHandlers(info, installationHealth),
    ...brandsHandlers({ brands, agents }),
    ...settingsHandlers({ settings, secrets, brands, activity, events }),
    ...maestroHandlers({ state: maestro, service: maestroService, scheduler, orchestrator, dashboard }),
    ...agentsHandlers(agents),
    ...proposalsHandlers(proposals),
    ...examinerHandlers({ db, clock }),
    ...activityHandlers(activity),
    ...jobs.handlers,
    ...llmHandlers(llm),
    ...connectionsHandlers(connections),
    ...calendarHandlers(calendar),
    ...learning.handlers,
    ...loop.handlers,
    ...searchHandlers(db, search),
    ...backupsHandlers(backups),
    ...diagnosticsHandlers(diagnostics),
    ...notificationsHandlers(notifications),
  };

  const invoke = createDispatcher(handlers, (name, error) => {
    console.error(`operation ${name} failed unexpectedly`, error);
    void activity
      .record({
        action: `${name} failed`,
        detail: String((error as Error)?.stack ?? error),
        level: 'error',
        emoji: '⚠️',
      })
      .catch(() => undefined);
  });

  let startup: Promise<void> = Promise.resolve();
  if (restored) {
    await activity.record({
      action: 'Restored from backup',
      detail: `${restored.backupId} is now the data file${restored.includesMedia ? ' (with its media)' : ''}; the data it replaced is kept in ${restored.keptAsideIn}`,
      level: 'action',
      emoji: '⏪',
    });
  }
  // Burst work a stopped app left undone on an earlier day waits for the creator, and an
  // accepted proposal without its renders gets them, before the queue starts draining.
  const { values: startValues } = await settings.values();
  await proposals.holdStaleBurstWork(localDay(clock.now(), startValues.burstTimeZone));
  await proposals.repairAcceptedWithoutRenders();
  // Jobs a crash or quit left half-rendered go back to the queue and continue.
  if (config.startRenderQueue !== false) await jobs.queue.start();
  await agents.seedBuiltins();
  await agents.ensurePopulation();
  if (config.autoStart !== false) {
    // Notifications a stop left undelivered go out now.
    notifications.wake();
    publisher.start();
    // Every cycle (the burst, catch-ups, metrics, feedback, healing, evolution, backups…) runs
    // on the orchestrator's one clock.
    orchestrator.start();
    startup = runner
      .resumeInterrupted()
      .then(() => scheduler.check())
      .then(() => undefined)
      .catch((error: unknown) =>
        activity
          .record({
            agent: 'maestro',
            action: 'Start-up catch-up failed',
            detail: String(error),
            level: 'error',
            emoji: '⚠️',
          })
          .then(() => undefined),
      );
  }

  return {
    invoke,
    events,
    store,
    maestro,
    llm,
    jobs,
    bursts: { runner, scheduler, service: maestroService },
    orchestrator,
    healing,
    diagnostics,
    connections,
    publishing: { calendar, publisher },
    backups,
    retention,
    notifications,
    search,
    learning: {
      metrics: learning.metrics,
      scout: learning.scout,
      bootstrap: learning.bootstrap,
      feedback: loop.feedback,
      evolution: loop.evolution,
      patterns: loop.patterns,
    },
    close: async () => {
      await startup;
      listeners.forEach((unsubscribe) => unsubscribe());
      await retention.stop();
      await backups.settled();
      // Cycles get a moment to finish; one cut short runs again after the next start.
      orchestrator.stop();
      await Promise.race([orchestrator.idle(), new Promise((r) => setTimeout(r, 2_000))]);
      scheduler.stop();
      await publisher.close();
      // Sign-ins still waiting for the browser stop listening; a revocation under way gets a
      // moment to finish (an unanswered one is claimed again after the next start).
      connections.close();
      await Promise.race([connections.revocationsSettled(), new Promise((r) => setTimeout(r, 2_000))]);
      // A running burst gets a moment to finish its current writes; whatever it had not done
      // is picked up by resumeInterrupted() on the next start.
      await Promise.race([runner.settled(), new Promise((r) => setTimeout(r, 2_000))]);
      // Running renders stop and stay queued; they continue from their last step next start.
      await jobs.queue.close();
      // Undelivered notifications stay in the outbox for the next start.
      await notifications.close();
      await store.close();
    },
  };
}
