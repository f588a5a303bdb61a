import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { migrationsList } from '../../migrations';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../config';
import { projectRoot } from '../paths';
import { entities } from './entities';

export interface OrmOptions {
  clientUrl: string;
  poolMax?: number;
  /** Receives every SQL statement the ORM runs (tests count them). */
  onQuery?: (sql: string) => void;
  /** The longest one SQL statement may run before PostgreSQL cancels it (the request then fails, masked). */
  statementTimeoutMs?: number;
}

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities,
    extensions: [Migrator],
    // The global EntityManager must never serve a request: every request forks its own.
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Merged into the pg connection settings of every pooled connection.
    driverOptions: { connection: { statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS } },
    forceUtcTimezone: true,
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Migrations are imported, not globbed, so they run the same from ts-jest, ts-node and dist.
      migrationsList,
      path: path.join(projectRoot, 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      glob: 'Migration*.{js,ts}',
      emit: 'ts',
    },
    // Written by triggers and read by the public answer cache (src/db/public-changes.ts), never through an entity.
    schemaGenerator: { skipTables: ['public_change'] },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ?? (() => undefined),
    colors: false,
  });
}
