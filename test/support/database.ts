import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate } from '../../src/db/database';
import { ormConfig } from '../../src/db/orm-config';

/** The server globalSetup prepared: a database URL whose database we may create others beside. */
function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database for one test file, dropped (with its connections) at the end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

export interface MigratedDatabase {
  orm: MikroORM;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A database of the test file's own, built by the real migrations, with the reference data loaded. */
export async function createMigratedDatabase(options: { onQuery?: (message: string) => void } = {}): Promise<MigratedDatabase> {
  const database = await createTestDatabase();
  const orm = await MikroORM.init(ormConfig({ clientUrl: database.url, poolMax: 5, onQuery: options.onQuery }));
  await migrate(orm);
  return {
    orm,
    database,
    async close() {
      await orm.close(true);
      await database.drop();
    },
  };
}

/** Another connection pool (its own ORM) to a database already migrated; closing it leaves the database. */
export async function connectToDatabase(database: TestDatabase, onQuery?: (message: string) => void): Promise<MigratedDatabase> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: database.url, poolMax: 5, onQuery }));
  return { orm, database, close: () => orm.close(true) };
}
