import type { Kysely } from 'kysely';
import { llmOutcomes, type LlmOutcome, type LlmUsage } from '../contract/llm';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { budgetWindows, evaluateBudget, type BudgetVerdict } from './budget';
import { llmDefaults } from './defaults';

export const LLM_SERVICE = 'llm';

export interface UsageEntry {
  operation: string;
  model: string | null;
  agentId: string | null;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  outcome: LlmOutcome;
  costUsd: number;
  error: string | null;
}

export interface BudgetLimits {
  dailyUsd: number;
  hourlyUsd: number;
}

/** The LLM's rows of api_usage: one per request attempt (and per call refused before one). */
export class LlmUsageLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(entry: UsageEntry): Promise<void> {
    await this.db
      .insertInto('api_usage')
      .values({
        service: LLM_SERVICE,
        operation: entry.operation,
        model: entry.model,
        agent_id: entry.agentId,
        tokens_in: entry.tokensIn,
        tokens_out: entry.tokensOut,
        latency_ms: Math.max(0, Math.round(entry.latencyMs)),
        outcome: entry.outcome,
        cost_usd: entry.costUsd,
        error: entry.error === null ? null : entry.error.slice(0, llmDefaults.maxErrorTextLength),
        created_at: isoNow(this.clock),
      })
      .execute();
  }

  async spentSince(since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('api_usage')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cost_usd'), eb.val(0)).as('spent'))
      .where('service', '=', LLM_SERVICE)
      .where('created_at', '>=', since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.spent);
  }

  async budget(limits: BudgetLimits): Promise<BudgetVerdict> {
    const now = this.clock.now();
    const windows = budgetWindows(now);
    const [dayUsd, hourUsd] = await Promise.all([
      this.spentSince(windows.day.start),
      this.spentSince(windows.hour.start),
    ]);
    return evaluateBudget(now, { dayUsd, hourUsd }, limits);
  }

  async summary(limits: BudgetLimits): Promise<LlmUsage> {
    const verdict = await this.budget(limits);
    const rows = await this.db
      .selectFrom('api_usage')
      .select((eb) => [
        'outcome',
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>('tokens_in').as('tokens_in'),
        eb.fn.sum<number>('tokens_out').as('tokens_out'),
      ])
      .where('service', '=', LLM_SERVICE)
      .where('created_at', '>=', verdict.day.startsAt)
      .groupBy('outcome')
      .execute();
    const callsByOutcome = Object.fromEntries(llmOutcomes.map((o) => [o, 0])) as Record<LlmOutcome, number>;
    const tokensToday = { in: 0, out: 0 };
    for (const row of rows) {
      if ((llmOutcomes as readonly string[]).includes(row.outcome)) {
        callsByOutcome[row.outcome as LlmOutcome] += Number(row.calls);
      }
      tokensToday.in += Number(row.tokens_in ?? 0);
      tokensToday.out += Number(row.tokens_out ?? 0);
    }
    return {
      day: verdict.day,
      hour: verdict.hour,
      callsByOutcome,
      tokensToday,
      blocked: verdict.blocked,
      blockedReason: verdict.blockedReason,
      checkedAt: isoNow(this.clock),
    };
  }
}
