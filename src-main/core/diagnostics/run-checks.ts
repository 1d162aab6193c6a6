import type { DiagnosticCheck } from '../contract/diagnostics';
import type { CheckContext, SystemCheck } from './checks/check';
import { agentPopulationCheck } from './checks/agent-population';
import { apiConnectivityCheck } from './checks/api-connectivity';
import { contentPipelineCheck } from './checks/content-pipeline';
import { cycleFreshnessCheck } from './checks/cycle-freshness';
import { dataConsistencyCheck } from './checks/data-consistency';
import { dbConnectionCheck } from './checks/db-connection';
import { dnaIntegrityCheck } from './checks/dna-integrity';
import { evolutionIntegrityCheck } from './checks/evolution-integrity';
import { publishingPipelineCheck } from './checks/publishing-pipeline';
import { schedulerHealthCheck } from './checks/scheduler-health';

/** The ten checks of the reference (§5.2), in its order. */
export const systemChecks: readonly SystemCheck[] = [
  dbConnectionCheck,
  agentPopulationCheck,
  dnaIntegrityCheck,
  contentPipelineCheck,
  schedulerHealthCheck,
  evolutionIntegrityCheck,
  apiConnectivityCheck,
  publishingPipelineCheck,
  cycleFreshnessCheck,
  dataConsistencyCheck,
];

/**
 * Runs the checks one after another (each reads a consistent moment; they are cheap), timing each.
 * An exception inside a check is that check's failure, with its message: the others still run.
 */
export async function runChecks(
  checks: readonly SystemCheck[],
  ctx: CheckContext,
): Promise<DiagnosticCheck[]> {
  const results: DiagnosticCheck[] = [];
  for (const check of checks) {
    const started = performance.now();
    let verdict;
    try {
      verdict = await check.run(ctx);
    } catch (error) {
      verdict = {
        status: 'fail' as const,
        detail: `Exception: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    results.push({
      name: check.name,
      ...verdict,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }
  return results;
}
