import type { DomainHandlers } from '../dispatcher';
import type { ConnectionsService } from './connections-service';

export function connectionsHandlers(connections: ConnectionsService): DomainHandlers<'connections'> {
  return {
    'connections.list': (input) => connections.list(input.brandId),
    'connections.metaLoginUrl': (input) => connections.metaLoginUrl(input.brandId),
    'connections.metaPages': (input) => connections.metaPages(input.brandId, input.userToken),
    'connections.connectMeta': (input) => connections.connectMeta(input),
    'connections.youtubeBegin': (input) => connections.youtubeBegin(input.brandId),
    'connections.test': (input) => connections.test(input.brandId, input.platform),
    'connections.disconnect': (input) => connections.disconnect(input.brandId, input.platform),
  };
}
