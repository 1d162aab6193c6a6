import { AppError } from '../contract/errors';
import { scheduleDefaults, type SlotKind, type SlotVariant } from './defaults';
import { addDays, wallTimeOf, zonedInstant, type WallTimeShift } from './local-wall-time';

export interface SlotCandidate {
  at: Date;
  variant: SlotVariant;
  /** The grid's wall time (HH:MM) before any DST move; `at` is where it really falls. */
  wallTime: string;
  shifted: WallTimeShift;
}

function hhmm(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * A brand's slots on one local day in the creator's zone, earliest first. Reels: the six base
 * hours shifted by the offset (mod 24), each keeping its variant, then sorted: the original kept
 * base-list order after the wrap, so with offset 21 a light reel took 21:00 before 05:00.
 * Posts: 08:00 and 14:00 shifted the same way. A slot in a skipped hour moves to the jump; one in
 * a repeated hour is used once, at its first occurrence.
 */
export function slotCandidates(
  day: string,
  timeZone: string,
  scheduleOffset: number,
  kind: SlotKind,
): SlotCandidate[] {
  if (!Number.isInteger(scheduleOffset) || scheduleOffset < 0 || scheduleOffset > 23) {
    throw new AppError(
      'invalid_input',
      `a schedule offset is a whole hour from 0 to 23, not ${scheduleOffset}`,
    );
  }
  const grid: { hour: number; variant: SlotVariant }[] =
    kind === 'reel'
      ? scheduleDefaults.reelBaseSlots.map((s) => ({ hour: s.hour, variant: s.variant }))
      : scheduleDefaults.postBaseHours.map((hour) => ({ hour, variant: 'post' as const }));
  const slots = grid.map(({ hour, variant }) => {
    const wallTime = hhmm((hour + scheduleOffset) % 24);
    const { at, shifted } = zonedInstant(day, wallTime, timeZone);
    return { at, variant, wallTime, shifted };
  });
  slots.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Two slots can only meet if a jump longer than their spacing swallows both: keep the first.
  return slots.filter((s, i) => i === 0 || s.at.getTime() !== slots[i - 1]!.at.getTime());
}

/** Every slot strictly after `after` and at or before `until`, earliest first. */
export function slotsBetween(
  after: Date,
  until: Date,
  timeZone: string,
  scheduleOffset: number,
  kind: SlotKind,
): SlotCandidate[] {
  const lastDay = wallTimeOf(until, timeZone).date;
  const slots: SlotCandidate[] = [];
  // From the day before: a slot moved forward out of a skipped hour could fall on the next day.
  for (let day = addDays(wallTimeOf(after, timeZone).date, -1); day <= lastDay; day = addDays(day, 1)) {
    for (const slot of slotCandidates(day, timeZone, scheduleOffset, kind)) {
      if (slot.at > after && slot.at <= until) slots.push(slot);
    }
  }
  return slots;
}
