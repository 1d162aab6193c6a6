import type { Kysely } from 'kysely';
import type { DomainHandlers } from '../dispatcher';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { examinerRejected, examinerStats } from './examiner-stats';

export function examinerHandlers(deps: { db: Kysely<Database>; clock: Clock }): DomainHandlers<'examiner'> {
  return {
    'examiner.stats': (input) => examinerStats(deps, input),
    'examiner.rejected': (input) => examinerRejected(deps, input),
  };
}
