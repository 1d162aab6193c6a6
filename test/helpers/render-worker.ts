// A render process to kill: opens the core on a data folder, queues one reel, and renders until
// killed. Run with `node --import tsx test/helpers/render-worker.ts <data-dir>`.
import { createCore } from '../../src-main/core/app';
import { seededRandom } from '../../src-main/core/ports/random';
import { sampleBrand } from './temp-core';

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const core = await createCore({
    dataDir,
    appVersion: '0.0.0-worker',
    random: seededRandom(7),
    autoStart: false,
  });
  const ok = <T>(result: { ok: boolean; value?: unknown; error?: unknown }) => {
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  ok(await core.invoke('brands.create', sampleBrand));
  const job = ok<{ id: string }>(
    await core.invoke('jobs.create', {
      brandId: sampleBrand.id,
      variant: 'dark',
      title: 'Five small habits that quietly fix your sleep',
      contentLines: [
        'Dim the lights an hour before bed',
        'Keep the bedroom cool',
        'Stop caffeine after 2 pm',
      ],
      caption: 'Sleep is built during the day.',
    }),
  );
  console.log(`queued ${job.id}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
