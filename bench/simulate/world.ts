import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { strategyNames } from '../../src-main/core/agents/strategies';
import { wellnessTopics } from '../../src-main/core/proposals/topics';

/**
 * A simulated world is data: a JSON file with this shape (bench/simulate/default-world.json is
 * the default; `npm run simulate -- --world FILE` runs another). Every number the audience
 * produces comes from these parameters and the seed.
 */
const rate = z.number().min(0).max(1);
const strategyRates = z
  .object(
    Object.fromEntries(strategyNames.map((s) => [s, rate])) as Record<
      (typeof strategyNames)[number],
      typeof rate
    >,
  )
  .strict();

export const worldSchema = z
  .object({
    name: z.string().min(1),
    /** Why the numbers are what they are (shown in the README). */
    notes: z.array(z.string()).default([]),
    /** Where the first simulated day starts (a Monday at midnight UTC keeps weeks aligned). */
    start: z.iso.datetime(),
    /** The creator's zone: bursts at noon and the Sunday evolution happen in it. */
    timeZone: z.string().min(1),
    /** What each brand asks for every day (the app's reelsPerBrand / postsPerBrand settings). */
    daily: z
      .object({ reels: z.number().int().min(0).max(12), posts: z.number().int().min(0).max(6) })
      .strict(),
    brands: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,38}$/),
            displayName: z.string().min(1),
            followers: z.number().int().min(1),
            /** Accounts a post reaches when its engagement rate is the brand's mean. */
            reachPerPost: z.number().min(1),
            /** Each strategy's true engagement rate for this brand (interactions / reach). */
            rates: strategyRates,
          })
          .strict(),
      )
      .min(1)
      .max(8),
    /**
     * How far a topic moves a strategy's rate for a brand: each (brand, topic, strategy) gets a
     * hidden factor e^(spread·z), z standard normal, drawn from the seed.
     */
    topicSpread: z.number().min(0).max(2),
    /** Slow drift: each week every (brand, strategy) rate moves by a factor e^(drift·z). */
    weeklyDrift: z.number().min(0).max(1),
    /** Per-post noise on the engagement rate and on reach (log-normal sd). */
    postNoise: z.number().min(0).max(2),
    reachNoise: z.number().min(0).max(2),
    /** A better post also travels further: reach × (rate / the brand's mean rate)^this. */
    reachFollowsRate: z.number().min(0).max(3),
    /** Plays per account reached. */
    viewsPerReach: z.number().min(1).max(10),
    /** How interactions split (fractions adding up to 1). */
    interactions: z
      .object({ likes: z.number(), comments: z.number(), saves: z.number(), shares: z.number() })
      .strict()
      .refine(
        (s) => Math.abs(s.likes + s.comments + s.saves + s.shares - 1) < 1e-6,
        'interactions must add up to 1',
      ),
    /** Metrics grow like 1 − e^(−age / this many hours). */
    growthHours: z.number().min(0.1).max(200),
  })
  .strict();

export type World = z.infer<typeof worldSchema>;

export const worldTopics = wellnessTopics.map((t) => t.id);

export function loadWorld(file: string): World {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the world file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = worldSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new Error(`The world file ${file} is not valid:\n${issues}`);
  }
  return parsed.data;
}
