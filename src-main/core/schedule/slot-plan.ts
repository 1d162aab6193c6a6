import { scheduleDefaults, type ReelVariant, type SlotKind, type SlotVariant } from './defaults';
import { describeWallTime } from './local-wall-time';
import {
  earliestWithinLimit,
  fitsRollingLimit,
  fullestWindowAround,
  sortTimes,
  type SortedTimes,
} from './rolling-limit';
import { slotsBetween, type SlotCandidate } from './slot-grid';
import { DAY_MS, HOUR_MS } from '../ports/clock';
import { plural } from '../wording';

/** One of this brand's items that holds its time: status `scheduled` or `publishing`. */
export interface OccupiedSlot {
  at: Date;
  kind: SlotKind;
}

interface SlotRulesCommon {
  now: Date;
  /** The creator's IANA zone: the grid's hours are wall-clock hours there. */
  timeZone: string;
  /** The brand's offset, 0–23 hours added to every base slot. */
  scheduleOffset: number;
  /**
   * This brand's scheduled and publishing items, without the one being placed (a reschedule must
   * not collide with its own old time). A reel blocks reels of either variant; posts block posts.
   */
  occupied: readonly OccupiedSlot[];
  /**
   * When this brand's Instagram posts (any kind) are scheduled or were published, again without
   * the one being placed: the rolling limit counts them all.
   */
  instagramTimes: readonly Date[];
  /** Whether the item being placed will be published to Instagram; if not, the limit is moot. */
  targetsInstagram: boolean;
  /** Days after `now` (as 24 h periods) that a slot may be in. */
  horizonDays?: number;
  instagramLimit?: number;
  rollingWindowHours?: number;
}

export type SlotRulesInput = SlotRulesCommon &
  (
    | {
        kind: 'reel';
        variant: ReelVariant;
        /** How much later than the other variant's first free slot a reel still waits for its own. */
        variantBackupHours?: number;
      }
    | { kind: 'post' }
  );

export type NoSlotCause = 'all-taken' | 'instagram-limit' | 'no-slot-in-horizon';

export type NextFreeSlot =
  | {
      none: false;
      at: Date;
      variant: SlotVariant;
      /** A reel placed on the other variant's slot because its own were backed up. */
      tookOtherVariant: boolean;
      /** A sentence for the schedule when the slot needs explaining; null when it does not. */
      note: string | null;
    }
  | { none: true; cause: NoSlotCause; reason: string };

export type SlotRefusal = 'in-past' | 'beyond-horizon' | 'slot-taken' | 'instagram-limit';

export type SlotCheck =
  | { ok: true }
  | {
      ok: false;
      refusal: SlotRefusal;
      reason: string;
      /** For `instagram-limit`: the earliest instant from `at` on that Instagram would accept. */
      freesUpAt?: Date;
    };

export type SlotCheckInput = SlotRulesCommon & { kind: SlotKind; at: Date };

interface Rules {
  until: Date;
  horizonDays: number;
  instagramLimit: number;
  windowMs: number;
  instagram: SortedTimes;
  taken: Set<number>;
}

function rulesOf(input: SlotRulesCommon & { kind: SlotKind }): Rules {
  const horizonDays = input.horizonDays ?? scheduleDefaults.horizonDays;
  return {
    until: new Date(input.now.getTime() + horizonDays * DAY_MS),
    horizonDays,
    instagramLimit: input.instagramLimit ?? scheduleDefaults.instagramLimit,
    windowMs: (input.rollingWindowHours ?? scheduleDefaults.rollingWindowHours) * HOUR_MS,
    instagram: sortTimes(input.targetsInstagram ? input.instagramTimes : []),
    taken: new Set(
      input.occupied.filter((item) => item.kind === input.kind).map((item) => item.at.getTime()),
    ),
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function limitPhrase(rules: Rules): string {
  return `Instagram's limit of ${plural(rules.instagramLimit, 'post')} in ${plural(rules.windowMs / HOUR_MS, 'hour')}`;
}

/**
 * The earliest free slot strictly after `now` and within the horizon. A reel takes its own
 * variant's slot unless that variant is backed up, meaning its first free slot is more than
 * `variantBackupHours` after the other variant's; then it takes the nearest free slot of either
 * (the other variant's) and says so. A slot is free when no item of the same kind holds that exact
 * instant and, for Instagram, when no 24 h window containing it would exceed the limit.
 */
export function nextFreeSlot(input: SlotRulesInput): NextFreeSlot {
  const rules = rulesOf(input);
  const slots = slotsBetween(input.now, rules.until, input.timeZone, input.scheduleOffset, input.kind);
  const what = input.kind === 'reel' ? 'reel' : 'post';
  if (slots.length === 0) {
    return {
      none: true,
      cause: 'no-slot-in-horizon',
      reason: `No ${what} slot falls within the next ${plural(rules.horizonDays, 'day')}.`,
    };
  }

  const own: SlotVariant = input.kind === 'reel' ? input.variant : 'post';
  const firstFree = new Map<SlotVariant, SlotCandidate>();
  const firstOverLimit = new Map<SlotVariant, SlotCandidate>();
  for (const slot of slots) {
    if (rules.taken.has(slot.at.getTime())) continue;
    if (!fitsRollingLimit(rules.instagram, slot.at.getTime(), rules.instagramLimit, rules.windowMs)) {
      if (!firstOverLimit.has(slot.variant)) firstOverLimit.set(slot.variant, slot);
      continue;
    }
    if (!firstFree.has(slot.variant)) firstFree.set(slot.variant, slot);
    if (firstFree.size === (input.kind === 'reel' ? 2 : 1)) break;
  }

  const ownFirst = firstFree.get(own);
  const otherVariant: SlotVariant = own === 'light' ? 'dark' : 'light';
  const otherFirst = input.kind === 'reel' ? firstFree.get(otherVariant) : undefined;
  const backupMs =
    (input.kind === 'reel' ? (input.variantBackupHours ?? scheduleDefaults.variantBackupHours) : 0) * HOUR_MS;
  const backedUp =
    otherFirst !== undefined &&
    (ownFirst === undefined || ownFirst.at.getTime() - otherFirst.at.getTime() > backupMs);
  const chosen = backedUp ? otherFirst : ownFirst;

  if (chosen === undefined) {
    const overLimit = firstOverLimit.size > 0;
    return overLimit
      ? {
          none: true,
          cause: 'instagram-limit',
          reason: `Every free ${what} slot in the next ${plural(rules.horizonDays, 'day')} would go over ${limitPhrase(rules)}.`,
        }
      : {
          none: true,
          cause: 'all-taken',
          reason: `Every ${what} slot in the next ${plural(rules.horizonDays, 'day')} is taken.`,
        };
  }

  const notes: string[] = [];
  if (backedUp) {
    notes.push(
      ownFirst
        ? `Took a ${chosen.variant} slot: ${own} slots are full until ${describeWallTime(ownFirst.at, input.timeZone)}.`
        : `Took a ${chosen.variant} slot: ${own} slots are full for the next ${plural(rules.horizonDays, 'day')}.`,
    );
  }
  const waited = firstOverLimit.get(chosen.variant);
  if (waited && waited.at < chosen.at) {
    notes.push(
      `Waited for ${limitPhrase(rules)}: the slot at ${describeWallTime(waited.at, input.timeZone)} would have gone over it.`,
    );
  }
  return {
    none: false,
    at: chosen.at,
    variant: chosen.variant,
    tookOtherVariant: backedUp,
    note: notes.length > 0 ? notes.join(' ') : null,
  };
}

/**
 * Whether an item may go at `at` (a manual reschedule or a calendar drop): any minute will do,
 * not only the grid's, but it must be after now, within the horizon, not on the instant of another
 * item of the same kind, and within Instagram's rolling limit.
 */
export function checkSlot(input: SlotCheckInput): SlotCheck {
  const rules = rulesOf(input);
  const at = input.at.getTime();
  const when = describeWallTime(input.at, input.timeZone);
  if (at <= input.now.getTime()) {
    return { ok: false, refusal: 'in-past', reason: `${when} is in the past.` };
  }
  if (at > rules.until.getTime()) {
    return {
      ok: false,
      refusal: 'beyond-horizon',
      reason: `${when} is more than ${plural(rules.horizonDays, 'day')} ahead; the latest is ${describeWallTime(rules.until, input.timeZone)}.`,
    };
  }
  if (rules.taken.has(at)) {
    return {
      ok: false,
      refusal: 'slot-taken',
      reason: `Another ${input.kind} of this brand is already scheduled at ${when}.`,
    };
  }
  const fullest = fullestWindowAround(rules.instagram, at, rules.windowMs);
  if (fullest + 1 > rules.instagramLimit) {
    const freesUp = earliestWithinLimit(rules.instagram, at, rules.instagramLimit, rules.windowMs);
    return {
      ok: false,
      refusal: 'instagram-limit',
      reason:
        `This would be the brand's ${ordinal(fullest + 1)} Instagram post within ` +
        `${plural(rules.windowMs / HOUR_MS, 'hour')} (Instagram allows ${rules.instagramLimit})` +
        (freesUp === null
          ? '.'
          : `; the window frees up at ${describeWallTime(new Date(freesUp), input.timeZone)}.`),
      ...(freesUp === null ? {} : { freesUpAt: new Date(freesUp) }),
    };
  }
  return { ok: true };
}
