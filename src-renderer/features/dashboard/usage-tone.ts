import type { BadgeTone } from '../../ui/badge';

/** How a spend or quota meter reads at this share of its limit: amber from 60 %, red from 90 %. */
export function usageTone(share: number): BadgeTone {
  return share >= 0.9 ? 'bad' : share >= 0.6 ? 'warn' : 'good';
}
