import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { BrandArchive } from '../contract/backups';
import { AppError } from '../contract/errors';
import type { Database } from '../store/database';
import { stampOf } from './backup-rotation';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const ARCHIVE_SUFFIX = '.maestro-brand.json.gz';
const ARCHIVE_NAME = /^(.+)-(\d{8}T\d{9}Z)\.maestro-brand\.json\.gz$/;

type Row = Record<string, unknown>;
type TableName = keyof Database;

/**
 * What one brand's archive holds, in the order an import inserts it (each table after the ones
 * it refers to). Platform connections are left out: their tokens are sealed by this machine's
 * keychain or key file, so an imported brand is connected again from the Brands page.
 */
const archiveTables = [
  'brands',
  'agents',
  'agent_performance',
  'agent_learning',
  'proposals',
  'content_history',
  'generation_jobs',
  'scheduled_posts',
  'publish_targets',
  'post_performance',
  'metric_snapshots',
  'metric_snapshots_daily',
  'brand_analytics',
  'analytics_snapshots',
  'competitor_accounts',
  'learned_patterns',
  'trending_content',
] as const satisfies readonly TableName[];
type ArchiveTable = (typeof archiveTables)[number];
/** The archived tables whose rows name their brand. */
type BrandOwnedTable = {
  [T in ArchiveTable]: 'brand_id' extends keyof Database[T] ? T : never;
}[ArchiveTable];

/**
 * Row ids that are only this file's numbering: dropped on import, where the rows get new ones
 * (their natural keys, such as proposal_id, stay). Generated columns are never written.
 */
const fileLocalColumns: Partial<Record<ArchiveTable, readonly string[]>> = {
  agents: ['id'],
  agent_performance: ['id'],
  agent_learning: ['id'],
  // The examiner's figures are written from the breakdown by triggers (migration 018).
  proposals: [
    'id',
    'examiner_verdict',
    'examiner_composite',
    'examiner_avatar_fit',
    'examiner_engagement',
    'examiner_content_quality',
    'examiner_red_flags',
  ],
  content_history: ['id'],
  post_performance: ['id'],
  metric_snapshots: ['id'],
  analytics_snapshots: ['id'],
  learned_patterns: ['id'],
  trending_content: ['id'],
};

interface ArchiveFile {
  format: 'maestro-brand';
  formatVersion: 1;
  brandId: string;
  exportedAt: string;
  appVersion: string;
  schemaVersion: number;
  tables: Record<ArchiveTable, Row[]>;
}

function withoutFileLocal(table: ArchiveTable, row: Row): Row {
  const drop = fileLocalColumns[table] ?? [];
  return Object.fromEntries(Object.entries(row).filter(([column]) => !drop.includes(column)));
}

/** Archives in a folder, newest first, read from their names (nothing is unpacked). */
export async function readBrandArchives(folder: string): Promise<BrandArchive[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const archives: BrandArchive[] = [];
  for (const name of names) {
    const match = ARCHIVE_NAME.exec(name);
    if (!match) continue;
    const [, brandId, stamp] = match;
    const exportedAt = `${stamp!.slice(0, 4)}-${stamp!.slice(4, 6)}-${stamp!.slice(6, 8)}T${stamp!.slice(9, 11)}:${stamp!.slice(11, 13)}:${stamp!.slice(13, 15)}.${stamp!.slice(15, 18)}Z`;
    archives.push({
      file: join(folder, name),
      brandId: brandId!,
      exportedAt,
      bytes: (await stat(join(folder, name))).size,
    });
  }
  return archives.sort((a, b) => (a.exportedAt < b.exportedAt ? 1 : a.exportedAt > b.exportedAt ? -1 : 0));
}

/** Every row of one brand, per table (read in one transaction, so the archive is consistent). */
async function brandRows(trx: Kysely<Database>, brandId: string): Promise<Record<ArchiveTable, Row[]>> {
  // The brand's own, and brand-less ideas rendered for it.
  const isBrandProposal = (eb: ExpressionBuilder<Database, 'proposals'>) =>
    eb.or([
      eb('brand_id', '=', brandId),
      eb(
        'proposal_id',
        'in',
        eb.selectFrom('generation_jobs').select('proposal_id').where('brand_id', '=', brandId),
      ),
    ]);
  const ofBrand = (table: BrandOwnedTable) =>
    trx.selectFrom(table).selectAll().where('brand_id', '=', brandId);
  const brandProposals = trx.selectFrom('proposals').select('agent_id').where(isBrandProposal);
  const brandAgents = trx
    .selectFrom('agents')
    .select('agent_id')
    .where((eb) => eb.or([eb('created_for_brand', '=', brandId), eb('agent_id', 'in', brandProposals)]));
  const ofBrandAgents = (table: 'agents' | 'agent_performance' | 'agent_learning') =>
    trx.selectFrom(table).selectAll().where('agent_id', 'in', brandAgents).orderBy('id');
  const brandPosts = trx.selectFrom('scheduled_posts').select('schedule_id').where('brand_id', '=', brandId);
  const brandMedia = trx.selectFrom('post_performance').select('media_id').where('brand_id', '=', brandId);
  return {
    brands: await trx.selectFrom('brands').selectAll().where('id', '=', brandId).execute(),
    agents: await ofBrandAgents('agents').execute(),
    agent_performance: await ofBrandAgents('agent_performance').execute(),
    agent_learning: await ofBrandAgents('agent_learning').execute(),
    // In id order: an examiner's rewrite comes after the original it replaces.
    proposals: await trx.selectFrom('proposals').selectAll().where(isBrandProposal).orderBy('id').execute(),
    content_history: await ofBrand('content_history').orderBy('id').execute(),
    generation_jobs: await ofBrand('generation_jobs').execute(),
    scheduled_posts: await ofBrand('scheduled_posts').execute(),
    publish_targets: await trx
      .selectFrom('publish_targets')
      .selectAll()
      .where('schedule_id', 'in', brandPosts)
      .execute(),
    post_performance: await ofBrand('post_performance').orderBy('id').execute(),
    metric_snapshots: await trx
      .selectFrom('metric_snapshots')
      .selectAll()
      .where('media_id', 'in', brandMedia)
      .orderBy('id')
      .execute(),
    metric_snapshots_daily: await ofBrand('metric_snapshots_daily').execute(),
    brand_analytics: await ofBrand('brand_analytics').execute(),
    analytics_snapshots: await ofBrand('analytics_snapshots').orderBy('id').execute(),
    competitor_accounts: await ofBrand('competitor_accounts').execute(),
    learned_patterns: await ofBrand('learned_patterns').orderBy('id').execute(),
    trending_content: await ofBrand('trending_content').orderBy('id').execute(),
  };
}

/** Writes one brand's settings, agents and history as one gzip'd JSON archive in `folder`. */
export async function exportBrandArchive(
  db: Kysely<Database>,
  options: { brandId: string; folder: string; at: Date; appVersion: string; schemaVersion: number },
): Promise<{ file: string; bytes: number; rows: Record<string, number> }> {
  const tables = await db.transaction().execute((trx) => brandRows(trx, options.brandId));
  if (tables.brands.length === 0) throw new AppError('not_found', `No brand "${options.brandId}".`);
  const archive: ArchiveFile = {
    format: 'maestro-brand',
    formatVersion: 1,
    brandId: options.brandId,
    exportedAt: options.at.toISOString(),
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    tables,
  };
  const packed = await gzipAsync(JSON.stringify(archive));
  await mkdir(options.folder, { recursive: true });
  const file = join(options.folder, `${options.brandId}-${stampOf(options.at)}${ARCHIVE_SUFFIX}`);
  await writeFile(file, packed);
  const rows = Object.fromEntries(Object.entries(tables).map(([table, list]) => [table, list.length]));
  return { file, bytes: packed.length, rows };
}

async function readArchive(file: string, schemaVersion: number): Promise<ArchiveFile> {
  let archive: ArchiveFile;
  try {
    archive = JSON.parse((await gunzipAsync(await readFile(file))).toString('utf8')) as ArchiveFile;
  } catch (error) {
    throw new AppError('invalid_input', `${file} is not a brand archive: ${(error as Error).message}`);
  }
  if (archive.format !== 'maestro-brand' || archive.formatVersion !== 1 || !archive.tables?.brands?.length) {
    throw new AppError('invalid_input', `${file} is not a brand archive Maestro can read.`);
  }
  if (archive.schemaVersion > schemaVersion) {
    throw new AppError(
      'conflict',
      `${file} was written by a newer Maestro (schema v${archive.schemaVersion}); update Maestro to import it.`,
    );
  }
  return archive;
}

/**
 * Adds an archived brand with its agents and history, in one transaction. The brand must not
 * exist here (not even in the trash); agents and rows this file already has (same agent id,
 * proposal id, job id…) are kept as they are and counted as skipped.
 */
export async function importBrandArchive(
  db: Kysely<Database>,
  options: { file: string; schemaVersion: number },
): Promise<{ brandId: string; rows: Record<string, number>; skipped: Record<string, number> }> {
  const archive = await readArchive(options.file, options.schemaVersion);
  const rows: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    const brandIds = new Set((await trx.selectFrom('brands').select('id').execute()).map((b) => b.id));
    if (brandIds.has(archive.brandId)) {
      throw new AppError(
        'conflict',
        `A brand "${archive.brandId}" already exists here (perhaps in the trash). Delete it for good or import into another data folder.`,
        { brandId: archive.brandId },
      );
    }
    brandIds.add(archive.brandId);
    const existingAgents = new Set(
      (await trx.selectFrom('agents').select('agent_id').execute()).map((a) => a.agent_id),
    );
    for (const table of archiveTables) {
      rows[table] = 0;
      skipped[table] = 0;
      for (const row of archive.tables[table] ?? []) {
        // An agent this file has keeps its own DNA and history.
        const agentId = row.agent_id as string | undefined;
        if (table.startsWith('agent_') && agentId !== undefined && existingAgents.has(agentId)) {
          skipped[table]++;
          continue;
        }
        const values = withoutFileLocal(table, row);
        // An agent made for a brand this file does not have is nobody's here.
        if (
          table === 'agents' &&
          values.created_for_brand &&
          !brandIds.has(values.created_for_brand as string)
        ) {
          values.created_for_brand = null;
        }
        const result = await trx
          .insertInto(table)
          .values(values as never)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) rows[table]++;
        else skipped[table]++;
      }
    }
  });
  return { brandId: archive.brandId, rows, skipped };
}
