import type { Kysely } from 'kysely';
import * as m001 from './001-settings-and-brands';
import * as m002 from './002-agents-and-proposals';
import * as m003 from './003-jobs-and-publishing';
import * as m004 from './004-analytics-and-diagnostics';
import * as m005 from './005-proposal-review-and-bursts';
import * as m006 from './006-render-queue';
import * as m007 from './007-exactly-once-decisions';
import * as m008 from './008-publishing';
import * as m009 from './009-learning-loop';
import * as m010 from './010-evolution-runs';
import * as m011 from './011-list-indexes';
import * as m012 from './012-full-text-search';
import * as m013 from './013-retention-rollups';
import * as m014 from './014-healing';
import * as m015 from './015-notifications-and-activity-brand';
import * as m016 from './016-published-index';
import * as m017 from './017-diagnostics-runs';
import * as m018 from './018-examiner-figures';
import * as m019 from './019-token-revocations';

export interface Migration {
  /** The schema version this migration produces (its file number). */
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Listed by hand rather than read from disk: the bundled app has no migrations folder, and an
 * explicit list makes a missing or reordered file a compile-time fact.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: '001-settings-and-brands', up: m001.up },
  { version: 2, name: '002-agents-and-proposals', up: m002.up },
  { version: 3, name: '003-jobs-and-publishing', up: m003.up },
  { version: 4, name: '004-analytics-and-diagnostics', up: m004.up },
  { version: 5, name: '005-proposal-review-and-bursts', up: m005.up },
  { version: 6, name: '006-render-queue', up: m006.up },
  { version: 7, name: '007-exactly-once-decisions', up: m007.up },
  { version: 8, name: '008-publishing', up: m008.up },
  { version: 9, name: '009-learning-loop', up: m009.up },
  { version: 10, name: '010-evolution-runs', up: m010.up },
  { version: 11, name: '011-list-indexes', up: m011.up },
  { version: 12, name: '012-full-text-search', up: m012.up },
  { version: 13, name: '013-retention-rollups', up: m013.up },
  { version: 14, name: '014-healing', up: m014.up },
  { version: 15, name: '015-notifications-and-activity-brand', up: m015.up },
  { version: 16, name: '016-published-index', up: m016.up },
  { version: 17, name: '017-diagnostics-runs', up: m017.up },
  { version: 18, name: '018-examiner-figures', up: m018.up },
  { version: 19, name: '019-token-revocations', up: m019.up },
];
