/**
 * The migrations build the schema the entities describe, and the database itself enforces the
 * register's invariants (URN format, one registered manager in post, appointment dates), so that
 * code bypassing the domain rules still cannot store what they forbid.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { migrate } from '../../src/db/database';
import { projectRoot } from '../../src/paths';
import { migrationsList } from '../../migrations';
import { useMigratedDatabase } from '../support/unit-database';

const database = useMigratedDatabase();
const { sql } = database;

async function count(table: string): Promise<number> {
  const [row] = await sql<{ n: string }>(`select count(*)::int as n from "${table}"`);
  return Number(row.n);
}

/** The (sorted) SQL statements of the schema diff, one per line, without blank lines. */
async function schemaDiff(): Promise<string[]> {
  const diff = await database.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  return diff
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('migrations', () => {
  test('every migration ran on the fresh database and none is pending', async () => {
    const executed = await database.orm.getMigrator().getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
    expect(await database.orm.getMigrator().getPendingMigrations()).toEqual([]);
  });

  test('the schema the migrations build matches the entities (no drift)', async () => {
    expect(await schemaDiff()).toEqual([]);
  });

  test.each([
    [
      'the partial unique index',
      'drop index "manager_appointment_one_in_post"',
      'create unique index "manager_appointment_one_in_post" on "manager_appointment" ("provider_id") where "end_date" is null',
      /manager_appointment_one_in_post/,
    ],
    [
      'a check constraint',
      'alter table "provider" drop constraint "provider_urn_format"',
      `alter table "provider" add constraint "provider_urn_format" check (urn ~ '^(SC[0-9]{6}|[0-9]{7})$')`,
      /provider_urn_format/,
    ],
  ])('the drift check notices when %s is missing', async (_, remove, restore, expected) => {
    // Proves that the empty diff above means something. The schema generator reads the catalog on
    // its own connection, so the change is committed and then undone.
    await sql(remove);
    try {
      expect((await schemaDiff()).join('\n')).toMatch(expected);
    } finally {
      await sql(restore);
    }
    expect(await schemaDiff()).toEqual([]);
  });

  test('the schema holds the constraints and the partial unique index the entities declare', async () => {
    const checks = await sql<{ conname: string; def: string }>(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' order by conname`,
    );
    expect(checks.map((c) => c.conname)).toEqual(
      expect.arrayContaining(['manager_appointment_dates', 'provider_places_non_negative', 'provider_urn_format']),
    );
    // Checked by its definition because the schema diff compares indexes declared with an
    // `expression` by name only: MikroORM 6.6.16 reports nothing when this index exists without
    // its `where end_date is null` (or on other columns), whereas a changed check expression is reported.
    const [index] = await sql<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'manager_appointment_one_in_post'`);
    expect(index.indexdef).toMatch(
      /^CREATE UNIQUE INDEX manager_appointment_one_in_post ON public\.manager_appointment USING btree \(provider_id\) WHERE \(end_date IS NULL\)$/,
    );
  });

  test('every migrations/Migration*.ts file is in migrationsList, and every listed one has its file', () => {
    const files = fs
      .readdirSync(path.join(projectRoot, 'migrations'))
      .filter((file) => /^Migration.*\.ts$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    const listed = migrationsList.map((m) => m.name);
    expect(files.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(files);
    expect(new Set(listed).size).toBe(listed.length);
  });

  test('migrationsList is in chronological order and each entry is the class its file exports', () => {
    const listed = migrationsList.map((m) => m.name);
    expect(listed).toEqual([...listed].sort());
    for (const { name, class: migrationClass } of migrationsList) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- ts-jest runs CommonJS; import() needs vm modules
      const module = require(path.join(projectRoot, 'migrations', name)) as Record<string, unknown>;
      expect(module[name]).toBe(migrationClass);
    }
  });

  test('running migrate a second time is harmless', async () => {
    const before = {
      migrations: await count('mikro_orm_migrations'),
      regions: await count('region'),
      localAuthorities: await count('local_authority'),
    };
    await migrate(database.orm);
    await migrate(database.orm);
    expect({
      migrations: await count('mikro_orm_migrations'),
      regions: await count('region'),
      localAuthorities: await count('local_authority'),
    }).toEqual(before);
    expect(before.migrations).toBe(migrationsList.length);
    expect(await database.orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await schemaDiff()).toEqual([]);
  });
});

describe('the database enforces the register rules even when code is bypassed', () => {
  let registeredProviderId: string;

  beforeAll(async () => {
    registeredProviderId = randomUUID();
    await sql(
      `insert into registered_provider (id, kind, name, address_line1, address_town, address_postcode)
       values (?, 'ORGANISATION', 'Raw SQL Care Ltd', '1 Deansgate', 'Manchester', 'M3 2BW')`,
      [registeredProviderId],
    );
  });

  function insertProvider(urn: string, id: string = randomUUID()): Promise<unknown> {
    return sql(
      `insert into provider (id, urn, setting_type, name, address_line1, address_town, address_postcode,
         local_authority_ons_code, registered_provider_id, responsible_individual_name, places, registration_date, status_date)
       values (?, ?, 'CHILDRENS_HOME', 'Willow House', '12 Acacia Avenue', 'Manchester', 'M1 1AE',
         'E08000003', ?, 'Rebecca Holt', 4, '2024-05-01', '2024-05-01')`,
      [id, urn, registeredProviderId],
    );
  }

  async function newProvider(urn: string): Promise<string> {
    const id = randomUUID();
    await insertProvider(urn, id);
    return id;
  }

  function insertAppointment(providerId: string, startDate: string, endDate: string | null): Promise<unknown> {
    return sql(`insert into manager_appointment (id, provider_id, name, start_date, end_date) values (?, ?, 'A Manager', ?, ?)`, [
      randomUUID(),
      providerId,
      startDate,
      endDate,
    ]);
  }

  test('accepts well-formed URNs in both forms', async () => {
    await expect(insertProvider('SC100001')).resolves.toBeDefined();
    await expect(insertProvider('2100001')).resolves.toBeDefined();
    await expect(insertProvider('0000000')).resolves.toBeDefined();
  });

  test.each([
    ['too short', '210000'],
    ['too long', '21000011'],
    ['SC with 7 digits', 'SC1000012'],
    ['SC with 5 digits', 'SC10001'],
    ['lower-case sc', 'sc100002'],
    ['a letter among the digits', '21000A1'],
    ['a leading space', ' 2100003'],
    ['a trailing newline', '2100004\n'],
    ['empty', ''],
  ])('rejects a URN that is %s (check provider_urn_format)', async (_, urn) => {
    await expect(insertProvider(urn)).rejects.toThrow(/provider_urn_format/);
  });

  test('rejects an update that makes a URN invalid', async () => {
    const id = await newProvider('SC100010');
    await expect(sql(`update provider set urn = 'X100010' where id = ?`, [id])).rejects.toThrow(/provider_urn_format/);
  });

  test('rejects negative places (check provider_places_non_negative)', async () => {
    const id = await newProvider('SC100011');
    await expect(sql(`update provider set places = -1 where id = ?`, [id])).rejects.toThrow(/provider_places_non_negative/);
    await expect(sql(`update provider set places = 0 where id = ?`, [id])).resolves.toBeDefined();
  });

  test('rejects a duplicate URN (unique provider_urn_unique)', async () => {
    await newProvider('SC100012');
    await expect(insertProvider('SC100012')).rejects.toThrow(/provider_urn_unique/);
  });

  test('rejects a second open manager appointment for one provider (unique index manager_appointment_one_in_post)', async () => {
    const id = await newProvider('SC100020');
    await insertAppointment(id, '2024-05-01', null);
    await expect(insertAppointment(id, '2024-06-01', null)).rejects.toThrow(/manager_appointment_one_in_post/);
    const [row] = await sql<{ n: number }>(
      `select count(*)::int as n from manager_appointment where provider_id = ? and end_date is null`,
      [id],
    );
    expect(row.n).toBe(1);
  });

  test('rejects reopening a past appointment while another manager is in post', async () => {
    const id = await newProvider('SC100021');
    await insertAppointment(id, '2024-05-01', '2024-09-01');
    await insertAppointment(id, '2024-09-01', null);
    await expect(
      sql(`update manager_appointment set end_date = null where provider_id = ? and end_date is not null`, [id]),
    ).rejects.toThrow(/manager_appointment_one_in_post/);
  });

  test('allows closed appointments beside the open one, and open ones at different providers', async () => {
    const first = await newProvider('SC100022');
    const second = await newProvider('SC100023');
    await expect(insertAppointment(first, '2024-05-01', '2024-08-01')).resolves.toBeDefined();
    await expect(insertAppointment(first, '2024-08-01', '2024-10-01')).resolves.toBeDefined();
    await expect(insertAppointment(first, '2024-10-01', null)).resolves.toBeDefined();
    await expect(insertAppointment(second, '2024-05-01', null)).resolves.toBeDefined();
  });

  test.each([
    ['on its start date', '2024-05-01', '2024-05-01'],
    ['before its start date', '2024-05-01', '2024-04-30'],
  ])('rejects an appointment ending %s (check manager_appointment_dates)', async (_, startDate, endDate) => {
    const id = await newProvider(`SC1000${startDate === endDate ? '30' : '31'}`);
    await expect(insertAppointment(id, startDate, endDate)).rejects.toThrow(/manager_appointment_dates/);
  });

  test('accepts an appointment ending the day after it starts', async () => {
    const id = await newProvider('SC100032');
    await expect(insertAppointment(id, '2024-05-01', '2024-05-02')).resolves.toBeDefined();
  });

  test('rejects an appointment for a provider that does not exist (foreign key)', async () => {
    await expect(insertAppointment(randomUUID(), '2024-05-01', null)).rejects.toThrow(/manager_appointment_provider_id_foreign/);
  });
});
