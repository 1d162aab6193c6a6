import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Brand, BrandCreateInput, BrandUpdateInput } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { confirm } from '../../ui/confirm-store';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';

/** Inactive brands are listed too: this page is where they are switched back on. */
export function useBrands() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.brands.list(true),
    queryFn: () => api['brands.list']({ includeInactive: true }),
  });
}

function useInvalidateBrands() {
  const queryClient = useQueryClient();
  // The data.changed event does this too; doing it here as well keeps the view right if an event is lost.
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.brands.all });
}

export function useCreateBrand() {
  const api = useApi();
  const invalidate = useInvalidateBrands();
  return useMutation({
    mutationFn: (input: BrandCreateInput) => api['brands.create'](input),
    onSuccess: invalidate,
  });
}

export function useUpdateBrand() {
  const api = useApi();
  const invalidate = useInvalidateBrands();
  return useMutation({
    mutationFn: (input: BrandUpdateInput) => api['brands.update'](input),
    onSuccess: invalidate,
  });
}

/** Delete after confirming, then offer Undo: the core keeps deleted brands in a trash. */
export function useDeleteBrand() {
  const api = useApi();
  const invalidate = useInvalidateBrands();

  const restore = async (brand: Brand) => {
    try {
      await api['brands.restore']({ id: brand.id });
      toast.success(`Restored “${brand.displayName}”.`);
    } catch (error) {
      toast.error(`Could not restore “${brand.displayName}”: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  };

  return async (brand: Brand) => {
    const ok = await confirm({
      title: `Delete “${brand.displayName}”?`,
      message: 'Maestro stops planning and publishing for this brand. You can undo this right after.',
      confirmLabel: 'Delete brand',
      tone: 'danger',
    });
    if (!ok) return;
    try {
      await api['brands.delete']({ id: brand.id });
      toast.info(`Deleted “${brand.displayName}”.`, { label: 'Undo', run: () => void restore(brand) });
    } catch (error) {
      toast.error(`Could not delete “${brand.displayName}”: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  };
}
