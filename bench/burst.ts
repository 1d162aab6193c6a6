/**
 * The daily burst against the fake OpenAI-compatible server with 1 s of simulated latency per
 * call, compared with the ideal: calls × latency / concurrency (the LLM limit is the only
 * bottleneck a perfect scheduler would have).
 */
import { performance } from 'node:perf_hooks';
import { openBurstHarness } from '../test/helpers/burst-harness';

/** A measured value and the most it may be; `npm run bench` fails when one is over. */
export interface BenchGoal {
  label: string;
  value: number;
  target: number;
}

export interface BenchResult {
  name: string;
  lines: string[];
  goals: BenchGoal[];
}

export async function benchBurst(
  options: { latencyMs?: number; concurrency?: number; brands?: number } = {},
): Promise<BenchResult> {
  const latencyMs = options.latencyMs ?? 1000;
  const concurrency = options.concurrency ?? 4;
  const brands = options.brands ?? 5;
  const h = await openBurstHarness({ brands, latencyMs, settings: { llmMaxConcurrency: concurrency } });
  try {
    const runner = h.t.core.bursts.runner;
    const started = performance.now();
    await runner.start('daily');
    const summary = await runner.running!;
    const wallMs = performance.now() - started;
    const calls = h.fake.answered.length;
    const idealMs = (calls * latencyMs) / concurrency;
    const ratio = wallMs / idealMs;
    return {
      name: 'burst',
      goals: [{ label: 'ratio', value: ratio, target: 1.3 }],
      lines: [
        `burst: ${brands} brands × 2 agents → ${summary.created} proposals (${summary.accepted} accepted), ${calls} LLM calls`,
        `  latency ${latencyMs} ms per call, concurrency ${concurrency}`,
        `  wall ${(wallMs / 1000).toFixed(2)} s vs ideal ${(idealMs / 1000).toFixed(2)} s (calls × latency / concurrency)`,
        `  ratio ${ratio.toFixed(3)} (target ≤ 1.3)`,
      ],
    };
  } finally {
    await h.close();
  }
}
