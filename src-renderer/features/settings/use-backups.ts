import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';

export function useBackups() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.backups.all, queryFn: () => api['backups.list']() });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.backups.all });
}

export function useBackUpNow() {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (includeMedia: boolean) => api['backups.now']({ includeMedia }),
    onSuccess: (backup) => toast.success(`Backed up and verified: ${backup.id}.`),
    onError: (error) => toast.error(describeError(error)),
    onSettled: refresh,
  });
}

/** After a restore the app restarts on the restored file; this page then loads it afresh. */
export function useRestoreBackup() {
  const api = useApi();
  return useMutation({
    mutationFn: (id: string) => api['backups.restore']({ id }),
    onSuccess: (result) => {
      if (result.restarting) {
        toast.success(`Restoring ${result.backup.id}: Maestro restarts on it now.`);
        // The core answers again once it has restarted; the desktop window is replaced anyway.
        setTimeout(() => window.location.reload(), 1500);
      } else {
        toast.success(`${result.backup.id} will be opened at Maestro's next start.`);
      }
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

export function useExportBrand() {
  const api = useApi();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (brandId: string) => api['backups.exportBrand']({ brandId }),
    onSuccess: (result) => toast.success(`Exported to ${result.file}.`),
    onError: (error) => toast.error(describeError(error)),
    onSettled: refresh,
  });
}

export function useImportBrand() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: string) => api['backups.importBrand']({ file }),
    onSuccess: (result) => {
      toast.success(`Imported ${result.brandId}: connect its accounts again on the Brands page.`);
      void queryClient.invalidateQueries();
    },
    onError: (error) => toast.error(describeError(error)),
  });
}
