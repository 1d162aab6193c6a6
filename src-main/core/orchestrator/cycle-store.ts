import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { CycleId } from './cycle-schedule';

/** What is remembered of a cycle across restarts (so catch-up is once, not per missed tick). */
export interface CycleRecord {
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: 'ok' | 'failed' | 'skipped' | null;
  lastError: string | null;
  /** What the last run said it did, in a few words. */
  lastDetail: string | null;
  runs: number;
  failures: number;
}

const empty: CycleRecord = {
  lastStartedAt: null,
  lastFinishedAt: null,
  lastOutcome: null,
  lastError: null,
  lastDetail: null,
  runs: 0,
  failures: 0,
};

const keyOf = (id: CycleId) => `cycle.${id}`;

/** Cycle records live in maestro_config (one JSON value per cycle), like the other Maestro state. */
export async function readCycleRecords(db: Kysely<Database>): Promise<Map<CycleId, CycleRecord>> {
  const rows = await db
    .selectFrom('maestro_config')
    .select(['key', 'value'])
    .where('key', 'like', 'cycle.%')
    .execute();
  const records = new Map<CycleId, CycleRecord>();
  for (const row of rows) {
    try {
      records.set(row.key.slice('cycle.'.length) as CycleId, {
        ...empty,
        ...(JSON.parse(row.value) as Partial<CycleRecord>),
      });
    } catch {
      // A damaged record only loses that cycle's history: it runs as if new.
    }
  }
  return records;
}

export function emptyCycleRecord(): CycleRecord {
  return { ...empty };
}

export async function writeCycleRecord(
  db: Kysely<Database>,
  id: CycleId,
  record: CycleRecord,
  at: string,
): Promise<void> {
  await db
    .insertInto('maestro_config')
    .values({ key: keyOf(id), value: JSON.stringify(record), updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(record), updated_at: at }))
    .execute();
}
