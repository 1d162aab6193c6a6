import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The worker's whole program: open the copy read-only and run integrity_check. It runs on its
 * own thread because the check reads every page of the file (about a second for a year of an
 * agency's data) and better-sqlite3 is synchronous: on the main thread it would freeze every
 * view for that second.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  parentPort.postMessage(db.pragma('integrity_check').map((row) => row.integrity_check));
} finally {
  db.close();
}`;

function checkHere(file: string): string[] {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  } catch (error) {
    // Not even readable ("file is not a database"): that is the finding.
    return [(error as Error).message];
  } finally {
    db?.close();
  }
}

/**
 * SQLite's integrity_check of a data file: `[]` when it says "ok", else its findings. On a
 * worker thread when one can load the driver; on this thread otherwise (slower to live with,
 * never wrong).
 */
export async function integrityProblems(file: string): Promise<string[]> {
  let findings: string[];
  try {
    const driver = createRequire(__filename).resolve('better-sqlite3');
    findings = await new Promise<string[]>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
      worker.once('message', (rows: string[]) => resolve(rows));
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`integrity check worker exited with ${code}`));
      });
    });
  } catch {
    findings = checkHere(file);
  }
  return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
}
