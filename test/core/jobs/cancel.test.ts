import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src-main/core/contract/jobs';
import { seededRandom } from '../../../src-main/core/ports/random';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

/*
 * better-sqlite3 answers synchronously and kysely serialises queries on its one connection, so
 * within one process the interleaving of two promise chains is fixed by how many microtasks
 * separate their starts. Sweeping that offset replays every order in which a cancel can meet
 * the queue's claim or its last step: real SQLite, real FFmpeg, nothing mocked.
 */

const carousel = {
  brandId: sampleBrand.id,
  variant: 'post' as const,
  title: 'Why morning light matters more than coffee',
  contentLines: ['Ten minutes outside is enough.'],
};

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

type CancelAnswer = { ok: true; value: Job } | { ok: false; error: { code: string; message: string } };

async function cancelledEntries(t: TempCore, jobId: string): Promise<number> {
  const activity = await t.call('activity.list', { limit: 500 });
  return activity.filter((a) => a.action === 'Render cancelled' && a.detail.startsWith(`${jobId}:`)).length;
}

function leftoverTempFiles(t: TempCore, jobId: string): string[] {
  const dir = join(t.dir, 'media', 'jobs', jobId);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.tmp-')) : [];
}

describe('a cancel that meets the queue claiming the job', () => {
  it('always ends the job cancelled, logged once, whichever comes first', async () => {
    const seen: string[] = [];
    // Negative: the cancel starts first; positive: the queue's start (and claim) does.
    for (let offset = -4; offset <= 48; offset++) {
      const t = await openTempCore({ random: seededRandom(5), autoStart: false, startRenderQueue: false });
      try {
        await t.call('brands.create', sampleBrand);
        const job = await t.call('jobs.create', carousel);
        let answer: Promise<CancelAnswer>;
        let starting: Promise<void>;
        if (offset < 0) {
          answer = t.invoke('jobs.cancel', { id: job.id }) as Promise<CancelAnswer>;
          await microtasks(-offset);
          starting = t.core.jobs.queue.start();
        } else {
          starting = t.core.jobs.queue.start();
          await microtasks(offset);
          answer = t.invoke('jobs.cancel', { id: job.id }) as Promise<CancelAnswer>;
        }
        const result = await answer;
        await starting;
        await t.core.jobs.queue.idle();
        const final = await t.call('jobs.get', { id: job.id });
        const at = `offset ${offset}: cancel answered ${JSON.stringify(result.ok ? result.value.status : result.error)}`;

        expect(result.ok, at).toBe(true);
        if (!result.ok) continue;
        seen.push(result.value.status);
        expect(final.status, at).toBe('cancelled');
        expect(await cancelledEntries(t, job.id), at).toBe(1);
        // Said cancelled only when the waiting job really was; otherwise the render is stopping.
        if (result.value.status !== 'cancelled') {
          expect(result.value, at).toMatchObject({ status: 'generating', cancelRequested: true });
        }
        expect(leftoverTempFiles(t, job.id), at).toEqual([]);
        // Stopped before it rendered anything, not merely marked cancelled once it was done.
        expect(final.completedSteps, at).toEqual([]);
      } finally {
        await t.close();
      }
    }
    // The sweep reached both sides of the claim, so it tested the race and not one side of it.
    expect(seen).toContain('cancelled');
    expect(seen).toContain('generating');
  });
});

describe('a cancel the queue had nothing to stop for', () => {
  it('is read from the database before the first step, so nothing is rendered', async () => {
    // jobs.cancel sets the flag (only while generating) and then stops the running entry; a job
    // claimed but not yet registered has no entry. The sweep above cannot land a cancel in that
    // gap, so this writes the flag itself, through a second SQLite connection, at the moment the
    // queue has claimed the job and announced it, before its first step.
    const t = await openTempCore({ random: seededRandom(7), autoStart: false });
    cleanups.push(() => t.close());
    await t.call('brands.create', sampleBrand);
    const side = new BetterSqlite3(join(t.dir, 'maestro.db'));
    cleanups.push(() => side.close());
    let flagged = 0;
    t.core.events.subscribe((e) => {
      if (e.stream === 'job.progress' && flagged === 0) {
        flagged = side
          .prepare(
            `UPDATE generation_jobs SET cancel_requested = 1 WHERE job_id = ? AND status = 'generating'`,
          )
          .run(e.payload.jobId).changes;
      }
    });
    const { id: jobId } = await t.call('jobs.create', carousel);
    await t.core.jobs.queue.idle();
    expect(flagged).toBe(1);
    const final = await t.call('jobs.get', { id: jobId });
    expect(final.status).toBe('cancelled');
    expect(final.completedSteps).toEqual([]);
    expect(await cancelledEntries(t, jobId)).toBe(1);
    expect(readdirSync(join(t.dir, 'media', 'jobs', jobId))).toEqual([]);
  });
});

describe('a cancel that meets the last step of a render', () => {
  it('is either refused as too late or ends the job cancelled, never accepted and then completed', async () => {
    const t = await openTempCore({ random: seededRandom(6), autoStart: false });
    cleanups.push(() => t.close());
    await t.call('brands.create', sampleBrand);
    await t.call('settings.set', { values: { renderConcurrency: 1 } });
    const answers = new Set<string>();
    const cancelledIds: string[] = [];
    for (let offset = 0; offset <= 60; offset++) {
      let jobId = '';
      let reached!: () => void;
      const slidesDrawn = new Promise<void>((resolve) => (reached = resolve));
      const unsubscribe = t.core.events.subscribe((e) => {
        if (
          e.stream === 'job.progress' &&
          e.payload.jobId === jobId &&
          e.payload.step === 'slides' &&
          e.payload.percent >= 90
        )
          reached();
      });
      try {
        const job = await t.call('jobs.create', carousel);
        jobId = job.id;
        await slidesDrawn;
        await microtasks(offset);
        const result = (await t.invoke('jobs.cancel', { id: job.id })) as CancelAnswer;
        await t.core.jobs.queue.idle();
        const final = await t.call('jobs.get', { id: job.id });
        const at = `offset ${offset}: cancel answered ${JSON.stringify(result.ok ? result.value.status : result.error)}`;
        if (result.ok) {
          answers.add('accepted');
          expect(final.status, at).toBe('cancelled');
          expect(await cancelledEntries(t, job.id), at).toBe(1);
          // The steps that finished keep their files, so a retry continues after them.
          expect(final.completedSteps.slice(0, 3), at).toEqual(['background', 'cover', 'slides']);
          cancelledIds.push(job.id);
        } else {
          answers.add('refused');
          expect(result.error.code, at).toBe('conflict');
          expect(result.error.message, at).toContain('completed');
          expect(final.status, at).toBe('completed');
          expect(await cancelledEntries(t, job.id), at).toBe(0);
        }
      } finally {
        unsubscribe();
      }
    }
    expect([...answers].sort()).toEqual(['accepted', 'refused']);

    const id = cancelledIds[0]!;
    const before = await t.call('jobs.get', { id });
    await t.call('jobs.retry', { id });
    await t.core.jobs.queue.idle();
    const retried = await t.call('jobs.get', { id });
    expect(retried).toMatchObject({ status: 'completed', attempts: 2, error: null });
    expect(retried.files.slides).toEqual(before.files.slides);
    const finished = (await t.call('activity.list', { limit: 500 })).filter(
      (a) => a.action === 'Render finished' && a.detail.startsWith(`${id}:`),
    );
    expect(finished).toHaveLength(1);
  });
});
