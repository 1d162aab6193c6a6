import type { DomainHandlers } from '../dispatcher';
import type { Orchestrator } from '../orchestrator/orchestrator';
import type { DailyScheduler } from './daily-scheduler';
import type { MaestroDashboardReader } from './maestro-dashboard';
import type { MaestroService } from './maestro-service';
import type { MaestroState } from './maestro-state';

export function maestroHandlers(deps: {
  state: MaestroState;
  service: MaestroService;
  scheduler: DailyScheduler;
  orchestrator: Orchestrator;
  dashboard: MaestroDashboardReader;
}): DomainHandlers<'maestro'> {
  const { state, service, scheduler, orchestrator, dashboard } = deps;
  return {
    'maestro.status': () => state.status(),
    'maestro.pause': () => state.pause(),
    'maestro.resume': async () => {
      const status = await state.resume();
      // Resuming after the burst time catches up on today's burst at once.
      await scheduler.check();
      return status;
    },
    'maestro.overview': () => service.overview(),
    'maestro.dashboard': () => dashboard.read(),
    'maestro.triggerBurst': () => service.triggerBurst(),
    'maestro.resetDaily': () => service.resetDaily(),
    'maestro.optimizeNow': () => service.optimizeNow(),
    'maestro.cycles': () => orchestrator.status(),
    'maestro.runCycle': (input) => orchestrator.runNow(input.id),
  };
}
