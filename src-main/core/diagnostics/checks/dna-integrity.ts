import { dnaDefaults } from '../../agents/dna';
import { isStrategyName } from '../../agents/strategies';
import { diagnosticsDefaults } from '../defaults';
import { plural } from '../../wording';
import { listSome, type SystemCheck, type Verdict } from './check';

/** An active agent's DNA as stored (JSON text), so unreadable DNA is found, not defaulted. */
export interface StoredDna {
  agentId: string;
  temperature: number;
  strategyNames: string;
  strategyWeights: string;
  contentTypes: string;
  proposalsPerBrand: number;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What is wrong with one agent's DNA (empty: nothing). */
export function dnaIssues(dna: StoredDna): string[] {
  const issues: string[] = [];
  const [low, high] = dnaDefaults.temperatureBounds;
  if (!(dna.temperature >= low && dna.temperature <= high))
    issues.push(`temperature ${dna.temperature} outside ${low}–${high}`);
  const names = parse(dna.strategyNames);
  const weights = parse(dna.strategyWeights);
  if (!Array.isArray(names) || names.length === 0) {
    // The agent silently writes with the default strategies (see agents-repository).
    issues.push('no readable strategies');
  } else {
    const unknown = names.filter((n) => typeof n !== 'string' || !isStrategyName(n));
    if (unknown.length) issues.push(`unknown strategies ${unknown.join(', ')}`);
    if (!weights || typeof weights !== 'object' || Array.isArray(weights)) {
      issues.push('no readable weights');
    } else {
      const record = weights as Record<string, unknown>;
      const own = names.map((n) => record[String(n)]);
      if (own.some((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1))
        issues.push('a weight missing or outside 0–1');
      else {
        const sum = (own as number[]).reduce((s, w) => s + w, 0);
        if (Math.abs(sum - 1) > diagnosticsDefaults.dna.weightSumTolerance)
          issues.push(`weights add up to ${sum.toFixed(2)}`);
      }
    }
  }
  const types = parse(dna.contentTypes);
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => t !== 'reel' && t !== 'post'))
    issues.push('no readable content types');
  if (!(dna.proposalsPerBrand >= 1)) issues.push(`proposals per brand ${dna.proposalsPerBrand}`);
  return issues;
}

/** Reference §5.2 #3, on this app's DNA (names, weights, temperature bounds, content types). */
export function judgeDna(agents: readonly StoredDna[]): Verdict {
  const found = agents.flatMap((a) => dnaIssues(a).map((issue) => `${a.agentId}: ${issue}`));
  if (found.length > 0)
    return {
      status: 'fail',
      detail: `${listSome(found, diagnosticsDefaults.dna.maxIssuesListed)}. Fix it in Agents (edit the DNA) or retire the agent.`,
    };
  return { status: 'pass', detail: `The DNA of ${plural(agents.length, 'active agent')} is valid.` };
}

export const dnaIntegrityCheck: SystemCheck = {
  name: 'dna_integrity',
  async run({ db }) {
    const rows = await db
      .selectFrom('agents')
      .select([
        'agent_id',
        'temperature',
        'strategy_names',
        'strategy_weights',
        'content_types',
        'proposals_per_brand',
      ])
      .where('active', '=', 1)
      .orderBy('agent_id')
      .execute();
    return judgeDna(
      rows.map((r) => ({
        agentId: r.agent_id,
        temperature: r.temperature,
        strategyNames: r.strategy_names,
        strategyWeights: r.strategy_weights,
        contentTypes: r.content_types,
        proposalsPerBrand: r.proposals_per_brand,
      })),
    );
  },
};
