import { ProvidersDocument, ProvidersWithPlacesDocument, type ProviderFilter } from '../generated/graphql';
import { Provider } from '../../src/modules/providers/provider.entity';
import { seedSyntheticRegister } from '../../src/db/seed';
import { startTestApp, type TestApp } from '../support/app';
import { walkPages } from '../support/paging';

let api: TestApp;
/** The whole register is national: admins page it; a regulatory inspection manager sees only their region. */
let admin: TestApp;
let all: { urn: string; settingType: string; status: string; localAuthority: string; region: string }[];

beforeAll(async () => {
  api = await startTestApp();
  admin = await api.admin();
  await seedSyntheticRegister(api.orm.em.fork(), { providers: 230, seed: 7 });
  const rows = await api.orm.em.fork().find(Provider, {}, { populate: ['localAuthority'], orderBy: { urn: 'asc' } });
  all = rows.map((p) => ({
    urn: p.urn,
    settingType: p.settingType,
    status: p.status,
    localAuthority: p.localAuthority.onsCode,
    region: p.localAuthority.getEntity().region.code,
  }));
});
afterAll(() => api.close());

async function page(variables: Parameters<TestApp['gql']>[1] & object, caller: TestApp = admin) {
  const { data } = await caller.gql(ProvidersDocument, variables as never);
  return data!.providers;
}

async function walkForwards(filter: ProviderFilter | null, size: number, caller: TestApp = admin): Promise<string[]> {
  const nodes = await walkPages('forwards', (after) => page({ filter, first: size, after }, caller));
  return nodes.map((node) => node.urn);
}

async function walkBackwards(filter: ProviderFilter | null, size: number, caller: TestApp = admin): Promise<string[]> {
  const nodes = await walkPages('backwards', (before) => page({ filter, last: size, before }, caller));
  return nodes.map((node) => node.urn);
}

describe('providers: keyset pagination', () => {
  test('paging forwards visits every setting once, in URN order', async () => {
    expect(await walkForwards(null, 37)).toEqual(all.map((p) => p.urn));
  });

  test('paging backwards visits every setting once, in URN order', async () => {
    expect(await walkBackwards(null, 41)).toEqual(all.map((p) => p.urn));
  });

  test('pageInfo and cursors of a middle page', async () => {
    const first = await page({ first: 10 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[9].cursor);
    const second = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(second.edges.map((e) => e.node.urn)).toEqual(all.slice(10, 20).map((p) => p.urn));
    const back = await page({ last: 10, before: second.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.urn)).toEqual(all.slice(0, 10).map((p) => p.urn));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  test('without first or last, a page holds 20 settings', async () => {
    expect((await page({})).edges).toHaveLength(20);
  });

  test('the last page says there is no next page', async () => {
    const last = await page({ last: 5 });
    expect(last.edges.map((e) => e.node.urn)).toEqual(all.slice(-5).map((p) => p.urn));
    const after = await page({ first: 5, after: last.pageInfo.endCursor });
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });

  test('totalCount counts every match, not the page', async () => {
    expect((await page({ first: 3 })).totalCount).toBe(all.length);
  });

  test.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ last: 0 }, 'last'],
    [{ first: 5, last: 5 }, 'last'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ before: 'WyJ4Il0' }, 'before'],
  ])('%j is a malformed argument: BAD_USER_INPUT naming %s', async (variables, argumentName) => {
    const { errors } = await api.gql(ProvidersDocument, variables as never, { allowErrors: true });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName } })]);
  });
});

describe('providers: filters', () => {
  const cases: [string, ProviderFilter, (p: (typeof all)[number]) => boolean][] = [
    ['setting type', { settingType: 'CHILDRENS_HOME' }, (p) => p.settingType === 'CHILDRENS_HOME'],
    ['local authority', { localAuthority: 'E08000003' }, (p) => p.localAuthority === 'E08000003'],
    ['region', { region: 'E12000002' }, (p) => p.region === 'E12000002'],
    ['status', { status: 'CLOSED' }, (p) => p.status === 'CLOSED'],
    [
      'region, setting type and status together',
      { region: 'E12000002', settingType: 'CHILDRENS_HOME', status: 'REGISTERED' },
      (p) => p.region === 'E12000002' && p.settingType === 'CHILDRENS_HOME' && p.status === 'REGISTERED',
    ],
    ['a local authority outside the region (nothing matches)', { region: 'E12000007', localAuthority: 'E08000003' }, () => false],
  ];

  test.each(cases)('filters by %s, forwards and backwards, with the right totalCount', async (_name, filter, matches) => {
    const expected = all.filter(matches).map((p) => p.urn);
    expect(await walkForwards(filter, 7)).toEqual(expected);
    expect(await walkBackwards(filter, 9)).toEqual(expected);
    expect((await page({ filter, first: 1 })).totalCount).toBe(expected.length);
  });

  test('the synthetic data has settings in the filtered groups (the filters are really exercised)', () => {
    expect(all.filter((p) => p.region === 'E12000002').length).toBeGreaterThan(10);
    expect(all.filter((p) => p.localAuthority === 'E08000003').length).toBeGreaterThan(0);
    expect(all.filter((p) => p.status === 'CLOSED').length).toBeGreaterThan(0);
  });

  test.each([
    [{ localAuthority: 'Manchester' }, 'filter.localAuthority'],
    [{ localAuthority: 'E99999999' }, 'filter.localAuthority'],
    [{ region: 'North West' }, 'filter.region'],
  ])('%j is refused with BAD_USER_INPUT: only ONS codes are accepted', async (filter, argumentName) => {
    const { errors } = await api.gql(ProvidersDocument, { filter } as never, { allowErrors: true });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName } })]);
  });
});

describe('providers: scoped to the caller', () => {
  const NORTH_WEST = 'E12000002';
  const LONDON = 'E12000007';

  test("a North West regulatory inspection manager's list holds only the North West's settings, forwards and backwards, and totalCount agrees", async () => {
    const expected = all.filter((p) => p.region === NORTH_WEST).map((p) => p.urn);
    expect(expected.length).toBeLessThan(all.length); // the register has settings elsewhere to leave out
    expect(await walkForwards(null, 13, api)).toEqual(expected);
    expect(await walkBackwards(null, 11, api)).toEqual(expected);
    expect((await page({ first: 1 }, api)).totalCount).toBe(expected.length);
  });

  test("filters apply within the manager's region: the North West's children's homes, with the right totalCount", async () => {
    const filter: ProviderFilter = { settingType: 'CHILDRENS_HOME' };
    const expected = all.filter((p) => p.region === NORTH_WEST && p.settingType === 'CHILDRENS_HOME').map((p) => p.urn);
    expect(await walkForwards(filter, 7, api)).toEqual(expected);
    expect((await page({ filter, first: 1 }, api)).totalCount).toBe(expected.length);
  });

  test("London's regulatory inspection manager sees London's settings and none of the North West's", async () => {
    const london = await api.managerOf(LONDON);
    const expected = all.filter((p) => p.region === LONDON).map((p) => p.urn);
    expect(expected.length).toBeGreaterThan(0);
    expect(await walkForwards(null, 50, london)).toEqual(expected);
    expect((await page({ first: 1 }, london)).totalCount).toBe(expected.length);
  });

  test("asking for another region's settings as a regulatory inspection manager is FORBIDDEN", async () => {
    const { data, errors } = await api.gql(ProvidersDocument, { filter: { region: LONDON }, first: 5 }, { allowErrors: true });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['providers'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  test('a local authority of another region matches nothing for a regulatory inspection manager, and totalCount is 0', async () => {
    const filter: ProviderFilter = { localAuthority: 'E09000033' }; // Westminster, London
    expect(all.some((p) => p.region === LONDON)).toBe(true);
    const p = await page({ filter, first: 5 }, api);
    expect(p.edges).toEqual([]);
    expect(p.totalCount).toBe(0);
  });

  test('an admin sees the whole register, every region, and may ask for any region', async () => {
    const regions = new Set(all.map((p) => p.region));
    expect(regions.size).toBe(9);
    expect((await page({ first: 1 })).totalCount).toBe(all.length);
    const expected = all.filter((p) => p.region === LONDON).map((p) => p.urn);
    expect(await walkForwards({ region: LONDON }, 50)).toEqual(expected);
  });

  test('a provider lists only its own settings', async () => {
    const own = [all[3].urn, all[150].urn];
    const provider = await api.providerOf(...own);
    expect(await walkForwards(null, 1, provider)).toEqual(own);
    expect((await page({ first: 1 }, provider)).totalCount).toBe(2);
  });
});

describe('providers: DataLoaders', () => {
  test('listing 10 or 100 settings with local authority, region, provider and manager runs the same number of statements', async () => {
    const ten = await api.statements(() => admin.gql(ProvidersWithPlacesDocument, { first: 10 }));
    const hundred = await api.statements(() => admin.gql(ProvidersWithPlacesDocument, { first: 100 }));
    expect(ten.length).toBe(hundred.length);
    // the page, then one batch each: local authorities, regions, registered providers, appointments
    expect(hundred).toHaveLength(5);
  });
});
