import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';

export interface PlatformCall {
  service: 'instagram' | 'facebook' | 'youtube' | 'google' | 'media-host';
  operation: string;
  latencyMs: number;
  outcome: 'ok' | 'error' | 'offline';
  error?: string | null;
}

/**
 * Every platform call is one row of api_usage (as the LLM's are), so rate limits and YouTube
 * quota can be reasoned about from the file and the learning loop can count its reads.
 */
export class PlatformUsage {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(call: PlatformCall): Promise<void> {
    await this.db
      .insertInto('api_usage')
      .values({
        service: call.service,
        operation: call.operation,
        model: null,
        agent_id: null,
        latency_ms: Math.max(0, Math.round(call.latencyMs)),
        outcome: call.outcome,
        error: call.error ? call.error.slice(0, 500) : null,
        created_at: isoNow(this.clock),
      })
      .execute();
  }
}
