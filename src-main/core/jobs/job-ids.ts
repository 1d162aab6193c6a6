import type { Random } from '../ports/random';
import { jobDefaults } from './defaults';

/** "GEN-" and `digits` digits drawn from the injected random (leading zeros kept). */
export function drawJobId(random: Random, digits: number = jobDefaults.idDigits): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += Math.min(9, Math.floor(random.next() * 10)).toString();
  return `${jobDefaults.idPrefix}${out}`;
}

/**
 * A job id no existing job has: redrawn on a clash, with one more digit after `maxIdDraws`
 * clashes so the loop always ends.
 */
export async function uniqueJobId(
  random: Random,
  isTaken: (id: string) => Promise<boolean>,
): Promise<string> {
  for (let digits: number = jobDefaults.idDigits; ; digits++) {
    for (let draw = 0; draw < jobDefaults.maxIdDraws; draw++) {
      const id = drawJobId(random, digits);
      if (!(await isTaken(id))) return id;
    }
  }
}
