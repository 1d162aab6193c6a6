import { DAY_MS, HOUR_MS } from '../ports/clock';
/** The trend scout's and the bootstrap's constants (reference §9.2, §9.3, platform APIs §3.3). */

export const scoutDefaults = {
  /** Instagram: 30 unique hashtags per account per rolling 7 days; re-querying a counted one is free. */
  hashtagLimit: 30,
  hashtagWindowMs: 7 * DAY_MS,
  /** Per scout run and brand: hashtags searched, and the top media asked of each (reference: 3 and 15). */
  hashtagsPerRun: 3,
  topMediaPerHashtag: 15,
  /** A hashtag's top media change slowly: searched again at most this often (reference: 24 h). */
  hashtagMinGapMs: DAY_MS,
  /** Competitors looked at per run and brand, and their media asked for (reference: 8 and 10). */
  competitorsPerRun: 8,
  competitorMediaLimit: 10,
  /** A competitor with finds newer than this is left for a later run. */
  competitorMinGapMs: DAY_MS,
  /** The brand's own recent media looked at per run (reference: 10 in scans, 25 in the bootstrap). */
  ownMediaLimit: 25,
  /** How many competitors a brand may list (the original watched 30). */
  maxCompetitorsPerBrand: 30,
  /** Default hashtags derived from a niche. */
  maxNicheHashtags: 5,
  /** Captions are kept up to this length, with at most this many hashtags (reference §9.2). */
  captionMaxChars: 5_000,
  captionMaxHashtags: 30,
} as const;

export const bootstrapDefaults = {
  /** Mature when own ≥ 50 AND own + competitor + hashtag ≥ 150, OR ≥ 100 measured posts, OR 14 days. */
  minOwnItems: 50,
  minTotalItems: 150,
  minMeasuredPosts: 100,
  maxDurationMs: 14 * DAY_MS,
  /** Per tick: the brand's own media, one competitor's, one hashtag's (reference: 25, 8, 10). */
  ownMediaLimit: 25,
  competitorMediaLimit: 8,
  topMediaPerHashtag: 10,
  /** A hashtag is searched again by the bootstrap at most this often (reference: 6 h). */
  hashtagMinGapMs: 6 * HOUR_MS,
} as const;
