import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Provider } from '../modules/providers/provider.entity';
import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../config';
import { projectRoot } from '../paths';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { ormConfig } from './orm-config';
import { loadReferenceData } from './reference-data';

export interface Database {
  orm: MikroORM;
  /** Which database is in use, for the start-up log (no password). */
  description: string;
  close(): Promise<void>;
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.username ? parsed.username + '@' : ''}${parsed.host}${parsed.pathname}`;
}

/**
 * The key of the session-level advisory lock that `migrate` holds: an arbitrary fixed bigint (the
 * ASCII bytes of "OFSTEDmg"), the same in every instance, as a string because node-postgres has
 * no bigint parameters. Advisory locks are per database, so databases on one server (the test
 * run's) do not wait for each other.
 */
export const MIGRATION_LOCK_KEY = BigInt('0x4f46535445446d67').toString();

/**
 * Runs every pending migration, then loads the reference data (idempotent), while holding the
 * migration lock, so that any number of instances may start together on one database: the first
 * to take the lock migrates; the others wait for it, then find nothing pending (without it, two
 * instances on an empty database both create the migrations table and the first types, and one
 * dies on a duplicate key in pg_type).
 *
 * The lock is held on a connection of its own, outside the ORM's pool: the migrator runs all the
 * migrations in one transaction on a pool connection (`allOrNothing`), and the reference data
 * takes another, so a lock holder taken from a pool of one would wait forever for itself. The
 * lock is a session lock, not a transaction lock, because it must outlive those transactions; it
 * is released in `finally`, and by PostgreSQL itself if this process dies and its connection
 * drops.
 */
export async function migrate(orm: MikroORM, log: (message: string) => void = () => undefined): Promise<void> {
  const lock = await connectLockClient(orm);
  try {
    const [{ taken }] = (await lock.query('select pg_try_advisory_lock($1::bigint) as taken', [MIGRATION_LOCK_KEY])).rows as {
      taken: boolean;
    }[];
    if (!taken) {
      log('another instance is migrating this database: waiting for it to finish');
      await lock.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
    await orm.getMigrator().up();
    await loadReferenceData(orm.em.fork());
  } finally {
    // Ending the session releases the lock too; unlocking first says so when the connection is fine.
    await lock.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/** A plain node-postgres client to the ORM's database (its `clientUrl`, which `ormConfig` always sets), not from its pool. */
async function connectLockClient(orm: MikroORM): Promise<Client> {
  const client = new Client({ connectionString: orm.config.getClientUrl(), application_name: 'migration lock' });
  // A connection lost while migrating must not crash the process from an unhandled 'error' event:
  // the lock goes with it, and the migrations (one transaction) either commit or roll back whole.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Opens the database: DATABASE_URL when set; otherwise embedded PostgreSQL in a project-local,
 * git-ignored folder on a free port. Then migrates and loads the reference data.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'EMBEDDED_PG_DIR' | 'DB_POOL_MAX'> & Partial<Pick<Config, 'DB_STATEMENT_TIMEOUT_MS'>>,
  log: (message: string) => void,
): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  let description: string;
  if (url) {
    description = `PostgreSQL from DATABASE_URL (${describeUrl(url)})`;
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, persistent: true, log });
    await embedded.createDatabase('app');
    url = embedded.urlFor('app');
    description = `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(projectRoot, embedded.dataDir) || embedded.dataDir})`;
  }
  try {
    const orm = await MikroORM.init(
      ormConfig({ clientUrl: url, poolMax: config.DB_POOL_MAX, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS }),
    );
    await migrate(orm, log);
    return {
      orm,
      description,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export interface Readiness {
  ready: boolean;
  database: 'up' | 'down';
  pendingMigrations: number | null;
}

/** Ready when the database answers and every migration has been applied. */
export async function checkReadiness(orm: MikroORM): Promise<Readiness> {
  try {
    await orm.em.getConnection().execute('select 1');
    const pending = await orm.getMigrator().getPendingMigrations();
    return { ready: pending.length === 0, database: 'up', pendingMigrations: pending.length };
  } catch {
    return { ready: false, database: 'down', pendingMigrations: null };
  }
}

/** Whether no setting is registered yet (then `npm start` seeds the demo register). */
export async function isRegisterEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Provider, {})) === 0;
}
