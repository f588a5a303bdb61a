/**
 * Issue 19: the public read path reads published content with one prepared statement per lookup
 * and pages it in both directions exactly as the ORM would order it.
 */
import { createHash } from 'node:crypto';
import { seedSyntheticRegister } from '../../src/db/seed';
import { PublishedReport } from '../../src/modules/public/published-report.entity';
import { Role } from '../../src/domain/access';
import { postGraphQL, startTestApp, type TestApp } from '../support/app';
import { walkPages } from '../support/paging';

let api: TestApp;
const REGION = 'E12000002';

beforeAll(async () => {
  api = await startTestApp();
  await seedSyntheticRegister(api.orm.em.fork(), { providers: 160, seed: 19 });
});
afterAll(() => api.close());

interface Page {
  edges: { cursor: string; node: { id: string; urn: string; publishedOn: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await postGraphQL(api, { query, variables });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

const PAGE = `query($region: String, $first: Int, $after: String, $last: Int, $before: String) {
  publicReports(region: $region, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id urn publishedOn } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('publicReports, read with prepared statements', () => {
  let expected: string[];
  beforeAll(async () => {
    const rows = await api.orm.em
      .fork()
      .find(PublishedReport, { current: true, region: REGION }, { orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }] });
    expected = rows.map((row) => row.urn);
    expect(expected.length).toBeGreaterThan(15);
  });

  test('forwards, seven at a time, every current report of the region appears once, newest first', async () => {
    const seen = await walkPages(
      'forwards',
      async (after) => (await ask<{ publicReports: Page }>(PAGE, { region: REGION, first: 7, after })).publicReports,
    );
    expect(seen.map((node) => node.urn)).toEqual(expected);
  });

  test('backwards from the end with last/before gives the same list', async () => {
    const { publicReports: all }: { publicReports: Page } = await ask(PAGE, { region: REGION, first: 100 });
    const earlier = await walkPages(
      'backwards',
      async (before) => (await ask<{ publicReports: Page }>(PAGE, { region: REGION, last: 6, before })).publicReports,
      { cursor: all.edges.at(-1)!.cursor },
    );
    expect([...earlier, all.edges.at(-1)!.node].map((node) => node.urn)).toEqual(expected);
  });
});

describe('statements per lookup', () => {
  test('publicReport and publicProvider take one statement each, and publicReports one more than its area check, whatever the page size', async () => {
    const urn = (await api.orm.em.fork().findOneOrFail(PublishedReport, { current: true, region: REGION })).urn;
    const report = await api.statements(() => ask('query($urn: String!) { publicReport(urn: $urn) { id sections { heading } } }', { urn }));
    expect(report).toHaveLength(1);
    const provider = await api.statements(() =>
      ask('query($urn: String!) { publicProvider(urn: $urn) { urn area { regionName } reports { id version } } }', { urn }),
    );
    expect(provider).toHaveLength(1);
    const small = await api.statements(() => ask(PAGE, { region: REGION, first: 2 }));
    const large = await api.statements(() => ask(PAGE, { region: REGION, first: 50 }));
    expect(large).toHaveLength(small.length);
    expect(small.filter((sql) => sql.includes('published_report'))).toHaveLength(1);
  });

  test('publicReport is the first of publicProvider.reports', async () => {
    const urn = (await api.orm.em.fork().findOneOrFail(PublishedReport, { current: true })).urn;
    const { publicReport, publicProvider } = await ask<{ publicReport: { id: string }; publicProvider: { reports: { id: string }[] } }>(
      'query($urn: String!) { publicReport(urn: $urn) { id } publicProvider(urn: $urn) { reports { id } } }',
      { urn },
    );
    expect(publicProvider.reports[0]!.id).toBe(publicReport.id);
  });
});

describe('HTTP caching of public answers', () => {
  const query = '{ regions { code name } }';
  const get = (path: string) => api.request().get(path).set('apollo-require-preflight', 'true');

  test('a public query by GET is cacheable, has an ETag, and an unchanged answer is 304 with no body', async () => {
    const first = await get(`/graphql?query=${encodeURIComponent(query)}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.etag).toMatch(/^"[\w-]{32}"$/);
    const again = await get(`/graphql?query=${encodeURIComponent(query)}`).set('if-none-match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const changed = await get(`/graphql?query=${encodeURIComponent('{ regions { code } }')}`).set('if-none-match', first.headers.etag!);
    expect(changed.status).toBe(200);
  });

  test('an automatic persisted query by its hash alone, once known, is cacheable too', async () => {
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const unknown = await get(`/graphql?extensions=${extensions}`);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await get(`/graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`);
    const known = await get(`/graphql?extensions=${extensions}`);
    expect(known.status).toBe(200);
    expect(known.headers['cache-control']).toBe('public, max-age=60');
    expect(known.body.data.regions).toHaveLength(9);
  });

  test('POST, a signed-in caller and an answer with errors are not stored', async () => {
    const post = await postGraphQL(api, { query });
    expect(post.headers['cache-control']).toBe('no-store');
    const token = await api.tokenFor(Role.ADMIN);
    const signedIn = await get(`/graphql?query=${encodeURIComponent(query)}`).set('authorization', `Bearer ${token}`);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const failed = await get(`/graphql?query=${encodeURIComponent('{ publicReport(urn: "nope") { id } }')}`);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers.etag).toBeUndefined();
  });
});
