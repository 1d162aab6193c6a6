import type { Brand } from '@contract';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { BrandConnections } from './brand-connections';
import { useConnections } from './use-connections';
import './connections.css';

/**
 * Each brand's Instagram, Facebook and YouTube connections. Given one brand (its edit page), that
 * brand only, even when inactive; otherwise every active brand.
 */
export function ConnectionsCard({ brands, brandId }: { brands: readonly Brand[]; brandId?: string }) {
  const connections = useConnections(brandId);
  const shown = brandId ? brands.filter((b) => b.id === brandId) : brands.filter((b) => b.active);
  return (
    <Card title="Connections">
      <p className="muted">
        Maestro publishes with your own Meta app and Google OAuth client (Settings). Tokens are stored
        encrypted on this computer and never shown again.
      </p>
      {connections.isPending && <p className="muted">Loading connections…</p>}
      {connections.isError && <ErrorMessage error={connections.error} title="Could not load connections." />}
      {connections.isSuccess && shown.length === 0 && (
        <p className="empty-state">No active brands to connect.</p>
      )}
      {connections.isSuccess &&
        shown.map((brand) => (
          <BrandConnections
            key={brand.id}
            brandId={brand.id}
            brandName={brand.displayName}
            connections={connections.data.filter((c) => c.brandId === brand.id)}
          />
        ))}
    </Card>
  );
}
