import { useId, useState } from 'react';
import type { SettingsView } from '@contract';
import { Card } from '../../ui/card';
import { confirm } from '../../ui/confirm-store';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { useBrands } from '../brands/use-brands';
import { backupSettingFields, retentionFields } from './maestro-settings-fields';
import { SettingsFieldsForm } from './settings-fields-form';
import { useBackUpNow, useBackups, useExportBrand, useImportBrand, useRestoreBackup } from './use-backups';

function size(bytes: number): string {
  return bytes >= 1_073_741_824
    ? `${(bytes / 1_073_741_824).toFixed(1)} GB`
    : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Backups (daily, now, restore), brand archives, and how long old detail is kept. */
export function BackupsCard({ view }: { view: SettingsView }) {
  const backups = useBackups();
  const backUp = useBackUpNow();
  const restore = useRestoreBackup();
  const [withMedia, setWithMedia] = useState(view.values.backupIncludeMedia);
  const mediaId = useId();

  async function restoreFrom(id: string, takenAt: string) {
    const ok = await confirm({
      title: 'Restore from this backup?',
      message:
        `Maestro restarts on the copy of ${formatDateTime(takenAt)}. Everything since then is replaced; ` +
        'the current data file (and media, if the backup has media) is kept aside in the data folder’s “replaced” folder.',
      confirmLabel: 'Restore and restart',
      tone: 'danger',
    });
    if (ok) restore.mutate(id);
  }

  return (
    <>
      <Card title="Backups">
        <SettingsFieldsForm view={view} fields={backupSettingFields} label="Backups" />
        <div className="backup-now">
          <label htmlFor={mediaId} className="checkbox-label">
            <input
              id={mediaId}
              type="checkbox"
              checked={withMedia}
              onChange={(event) => setWithMedia(event.target.checked)}
            />
            with media
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={backUp.isPending}
            onClick={() => backUp.mutate(withMedia)}
          >
            {backUp.isPending ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
        {backups.isError && <ErrorMessage error={backups.error} title="Could not list the backups." />}
        {backups.data && (
          <>
            <p className="muted">
              In <code>{backups.data.folder}</code>. Each copy was checked with SQLite’s integrity check when
              it was written.
            </p>
            {backups.data.backups.length === 0 ? (
              <p className="empty-state">No backups yet.</p>
            ) : (
              <table className="backups-table">
                <thead>
                  <tr>
                    <th scope="col">Taken</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Size</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {backups.data.backups.map((backup) => (
                    <tr key={backup.id}>
                      <td>{formatDateTime(backup.takenAt)}</td>
                      <td>{backup.kind === 'automatic' ? 'Daily' : 'By you'}</td>
                      <td>
                        {size(backup.databaseBytes)}
                        {backup.includesMedia ? ` + ${size(backup.mediaBytes)} media` : ''}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={restore.isPending}
                          aria-label={`Restore from backup of ${formatDateTime(backup.takenAt)}…`}
                          onClick={() => void restoreFrom(backup.id, backup.takenAt)}
                        >
                          Restore…
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Card>
      <BrandArchivesCard archives={backups.data?.brandArchives ?? []} />
      <Card title="Keeping old detail">
        <p className="muted">
          Old activity, API usage and metric snapshots are tidied once a day, a few hundred rows at a time, so
          it never slows anything down. Their daily totals are kept.
        </p>
        <SettingsFieldsForm view={view} fields={retentionFields} label="Keeping old detail" />
      </Card>
    </>
  );
}

function BrandArchivesCard({
  archives,
}: {
  archives: Array<{ file: string; brandId: string; exportedAt: string }>;
}) {
  const brands = useBrands();
  const exportBrand = useExportBrand();
  const importBrand = useImportBrand();
  const [brandId, setBrandId] = useState('');
  const [file, setFile] = useState('');
  const brandFieldId = useId();
  const fileFieldId = useId();
  return (
    <Card title="Brand archives">
      <p className="muted">
        One brand’s settings, agents and history as one file, to move it to another computer or data folder.
        Platform connections are not included: connect its accounts again after importing.
      </p>
      <div className="archive-row">
        <div className="field">
          <label htmlFor={brandFieldId}>Brand</label>
          <select id={brandFieldId} value={brandId} onChange={(event) => setBrandId(event.target.value)}>
            <option value="">Choose a brand</option>
            {(brands.data ?? []).map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.displayName}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={!brandId || exportBrand.isPending}
          onClick={() => exportBrand.mutate(brandId)}
        >
          {exportBrand.isPending ? 'Exporting…' : 'Export'}
        </button>
      </div>
      <div className="archive-row">
        <div className="field">
          <label htmlFor={fileFieldId}>Archive to import</label>
          <input
            id={fileFieldId}
            list={`${fileFieldId}-found`}
            value={file}
            placeholder="/path/to/brand-….maestro-brand.json.gz"
            onChange={(event) => setFile(event.target.value)}
          />
          <datalist id={`${fileFieldId}-found`}>
            {archives.map((archive) => (
              <option key={archive.file} value={archive.file}>
                {archive.brandId}, {formatDateTime(archive.exportedAt)}
              </option>
            ))}
          </datalist>
        </div>
        <button
          type="button"
          className="button"
          disabled={!file.trim() || importBrand.isPending}
          onClick={() => importBrand.mutate(file.trim())}
        >
          {importBrand.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </Card>
  );
}
