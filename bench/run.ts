/**
 * `npm run bench [name…]`: runs each bench (or the named ones), prints its lines, and exits 1
 * when a measured value misses its target. Add a bench by adding it to the list.
 */
import { benchBurst, type BenchResult } from './burst';
import { benchRenderReels } from './render-reels';
import { benchScale } from './scale';

const benches: Record<string, () => Promise<BenchResult>> = {
  burst: () => benchBurst(),
  'render-reels': () => benchRenderReels(),
  scale: () => benchScale(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in benches));
  if (unknown.length > 0)
    throw new Error(`Unknown bench: ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}`);
  let missed = 0;
  for (const [name, bench] of Object.entries(benches)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const result = await bench();
    for (const line of result.lines) console.log(line);
    for (const goal of result.goals) {
      if (goal.value <= goal.target) continue;
      missed++;
      console.log(`  MISSED (${goal.label}): ${goal.value.toFixed(3)} > ${goal.target}`);
    }
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
