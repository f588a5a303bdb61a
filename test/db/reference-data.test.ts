/**
 * The reference data: England's nine regions and its local authorities with children's services,
 * read from the CSV kept in the repo and loaded (idempotently) by migrate().
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_AUTHORITIES_CSV, loadReferenceData, readLocalAuthorities, type LocalAuthorityRow } from '../../src/db/reference-data';
import { LocalAuthority } from '../../src/modules/reference/local-authority.entity';
import { Region } from '../../src/modules/reference/region.entity';
import { projectRoot } from '../../src/paths';
import { useMigratedDatabase } from '../support/unit-database';

const REGION_CODES = ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009'];
const SHARED_CSV = path.join(projectRoot, '..', 'shared', 'reference', 'local-authorities.csv');

const database = useMigratedDatabase();
const { sql } = database;
let rows: LocalAuthorityRow[];

beforeAll(() => {
  rows = readLocalAuthorities();
});

interface LocalAuthorityRecord {
  ons_code: string;
  dfe_code: string;
  ofsted_urn: string;
  name: string;
  authority_type: string;
  region_code: string;
}

async function counts(): Promise<{ regions: number; localAuthorities: number }> {
  const em = database.orm.em.fork();
  return { regions: await em.count(Region, {}), localAuthorities: await em.count(LocalAuthority, {}) };
}

async function snapshot(): Promise<{ regions: unknown[]; localAuthorities: LocalAuthorityRecord[] }> {
  return {
    regions: await sql(`select code, name from region order by code`),
    localAuthorities: await sql<LocalAuthorityRecord>(
      `select ons_code, dfe_code, ofsted_urn, name, authority_type, region_code from local_authority order by ons_code`,
    ),
  };
}

describe('the reference list (CSV)', () => {
  test('has 154 local authorities with unique codes', () => {
    const lines = fs
      .readFileSync(LOCAL_AUTHORITIES_CSV, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(155); // header + 154 rows
    expect(rows).toHaveLength(154);
    for (const key of ['ons_code', 'dfe_la_code', 'ofsted_la_urn', 'name'] as const) {
      expect(new Set(rows.map((row) => row[key])).size).toBe(rows.length);
    }
    for (const row of rows) {
      expect(row.ons_code).toMatch(/^E(06|08|09|10)\d{6}$/);
      expect(row.dfe_la_code).toMatch(/^\d{3}$/);
      expect(row.ofsted_la_urn.length).toBeLessThanOrEqual(10);
      expect(row.name.length).toBeLessThanOrEqual(100);
      expect(row.la_type.length).toBeLessThanOrEqual(50);
    }
  });

  test('names region codes consistently: one name per region, nine regions', () => {
    const names = new Map<string, Set<string>>();
    for (const row of rows) names.set(row.region_code, (names.get(row.region_code) ?? new Set()).add(row.region_name));
    expect([...names.keys()].sort()).toEqual(REGION_CODES);
    for (const set of names.values()) expect(set.size).toBe(1);
  });

  test('keeps names that contain commas whole', () => {
    const byCode = new Map(rows.map((row) => [row.ons_code, row]));
    expect(byCode.get('E06000023')).toMatchObject({ name: 'Bristol, City of', la_type: 'Unitary Authority', region_code: 'E12000009' });
    expect(byCode.get('E06000010')).toMatchObject({ name: 'Kingston Upon Hull, City of', region_code: 'E12000003' });
    expect(byCode.get('E06000058')).toMatchObject({ name: 'Bournemouth, Christchurch and Poole', region_code: 'E12000009' });
    // No field of any row was shifted by a comma.
    for (const row of rows) expect(Object.keys(row)).toHaveLength(7);
  });

  test('a file that is not a list of local authorities is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'la-csv-'));
    try {
      const file = path.join(dir, 'bad.csv');
      fs.writeFileSync(
        file,
        'ons_code,dfe_la_code,ofsted_la_urn,name,la_type,region_code,region_name\n' +
          'E06000001,805,80473,Hartlepool,Unitary Authority,E12000001,North East\n' +
          'Bristol,801,80441,City of,Unitary Authority,E12000009,South West\n',
      );
      expect(() => readLocalAuthorities(file)).toThrow(/line 3: not a local authority row/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is byte-identical to the shared reference list (when this checkout has the shared folder)', () => {
    // A user's fresh clone has no shared/ folder next to it: then there is nothing to compare with.
    if (fs.existsSync(SHARED_CSV)) {
      expect(fs.readFileSync(LOCAL_AUTHORITIES_CSV).equals(fs.readFileSync(SHARED_CSV))).toBe(true);
    }
  });
});

describe('after migrate', () => {
  test('holds the nine regions E12000001–E12000009, named as in the list', async () => {
    const regions = await sql<{ code: string; name: string }>(`select code, name from region order by code`);
    expect(regions.map((r) => r.code)).toEqual(REGION_CODES);
    const expectedNames = new Map(rows.map((row) => [row.region_code, row.region_name]));
    for (const region of regions) expect(region.name).toBe(expectedNames.get(region.code));
    expect(regions.find((r) => r.code === 'E12000002')?.name).toBe('North West');
    expect((await counts()).regions).toBe(9);
  });

  test('holds one local authority per row of the list, with every field as in the list', async () => {
    expect((await counts()).localAuthorities).toBe(154);
    const { localAuthorities } = await snapshot();
    const expected = rows
      .map((row) => ({
        ons_code: row.ons_code,
        dfe_code: row.dfe_la_code,
        ofsted_urn: row.ofsted_la_urn,
        name: row.name,
        authority_type: row.la_type,
        region_code: row.region_code,
      }))
      .sort((a, b) => (a.ons_code < b.ons_code ? -1 : 1));
    expect(localAuthorities).toEqual(expected);
  });

  test('every local authority has a region', async () => {
    const [orphans] = await sql<{ n: number }>(
      `select count(*)::int as n from local_authority la left join region r on r.code = la.region_code where r.code is null`,
    );
    expect(orphans.n).toBe(0);
    const perRegion = await sql<{ region_code: string; n: number }>(
      `select region_code, count(*)::int as n from local_authority group by region_code order by region_code`,
    );
    expect(perRegion.map((r) => r.region_code)).toEqual(REGION_CODES);
    expect(perRegion.reduce((sum, r) => sum + r.n, 0)).toBe(154);
  });

  test('names with commas survive the round trip through the database', async () => {
    const em = database.orm.em.fork();
    const bristol = await em.findOneOrFail(LocalAuthority, 'E06000023', { populate: ['region'] });
    expect(bristol.name).toBe('Bristol, City of');
    expect(bristol.region.getEntity()).toMatchObject({ code: 'E12000009', name: 'South West' });
    const hull = await em.findOneOrFail(LocalAuthority, 'E06000010');
    expect(hull.name).toBe('Kingston Upon Hull, City of');
  });

  test('loading the reference data again changes nothing', async () => {
    const before = { counts: await counts(), data: await snapshot() };
    await loadReferenceData(database.orm.em.fork());
    await loadReferenceData(database.orm.em.fork());
    expect({ counts: await counts(), data: await snapshot() }).toEqual(before);
    expect(before.counts).toEqual({ regions: 9, localAuthorities: 154 });
  });

  test('loading the reference data restores a row that was changed (upsert, not insert-if-missing)', async () => {
    const before = await snapshot();
    await sql(`update local_authority set name = 'Somewhere Else' where ons_code = 'E06000023'`);
    await sql(`update region set name = 'Nowhere' where code = 'E12000009'`);
    await loadReferenceData(database.orm.em.fork());
    expect(await snapshot()).toEqual(before);
  });
});
