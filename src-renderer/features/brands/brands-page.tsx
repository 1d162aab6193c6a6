import { Link, useNavigate, useParams } from 'react-router';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { BrandForm } from './brand-form';
import { BrandsTable } from './brands-table';
import { ConnectionsCard } from './connections-card';
import { PublishingProfileForm } from './publishing-profile-form';
import { useBrands, useDeleteBrand } from './use-brands';

type Mode = 'list' | 'create' | 'edit';

/** The form is a route (/brands/new, /brands/:id/edit) so a reload keeps the user where they were. */
export function BrandsPage({ mode }: { mode: Mode }) {
  const navigate = useNavigate();
  const { brandId } = useParams();
  const brands = useBrands();
  const deleteBrand = useDeleteBrand();
  const backToList = () => navigate('/brands');
  const editing = mode === 'edit' ? brands.data?.find((b) => b.id === brandId) : undefined;

  return (
    <>
      <PageHeader
        title="Brands"
        description="Each brand has its own accounts, posting schedule and colours."
        actions={
          mode === 'list' && (
            <button type="button" className="button button-primary" onClick={() => navigate('/brands/new')}>
              New brand
            </button>
          )
        }
      />

      {mode === 'create' && (
        <Card title="New brand">
          <BrandForm onDone={backToList} />
        </Card>
      )}
      {mode === 'edit' && editing && (
        <>
          <Card title={`Edit ${editing.displayName}`}>
            {/* Keyed by id: switching brands starts a fresh form; a background refresh does not. */}
            <BrandForm key={editing.id} brand={editing} onDone={backToList} />
          </Card>
          <ConnectionsCard brands={brands.data ?? []} brandId={editing.id} />
          <Card title="Publishing">
            {/* A saved change (here or elsewhere) resets the form to show it. */}
            <PublishingProfileForm
              key={`${editing.id} ${JSON.stringify(editing.publishing)}`}
              brand={editing}
            />
          </Card>
        </>
      )}
      {mode === 'edit' && brands.isSuccess && !editing && (
        <div className="error-box" role="alert">
          There is no brand “{brandId}”. It may have been deleted. <Link to="/brands">Back to brands</Link>
        </div>
      )}

      <Card title="All brands">
        {brands.isPending && <p className="muted">Loading brands…</p>}
        {brands.isError && <ErrorMessage error={brands.error} title="Could not load brands." />}
        {brands.isSuccess && brands.data.length === 0 && (
          <p className="empty-state">No brands yet. Add the first one with “New brand”.</p>
        )}
        {brands.isSuccess && brands.data.length > 0 && (
          <BrandsTable
            brands={brands.data}
            onEdit={(brand) => navigate(`/brands/${encodeURIComponent(brand.id)}/edit`)}
            onDelete={(brand) => void deleteBrand(brand)}
          />
        )}
      </Card>
      {mode === 'list' && brands.isSuccess && brands.data.length > 0 && (
        <ConnectionsCard brands={brands.data} />
      )}
    </>
  );
}
