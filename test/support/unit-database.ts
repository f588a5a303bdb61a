import type { MikroORM } from '@mikro-orm/postgresql';
import { createMigratedDatabase, type MigratedDatabase } from './database';

/** A migrated database for the tests of one file or `describe` block. */
export interface MigratedDatabaseForTests {
  /** Its ORM: usable from the `beforeAll` hooks registered after `useMigratedDatabase()` on. */
  readonly orm: MikroORM;
  /** Runs raw SQL on it. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
}

/** Makes a migrated database of its own before the tests of the enclosing block (or file) and closes it after them. */
export function useMigratedDatabase(): MigratedDatabaseForTests {
  let db: MigratedDatabase | undefined;
  beforeAll(async () => {
    db = await createMigratedDatabase();
  });
  afterAll(() => db?.close());
  const database: MigratedDatabaseForTests = {
    get orm() {
      if (!db) throw new Error('The migrated database is made in beforeAll: use it in a test or a later hook');
      return db.orm;
    },
    sql: <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
      database.orm.em.getConnection().execute<T[]>(query, params),
  };
  return database;
}
