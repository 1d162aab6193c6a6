import type { DomainHandlers } from '../dispatcher';
import type { Clock } from '../ports/clock';
import type { Bootstrap } from './bootstrap';
import type { TrendScout } from './trend-scout';

export function scoutHandlers(deps: {
  scout: TrendScout;
  bootstrap: Bootstrap;
  clock: Clock;
}): DomainHandlers<'scout'> {
  const { scout, bootstrap, clock } = deps;
  return {
    'scout.hashtags.list': (input) => scout.hashtags(input.brandId),
    'scout.hashtags.set': (input) => scout.setHashtags(input.brandId, input.hashtags),
    'scout.competitors.list': (input) => scout.competitors(input.brandId),
    'scout.competitors.add': (input) => scout.addCompetitor(input.brandId, input.username),
    'scout.competitors.remove': (input) => scout.removeCompetitor(input.brandId, input.username),
    'scout.trending': (input) => scout.trending(input),
    'scout.runNow': (input) => scout.runNow(undefined, input.brandId),
    'scout.bootstrap': () => bootstrap.status(clock.now()),
  };
}
