import { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
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

/** Runs every pending migration, then loads the reference data (idempotent). */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
  await loadReferenceData(orm.em.fork());
}

/**
 * Opens the database: DATABASE_URL when set; otherwise embedded PostgreSQL in a project-local,
 * git-ignored folder on a free port. Then migrates and loads the reference data.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'EMBEDDED_PG_DIR' | 'DB_POOL_MAX'>,
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
    const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: config.DB_POOL_MAX }));
    await migrate(orm);
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
