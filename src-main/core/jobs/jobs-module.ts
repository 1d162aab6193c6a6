import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { brandFromRow, findBrandRow } from '../brands/brands-repository';
import { AppError } from '../contract/errors';
import type { Health } from '../contract/system';
import type { EventHub } from '../events/event-hub';
import type { DomainHandlers } from '../dispatcher';
import type { Clock } from '../ports/clock';
import { noImageProvider, type ImageProvider } from '../ports/images';
import type { Random } from '../ports/random';
import { resolveMediaBinaries, type MediaBinaries } from '../render/ffmpeg-binaries';
import { realSleep, type Sleep } from '../render/ffmpeg-runner';
import { RenderError } from '../render/render-error';
import { renderResources } from '../render/resources';
import type { Database } from '../store/database';
import { mediaHealthChecks } from './media-health';
import { JobQueue, type JobQueueDeps } from './job-queue';
import { JobService } from './job-service';

type HealthCheck = Health['checks'][number];

export interface JobsModuleConfig {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  events: EventHub;
  activity: ActivityLog;
  dataDir: string;
  resourcesDir: string;
  /** Tests inject broken ones; by default the binaries shipped in node_modules. */
  mediaBinaries?: MediaBinaries;
  /** MAESTRO_FFMPEG_PATH / MAESTRO_FFPROBE_PATH, when mediaBinaries is not given. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Resolved per job so a configuration change applies to the next render. */
  images?: () => Promise<ImageProvider>;
  renderConcurrency(): Promise<number>;
  /** Waits before retrying a transient FFmpeg failure; tests record them instead of waiting. */
  sleep?: Sleep;
  /** Replaces the render of each step (the simulated world's placeholders); see JobQueueDeps. */
  runStep?: JobQueueDeps['runStep'];
}

/** Files of every job live in `<data>/media/jobs/<id>/`; the transports serve only this folder. */
export function mediaDirOf(dataDir: string): string {
  return join(dataDir, 'media');
}

/** Wires the render queue, the job service and their contract handlers. */
export function createJobsModule(config: JobsModuleConfig) {
  const { db, clock, random, events, activity } = config;
  const resources = renderResources(config.resourcesDir);
  const mediaDir = mediaDirOf(config.dataDir);
  const resolved = config.mediaBinaries
    ? { binaries: config.mediaBinaries }
    : resolveMediaBinaries(config.env);

  const loadBrand = async (id: string) => {
    const row = await findBrandRow(db, id);
    if (!row) throw new RenderError('brand_missing', `The brand "${id}" of this job no longer exists.`);
    return brandFromRow(row, new Set());
  };

  const queue = new JobQueue({
    db,
    clock,
    events,
    activity,
    mediaDir,
    concurrency: config.renderConcurrency,
    loadBrand,
    runStep: config.runStep,
    renderDeps: async () => {
      if ('error' in resolved) throw new RenderError('ffmpeg_missing', resolved.error);
      return {
        ffmpeg: resolved.binaries.ffmpeg,
        resources,
        images: config.images ? await config.images() : noImageProvider,
        sleep: config.sleep ?? realSleep,
      };
    },
  });

  const service = new JobService({
    db,
    clock,
    random,
    activity,
    events,
    queue,
    assertBrand: async (id) => {
      const row = await findBrandRow(db, id);
      if (!row || row.deleted_at) throw new AppError('not_found', `No brand "${id}".`, { id });
    },
  });

  const handlers: DomainHandlers<'jobs'> = {
    'jobs.list': (input) => service.list(input),
    'jobs.get': (input) => service.get(input.id),
    'jobs.create': (input) => service.create(input),
    'jobs.cancel': (input) => service.cancel(input.id),
    'jobs.retry': (input) => service.retry(input.id),
  };

  return {
    service,
    queue,
    mediaDir,
    handlers,
    healthChecks: (): Promise<HealthCheck[]> => mediaHealthChecks(resolved, resources),
  };
}

export type JobsModule = ReturnType<typeof createJobsModule>;
