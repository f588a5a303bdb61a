/**
 * Runs a command with DATABASE_URL pointing at a database: the one already set, or else an
 * embedded PostgreSQL kept in .data/pg-dev (database "app"). Used for `npm run migration:create`.
 *   ts-node scripts/with-db.ts mikro-orm migration:create
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { projectRoot } from '../src/paths';

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-db <command> [args...]');
  let stop = async () => undefined as void;
  if (!process.env.DATABASE_URL) {
    const db = await startEmbeddedPostgres({ dataDir: path.join(projectRoot, '.data', 'pg-dev'), persistent: true });
    await db.createDatabase('app');
    process.env.DATABASE_URL = db.urlFor('app');
    stop = db.stop;
  }
  const result = spawnSync('npx', [command, ...args], { stdio: 'inherit', cwd: projectRoot, env: process.env });
  await stop();
  process.exitCode = result.status ?? 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
