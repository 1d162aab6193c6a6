import type { Kysely } from 'kysely';
import type { DiagnosticCheckName, DiagnosticCheckStatus } from '../../contract/diagnostics';
import type { CycleStatus, MaestroStatus } from '../../contract/maestro';
import type { Health } from '../../contract/system';
import type { Database } from '../../store/database';
import type { FileIdentity } from './db-connection';
import { MINUTE_MS } from '../../ports/clock';

/** What a check concludes: its status and what it found, in words the creator can act on. */
export interface Verdict {
  status: DiagnosticCheckStatus;
  detail: string;
}

/** The LLM settings api_connectivity judges (the key's length only: the key never leaves). */
export interface LlmSettingsFacts {
  baseUrl: string;
  model: string;
  keyLength: number;
  /** Why new LLM calls are refused right now (a used-up budget), or null. */
  budgetBlocked: string | null;
}

/**
 * Everything a check may read. The sources that can fail on their own are functions, so a
 * failure lands in the one check that needed it (as its `fail`), never in the others.
 */
export interface CheckContext {
  db: Kysely<Database>;
  now: Date;
  /** When this core started: its uptime. */
  startedAt: Date;
  databaseFile: { path: string; opened: FileIdentity | null };
  /** The installation checks of this run (FFmpeg, ffprobe, fonts…), already taken. */
  installation: Health['checks'];
  maestro(): Promise<Pick<MaestroStatus, 'paused' | 'changedAt'>>;
  cycles(): Promise<CycleStatus[]>;
  schedulerRunning(): boolean;
  llm(): Promise<LlmSettingsFacts>;
}

export interface SystemCheck {
  name: DiagnosticCheckName;
  run(ctx: CheckContext): Promise<Verdict>;
}

/** "3 h", "45 min", "2 d": how long ago, roughly. */
export function ago(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** The first few items of a list, and how many more. */
export function listSome(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}
