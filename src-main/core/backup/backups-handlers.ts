import type { DomainHandlers } from '../dispatcher';
import type { BackupService } from './backup-service';

export function backupsHandlers(backups: BackupService): DomainHandlers<'backups'> {
  return {
    'backups.list': () => backups.list(),
    'backups.now': (input) => backups.backUp('manual', input.includeMedia),
    'backups.restore': (input) => backups.restore(input.id),
    'backups.exportBrand': (input) => backups.exportBrand(input.brandId),
    'backups.importBrand': (input) => backups.importBrand(input.file),
  };
}
