/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read field by field, as each test needs */
/**
 * Issue 19: the public answer cache (src/server/answer-cache.ts). Two instances of the API share
 * one database, each with its own cache, as in a deployment of several. A public answer is served
 * again after one statement, byte for byte; and whatever changes what it was read from, through
 * either instance or straight in the database, is seen by both from the moment it commits.
 */
import { Client } from 'pg';
import { ChangeChecker, PublicScope } from '../../src/db/public-changes';
import { Role } from '../../src/domain/access';
import { AmendPublishedReportDocument, WithdrawPublishedReportDocument } from '../generated/graphql';
import { TEST_LIMITS, postGraphQL, startTestApp, type TestApp } from '../support/app';
import { withLimits } from '../../src/server/limits';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence } from '../support/inspections';
import { FULL_DAYS, proposeGood, publish, writeText } from '../support/reports';

const MANCHESTER = 'E08000003';
const NORTH_WEST = 'E12000002';

let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await startTestApp();
  second = await startTestApp({ sameDatabaseAs: first });
});
afterAll(async () => {
  await second.close();
  await first.close();
});

const REPORT = `query Report($urn: String!) { publicReport(urn: $urn) { id urn version publishedOn amendmentReason judgements { overallExperiencesAndProgress } } }`;
const PROVIDER = `query Provider($urn: String!) { publicProvider(urn: $urn) { urn registeredProvider { name } reports { id version } } }`;
const AREA = `query Area($localAuthority: String, $region: String) { publicReports(localAuthority: $localAuthority, region: $region, first: 50) { edges { node { urn version } } } }`;
const FEED = `query Feed($localAuthority: String) { judgementFeed(localAuthority: $localAuthority, first: 500) { edges { node { type urn } } } }`;

/** Asks as the public (no token), with POST. */
async function ask(api: TestApp, query: string, variables: Record<string, unknown>) {
  const response = await postGraphQL(api, { query, variables });
  expect(response.status).toBe(200);
  return { text: response.text, data: response.body.data as Record<string, any>, errors: response.body.errors as unknown[] | undefined };
}

/** The statements one public request took on this instance. */
async function statementsOf(api: TestApp, query: string, variables: Record<string, unknown>) {
  let text = '';
  const statements = await api.statements(async () => {
    text = (await ask(api, query, variables)).text;
  });
  return { text, statements };
}

const onlyTheCheck = (statements: string[]) => statements.length === 1 && statements[0]!.includes('[prepared public_changed_since]');

let home: { id: string; urn: string };
let inspectionId: string;

/** Publishes, through the first instance, a report of an inspection of `providerId` on 8 September 2026 with this overall text. */
async function publishFirstReport(providerId: string, overall: string) {
  const inspection = await inspectionAtFeedback(first, providerId, { start: '2026-09-08' });
  await recordEvidence(first, inspection.id);
  await proposeGood(first, inspection.id);
  await writeText(first, inspection.id, { overall });
  return publish(first, inspection.id, FULL_DAYS);
}

/** A children's home in Manchester with its first report published through the first instance. */
beforeAll(async () => {
  home = await registerProvider(first, { name: 'Larch House', registrationDate: '2021-03-01' });
  inspectionId = (await publishFirstReport(home.id, 'Children are settled and make good progress.')).id;
});

describe('a repeated public answer', () => {
  test('is answered after one statement, the check, byte for byte as GraphQL answered it', async () => {
    for (const [query, variables] of [
      [REPORT, { urn: home.urn }],
      [PROVIDER, { urn: home.urn }],
      [AREA, { localAuthority: MANCHESTER }],
      [FEED, { localAuthority: MANCHESTER }],
    ] as const) {
      const cold = await statementsOf(first, query, variables);
      expect(onlyTheCheck(cold.statements)).toBe(false);
      const warm = await statementsOf(first, query, variables);
      expect(warm.statements).toHaveLength(1);
      expect(onlyTheCheck(warm.statements)).toBe(true);
      expect(warm.text).toBe(cold.text);
    }
  });

  test("reports the caller's own rate limit, the rest byte for byte", async () => {
    const limited = await startTestApp({
      sameDatabaseAs: first,
      limits: withLimits({ ...TEST_LIMITS, rateLimit: { anonymous: 100, signedIn: 100 } }),
    });
    try {
      const cold = await statementsOf(limited, REPORT, { urn: home.urn });
      const warm = await statementsOf(limited, REPORT, { urn: home.urn });
      expect(onlyTheCheck(warm.statements)).toBe(true);
      const [coldBody, warmBody] = [JSON.parse(cold.text), JSON.parse(warm.text)];
      expect(coldBody.extensions.cost.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
      expect(warmBody.extensions.cost.rateLimit).toMatchObject({ limit: 100, remaining: 98 });
      warmBody.extensions.cost.rateLimit = coldBody.extensions.cost.rateLimit;
      expect(`${JSON.stringify(warmBody)}\n`).toBe(cold.text);
    } finally {
      await limited.close();
    }
  });

  test('is kept per variables, operation and method: another URN or a GET is answered afresh', async () => {
    await ask(first, REPORT, { urn: home.urn });
    const other = await registerProvider(first, { name: 'Alder House', registrationDate: '2021-03-01' });
    // No report yet: an empty answer is never kept, so it is never stale when the first one is published.
    expect((await ask(first, REPORT, { urn: other.urn })).data.publicReport).toBeNull();
    expect(onlyTheCheck((await statementsOf(first, REPORT, { urn: other.urn })).statements)).toBe(false);
    const get = await first.statements(() =>
      first
        .request()
        .get(`/graphql?query=${encodeURIComponent(REPORT)}&variables=${encodeURIComponent(JSON.stringify({ urn: home.urn }))}`)
        .set('apollo-require-preflight', 'true'),
    );
    expect(onlyTheCheck(get)).toBe(false);
  });

  test('is never served to a caller with a token, nor to one whose token failed', async () => {
    await ask(first, REPORT, { urn: home.urn });
    const token = await first.tokenFor(Role.ADMIN);
    const signedIn = await first.statements(() =>
      first
        .request()
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query: REPORT, variables: { urn: home.urn } }),
    );
    expect(onlyTheCheck(signedIn)).toBe(false);
    const refused = await first
      .request()
      .post('/graphql')
      .set('authorization', 'Bearer not-a-token')
      .send({ query: REPORT, variables: { urn: home.urn } });
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
  });

  test('a GET answer kept for a preflighted request is not served to one without the preflight header (CSRF)', async () => {
    const path = `/graphql?query=${encodeURIComponent(REPORT)}&variables=${encodeURIComponent(JSON.stringify({ urn: home.urn }))}`;
    const preflighted = await first.request().get(path).set('apollo-require-preflight', 'true');
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers['cache-control']).toBe('public, max-age=60');
    const again = await first.request().get(path).set('apollo-require-preflight', 'true');
    expect(again.headers.etag).toBe(preflighted.headers.etag);
    expect(again.headers['cache-control']).toBe('public, max-age=60');
    const simple = await first.request().get(path);
    expect(simple.status).toBe(400);
  });

  test('an operation with another root field is not kept', async () => {
    const mixed = `query Mixed($urn: String!) { regions { code } publicReport(urn: $urn) { id } }`;
    await ask(first, mixed, { urn: home.urn });
    expect(onlyTheCheck((await statementsOf(first, mixed, { urn: home.urn })).statements)).toBe(false);
  });

  test('an answer with an error beside its data is not kept', async () => {
    const partly = `query Partly($urn: String!) { good: publicReport(urn: $urn) { id } bad: publicReport(urn: "not a URN") { id } }`;
    const answer = await ask(first, partly, { urn: home.urn });
    expect(answer.data.good.id).toBeTruthy();
    expect(answer.errors).toHaveLength(1);
    expect(onlyTheCheck((await statementsOf(first, partly, { urn: home.urn })).statements)).toBe(false);
  });

  test('data with a field aliased "extensions" is kept, and sent again byte for byte', async () => {
    const aliased = `query Aliased($urn: String!) { extensions: publicReport(urn: $urn) { id } data: publicProvider(urn: $urn) { urn } }`;
    const cold = await statementsOf(first, aliased, { urn: home.urn });
    const warm = await statementsOf(first, aliased, { urn: home.urn });
    expect(onlyTheCheck(warm.statements)).toBe(true);
    expect(warm.text).toBe(cold.text);
    expect(JSON.parse(warm.text).data.extensions.id).toBeTruthy();
  });
});

describe('checks in batches', () => {
  test('answers asked about in the same turn of the event loop are checked by one statement, each by its own reads', async () => {
    const checker = new ChangeChecker(first.orm.em.getKnex(), first.orm.config.getLogger());
    const snapshot = async () =>
      (await first.orm.em.getConnection().execute<{ s: string }[]>('select pg_current_snapshot()::text as s'))[0]!.s;
    const before = await snapshot();
    const other = await registerProvider(first, { name: 'Hazel Court', registrationDate: '2021-03-01' });
    const after = await snapshot();
    const untouched = [{ scopes: [PublicScope.urn('SC000000'), PublicScope.all], snapshot: before }];
    const touchedSince = [{ scopes: [PublicScope.urn(other.urn), PublicScope.all], snapshot: before }];
    const readAfter = [{ scopes: [PublicScope.urn(other.urn), PublicScope.all], snapshot: after }];
    let answers: boolean[] = [];
    const statements = await first.statements(async () => {
      answers = await Promise.all([
        checker.changed(untouched),
        checker.changed(touchedSince),
        checker.changed(readAfter),
        checker.changed(touchedSince),
      ]);
    });
    expect(answers).toEqual([false, true, false, true]);
    expect(statements).toHaveLength(1);
  });
});

describe('changes made through one instance, seen by the other from the commit on', () => {
  const views = async (api: TestApp) => ({
    report: (await ask(api, REPORT, { urn: home.urn })).data.publicReport,
    provider: (await ask(api, PROVIDER, { urn: home.urn })).data.publicProvider,
    area: (await ask(api, AREA, { localAuthority: MANCHESTER })).data.publicReports.edges.map((e: any) => e.node),
    region: (await ask(api, AREA, { region: NORTH_WEST })).data.publicReports.edges.map((e: any) => e.node),
    feed: (await ask(api, FEED, { localAuthority: MANCHESTER })).data.judgementFeed.edges.map((e: any) => e.node.type),
  });

  test('an amendment, a withdrawal and a corrected version', async () => {
    // Both instances hold every view (asked twice: the second is served from the cache).
    await views(second);
    const before = await views(second);
    expect(before.report.version).toBe(1);
    expect(before.area).toContainEqual({ urn: home.urn, version: 1 });

    const amended = await first.gql(AmendPublishedReportDocument, {
      input: { inspectionId, reason: 'Corrected a date', amendedOn: '2026-10-01' },
    });
    expect(amended.data!.amendPublishedReport.userErrors).toEqual([]);
    const afterAmendment = await views(second);
    expect(afterAmendment.report).toMatchObject({ version: 2, amendmentReason: 'Corrected a date' });
    expect(afterAmendment.provider.reports).toEqual([{ id: before.report.id, version: 2 }]);
    expect(afterAmendment.area).toContainEqual({ urn: home.urn, version: 2 });
    expect(afterAmendment.region).toContainEqual({ urn: home.urn, version: 2 });
    expect(afterAmendment.feed).toContain('REPORT_AMENDED');
    // The first instance, which made the change, answers the same.
    expect(await views(first)).toEqual(afterAmendment);

    const withdrawn = await first.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId, reason: 'It named a child', withdrawnOn: '2026-10-02' },
    });
    expect(withdrawn.data!.withdrawPublishedReport.userErrors).toEqual([]);
    const afterWithdrawal = await views(second);
    expect(afterWithdrawal.report).toBeNull();
    expect(afterWithdrawal.provider.reports).toEqual([]);
    expect(afterWithdrawal.area.map((node: { urn: string }) => node.urn)).not.toContain(home.urn);
    expect(afterWithdrawal.feed).toContain('REPORT_WITHDRAWN');

    const corrected = await first.gql(AmendPublishedReportDocument, {
      input: { inspectionId, reason: 'Republished without identifying details', amendedOn: '2026-10-05' },
    });
    expect(corrected.data!.amendPublishedReport.userErrors).toEqual([]);
    expect((await views(second)).report).toMatchObject({ id: before.report.id, version: 3 });
  });

  test("a first publication appears in its area's list on the other instance", async () => {
    const listed = async () =>
      (await ask(second, AREA, { localAuthority: MANCHESTER })).data.publicReports.edges.map((e: any) => e.node.urn);
    await listed();
    const newcomer = await registerProvider(first, { name: 'Beech Lodge', registrationDate: '2022-01-10' });
    expect(await listed()).not.toContain(newcomer.urn);
    await publishFirstReport(newcomer.id, 'Children are safe and well cared for.');
    expect(await listed()).toContain(newcomer.urn);
  });
});

describe('changes made in the database itself', () => {
  let sql: Client;
  beforeAll(async () => {
    sql = new Client({ connectionString: first.database.url });
    await sql.connect();
  });
  afterAll(() => sql.end());

  const organisation = async () => (await ask(second, PROVIDER, { urn: home.urn })).data.publicProvider.registeredProvider.name as string;

  test('a change still uncommitted is not served; once committed it is, with no wait', async () => {
    await organisation();
    const before = await organisation();
    await sql.query('begin');
    await sql.query(
      `update registered_provider set name = 'Northern Care Partnership' where id = (select registered_provider_id from provider where urn = $1)`,
      [home.urn],
    );
    // Still running: both instances answer what is committed.
    expect(await organisation()).toBe(before);
    expect((await ask(first, PROVIDER, { urn: home.urn })).data.publicProvider.registeredProvider.name).toBe(before);
    await sql.query('commit');
    expect(await organisation()).toBe('Northern Care Partnership');
  });

  test('a rolled-back change leaves the kept answer good', async () => {
    const before = await organisation();
    await sql.query('begin');
    await sql.query(
      `update registered_provider set name = 'Rolled Back Ltd' where id = (select registered_provider_id from provider where urn = $1)`,
      [home.urn],
    );
    await sql.query('rollback');
    expect(onlyTheCheck((await statementsOf(second, PROVIDER, { urn: home.urn })).statements)).toBe(true);
    expect(await organisation()).toBe(before);
  });

  test("a change to reference data (an area's name) reaches every kept answer", async () => {
    const areaName = async () =>
      (await ask(second, `query($urn: String!) { publicProvider(urn: $urn) { area { localAuthorityName } } }`, { urn: home.urn })).data
        .publicProvider.area.localAuthorityName;
    const before = await areaName();
    expect(await areaName()).toBe(before);
    await sql.query(`update local_authority set name = 'Manchester City' where ons_code = $1`, [MANCHESTER]);
    try {
      expect(await areaName()).toBe('Manchester City');
    } finally {
      await sql.query(`update local_authority set name = $2 where ons_code = $1`, [MANCHESTER, before]);
    }
  });

  test('the record of changes is pruned, but never of a change a kept answer could have missed', async () => {
    const cache = second.app.answerCache!;
    await organisation();
    const count = async () => Number((await sql.query('select count(*) from public_change')).rows[0].count);
    const recorded = await count();
    expect(recorded).toBeGreaterThan(0);
    // The first sweep only takes the horizon; the second forgets what was committed before it.
    await cache.sweep();
    expect(await count()).toBe(recorded);
    await cache.sweep();
    expect(await count()).toBeLessThan(recorded);
    // What changes after the horizon is still recorded, and still reaches the kept answer.
    await sql.query(
      `update registered_provider set name = 'After The Sweep Ltd' where id = (select registered_provider_id from provider where urn = $1)`,
      [home.urn],
    );
    await cache.sweep();
    expect(await organisation()).toBe('After The Sweep Ltd');
  });
});
