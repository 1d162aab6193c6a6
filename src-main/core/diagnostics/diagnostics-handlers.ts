import type { DomainHandlers } from '../dispatcher';
import type { DiagnosticsService } from './diagnostics-service';

export function diagnosticsHandlers(service: DiagnosticsService): DomainHandlers<'diagnostics'> {
  return {
    'diagnostics.run': async () => (await service.run('manual')).report,
    'diagnostics.latest': () => service.latest(),
    'diagnostics.history': (input) => service.history(input.limit),
  };
}
