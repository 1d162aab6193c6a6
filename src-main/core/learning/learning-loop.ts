import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { DomainHandlers } from '../dispatcher';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { EvolutionService } from './evolution-service';
import { FeedbackService } from './feedback-service';
import { agentHistory, genePool, learningTimeline } from './learning-queries';
import { PatternsService } from './patterns-service';
import type { StrategyAdvisor } from './strategy-advisor';

export interface LearningLoop {
  feedback: FeedbackService;
  evolution: EvolutionService;
  patterns: PatternsService;
  handlers: DomainHandlers<'learning'>;
}

/**
 * What the agents do with the measurements: feedback and adaptation, the weekly evolution, the
 * shared patterns. Nothing runs by itself: the scheduler, the simulation or the contract calls
 * `feedback.run()`, `evolution.run()`, `patterns.analyse()` and `patterns.consolidate()`.
 */
export function createLearningLoop(deps: {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
  advisor: StrategyAdvisor;
}): LearningLoop {
  const { db } = deps;
  const feedback = new FeedbackService(deps);
  const evolution = new EvolutionService(deps);
  const patterns = new PatternsService(deps);
  return {
    feedback,
    evolution,
    patterns,
    handlers: {
      'learning.runFeedback': () => feedback.run(),
      'learning.runEvolution': () => evolution.run('manual'),
      'learning.evolutionHistory': () => evolution.history(),
      'learning.genePool': () => genePool(db),
      'learning.timeline': (input) => learningTimeline(db, input),
      'learning.agentHistory': (input) => agentHistory(db, input.agentId),
      'learning.patterns': (input) => patterns.list(input.brandId ?? null),
      'learning.analysePatterns': () => patterns.analyse(),
    },
  };
}
