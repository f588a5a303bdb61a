/**
 * Several instances started together on one empty database: `migrate` holds a PostgreSQL
 * advisory lock while it migrates and loads the reference data, so the first to take it builds
 * the schema and the others wait, then find nothing pending (without it, two concurrent
 * `create table` or `create type` statements collide on the catalog's unique index of pg_type).
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { MIGRATION_LOCK_KEY, migrate } from '../../src/db/database';
import { ormConfig } from '../../src/db/orm-config';
import { migrationsList } from '../../migrations';
import { createTestDatabase, type TestDatabase } from '../support/database';

const REGIONS = 9;
const LOCAL_AUTHORITIES = 154;

const opened: { orms: MikroORM[]; databases: TestDatabase[] } = { orms: [], databases: [] };

afterAll(async () => {
  for (const orm of opened.orms) await orm.close(true);
  for (const database of opened.databases) await database.drop();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  opened.databases.push(database);
  return database;
}

async function openOrm(url: string, poolMax: number): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax }));
  opened.orms.push(orm);
  return orm;
}

const sql = <T = Record<string, unknown>>(orm: MikroORM, query: string): Promise<T[]> => orm.em.getConnection().execute<T[]>(query);

async function state(orm: MikroORM) {
  const [row] = await sql<{ migrations: number; names: number; regions: number; local_authorities: number }>(
    orm,
    `select (select count(*)::int from mikro_orm_migrations) as migrations,
            (select count(distinct name)::int from mikro_orm_migrations) as names,
            (select count(*)::int from region) as regions,
            (select count(*)::int from local_authority) as local_authorities`,
  );
  return row;
}

describe('migrate, run by several instances at once on an empty database', () => {
  test('three ORMs migrating together all succeed; the schema is built once and the reference data loaded once', async () => {
    const database = await freshDatabase();
    // A pool of one: the lock must be held on a connection of its own, or this one would wait
    // forever for the connection its own lock holds.
    const orms = await Promise.all([openOrm(database.url, 1), openOrm(database.url, 5), openOrm(database.url, 5)]);

    await expect(Promise.all(orms.map((orm) => migrate(orm)))).resolves.toHaveLength(3);

    expect(await state(orms[0])).toEqual({
      migrations: migrationsList.length,
      names: migrationsList.length,
      regions: REGIONS,
      local_authorities: LOCAL_AUTHORITIES,
    });
    for (const orm of orms) expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    const diff = await orms[0].getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  test('waits while another holder has the lock, then finds the work done or does it', async () => {
    const database = await freshDatabase();
    const orm = await openOrm(database.url, 2);
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let settled = false;
      const migrating = migrate(orm).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled).toBe(false);
      const [table] = (await holder.query(`select to_regclass('mikro_orm_migrations') as name`)).rows as { name: string | null }[];
      expect(table.name).toBeNull(); // nothing was touched while the lock was held elsewhere

      await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await migrating;
      expect(await state(orm)).toEqual({
        migrations: migrationsList.length,
        names: migrationsList.length,
        regions: REGIONS,
        local_authorities: LOCAL_AUTHORITIES,
      });
      // The lock is released when migrate returns: this session can take it again at once.
      const [row] = (await holder.query('select pg_try_advisory_lock($1) as taken', [MIGRATION_LOCK_KEY])).rows as { taken: boolean }[];
      expect(row.taken).toBe(true);
    } finally {
      await holder.end();
    }
  });

  test('the lock is released when migrate fails, so the next attempt is not blocked', async () => {
    const database = await freshDatabase();
    const orm = await openOrm(database.url, 2);
    // A table in the way of the first migration makes it fail (and roll back as a whole).
    await sql(orm, `create table "region" ("code" text primary key)`);
    await expect(migrate(orm)).rejects.toThrow(/region/);
    await sql(orm, `drop table "region"`);

    await migrate(orm);
    expect(await state(orm)).toMatchObject({ migrations: migrationsList.length, regions: REGIONS });
  });
});
