import type { DomainHandlers } from '../dispatcher';
import { analyticsBrand, analyticsPost, type AnalyticsViewDeps } from './analytics-view';
import type { MetricsCollector } from './metrics-collector';

export function analyticsHandlers(
  deps: AnalyticsViewDeps & { metrics: MetricsCollector },
): DomainHandlers<'analytics'> {
  return {
    'analytics.brand': (input) => analyticsBrand(deps, input),
    'analytics.post': (input) => analyticsPost(deps, input),
    'analytics.collectNow': (input) => deps.metrics.collectDue(undefined, { brandId: input.brandId }),
  };
}
