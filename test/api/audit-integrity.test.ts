/**
 * The audit trail's integrity (issue 13): a mutation's line is written in the mutation's own
 * transaction, so a change never commits without it; a read's line is written before its data is
 * sent; nothing a caller sends can make its line fail to insert. The audit insert is made to fail
 * by a trigger this file adds to its own database, for one subject only.
 */
import { Role } from '../../src/domain/access';
import { ChangeRegisteredManagerDocument, ProvidersDocument, RegisterProviderDocument } from '../generated/graphql';
import { TEST_REGION, postGraphQL, startTestApp, type TestApp } from '../support/app';
import { registerProvider, registrationInput } from '../support/fixtures';

/** The subject whose audit lines the database refuses. */
const UNAUDITABLE = 'cannot-be-audited';
/** The subject whose audit lines the database takes, then refuses when the transaction commits. */
const REFUSED_AT_COMMIT = 'refused-at-commit';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
  await sql(
    `create function "test_refuse_audit"() returns trigger language plpgsql as $$ begin raise exception 'audit refused (test)'; end $$`,
  );
  await sql(
    `create trigger "test_refuse_audit" before insert on "audit_entry" for each row when (new."subject" = '${UNAUDITABLE}') execute function "test_refuse_audit"()`,
  );
  await sql(
    `create constraint trigger "test_refuse_audit_at_commit" after insert on "audit_entry" deferrable initially deferred for each row when (new."subject" = '${REFUSED_AT_COMMIT}') execute function "test_refuse_audit"()`,
  );
});
afterAll(() => api.close());

/** Runs SQL on the test database, outside the API. */
function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return api.orm.em.fork().getConnection().execute<T[]>(query, params);
}

const REGISTER =
  'mutation Register($input: RegisterProviderInput!) { registerProvider(input: $input) { provider { urn } userErrors { message } } }';

/** Registers a setting over HTTP as an admin named `subject`, with any extra headers and variables. */
async function register(subject: string, options: { headers?: Record<string, string>; extraVariables?: Record<string, unknown> } = {}) {
  const input = registrationInput();
  const call = api
    .request()
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${await api.tokenFor(Role.ADMIN, { subject })}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) call.set(name, value);
  const response = await call.send({ query: REGISTER, variables: { input, ...options.extraVariables } });
  return { response, urn: input.urn };
}

const settingRows = (urn: string) => sql('select "id" from "provider" where "urn" = ?', [urn]);
const feedRows = (urn: string) => sql('select "id" from "feed_event" where "urn" = ?', [urn]);
const auditRows = (subject: string) =>
  sql<{ request_id: string; operation: string; kind: string; outcome: string; targets: string[] }>(
    'select "request_id", "operation", "kind", "outcome", "targets" from "audit_entry" where "subject" = ? order by "at"',
    [subject],
  );
/** Connections of this test database left inside a transaction. */
const openTransactions = async () =>
  Number(
    (
      await sql<{ n: string }>(
        `select count(*) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
      )
    )[0].n,
  );

test('a mutation with a 100-character x-request-id succeeds and is audited under the server’s own request ID', async () => {
  const clientId = `client-${'r'.repeat(93)}`;
  const { response, urn } = await register('integrity-alice', { headers: { 'x-request-id': clientId } });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data.registerProvider).toEqual({ provider: { urn }, userErrors: [] });
  const serverId = response.headers['x-request-id'];
  expect(serverId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(await auditRows('integrity-alice')).toEqual([
    { request_id: serverId, operation: 'registerProvider', kind: 'MUTATION', outcome: 'OK', targets: [urn] },
  ]);
  expect(JSON.stringify(await sql('select * from "audit_entry"'))).not.toContain(clientId);
});

test('the change and its audit line are both committed', async () => {
  const { response, urn } = await register('integrity-bob');
  expect(response.status).toBe(200);
  expect(await settingRows(urn)).toHaveLength(1);
  expect(await feedRows(urn)).toHaveLength(1); // PROVIDER_REGISTERED, written in the same transaction
  expect(await auditRows('integrity-bob')).toEqual([
    expect.objectContaining({ request_id: response.headers['x-request-id'], outcome: 'OK' }),
  ]);
});

test('when the audit line cannot be written, the change is rolled back (the service’s own transaction was a savepoint inside the request’s) and the caller gets a masked internal error', async () => {
  const { response, urn } = await register(UNAUDITABLE);
  expect(response.status).toBe(500);
  expect(response.body).toEqual({
    errors: [
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.headers['x-request-id'] } },
    ],
  });
  expect(JSON.stringify(response.body)).not.toMatch(/audit refused|audit_entry|insert|stack/i);
  expect(await settingRows(urn)).toEqual([]);
  expect(await feedRows(urn)).toEqual([]);
  expect(await auditRows(UNAUDITABLE)).toEqual([]);
  // The same register call by anyone else goes through: nothing of the failed one was left behind.
  const again = await api
    .as(await api.tokenFor(Role.ADMIN, { subject: 'integrity-carol' }))
    .gql(RegisterProviderDocument, { input: registrationInput({ urn }) });
  expect(again.data!.registerProvider.provider?.urn).toBe(urn);
});

test('a commit that fails (a deferred check on the audit line) rolls the change back too, and frees the connection', async () => {
  for (let i = 0; i < 6; i += 1) {
    const { response, urn } = await register(REFUSED_AT_COMMIT);
    expect(response.status).toBe(500);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }),
    ]);
    expect(await settingRows(urn)).toEqual([]);
    expect(await feedRows(urn)).toEqual([]);
  }
  expect(await auditRows(REFUSED_AT_COMMIT)).toEqual([]);
  expect(await openTransactions()).toBe(0);
});

test('an internal read that cannot be audited serves no data', async () => {
  const token = await api.tokenFor(Role.INSPECTOR, { subject: UNAUDITABLE, region: TEST_REGION });
  const response = await postGraphQL(api, { query: '{ providers(first: 5) { edges { node { urn name } } } }' }, token);
  expect(response.status).toBe(500);
  expect(response.body).toEqual({
    errors: [
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.headers['x-request-id'] } },
    ],
  });
  // The same read by an auditable inspector is served (and audited).
  const served = await api.gql(
    ProvidersDocument,
    { first: 5 },
    { token: await api.tokenFor(Role.INSPECTOR, { subject: 'integrity-dave', region: TEST_REGION }) },
  );
  expect(served.data!.providers.edges.length).toBeGreaterThan(0);
  expect(await auditRows('integrity-dave')).toEqual([expect.objectContaining({ operation: 'providers', kind: 'QUERY', outcome: 'OK' })]);
});

test('no connection is left in a transaction, whatever the outcome (more failures than the pool has connections)', async () => {
  for (let i = 0; i < 8; i += 1) {
    const { response } = await register(UNAUDITABLE);
    expect(response.status).toBe(500);
  }
  // Denied before execution (no token; a role that may not), refused with user errors, turned away by a scope check.
  const refusedAtTheDoor = await api.gql(RegisterProviderDocument, { input: registrationInput() }, { token: null, allowErrors: true });
  expect(refusedAtTheDoor.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const inspector = await api.tokenFor(Role.INSPECTOR, { region: TEST_REGION });
  expect(
    (await api.gql(RegisterProviderDocument, { input: registrationInput() }, { token: inspector, allowErrors: true })).errors?.[0]
      ?.extensions?.code,
  ).toBe('FORBIDDEN');
  expect(
    (await api.gql(RegisterProviderDocument, { input: registrationInput({ urn: 'bad' }) })).data!.registerProvider.userErrors,
  ).not.toEqual([]);
  const elsewhere = await registerProvider(api, { localAuthority: 'E08000035' }); // Leeds: Yorkshire and The Humber
  const outOfScope = await api.gql(
    ChangeRegisteredManagerDocument,
    { input: { providerId: elsewhere.id, effectiveDate: '2026-01-05', newManager: { name: 'New Person' } } },
    { allowErrors: true },
  );
  expect(outOfScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await openTransactions()).toBe(0);
  const { response } = await register('integrity-erin');
  expect(response.status).toBe(200);
});

test('a caller cannot overflow or plant targets: each is cut to 100 printable characters, at most 20, from declared variables only', async () => {
  const admin = api.as(await api.tokenFor(Role.ADMIN, { subject: 'integrity-frank' }));
  const longId = `P${'x'.repeat(150)}`;
  const changed = await admin.gql(ChangeRegisteredManagerDocument, {
    input: { providerId: longId, effectiveDate: '2026-01-05', newManager: { name: 'New Person' } },
  });
  expect(changed.data!.changeRegisteredManager.userErrors).not.toEqual([]);
  const { response } = await register('integrity-frank', {
    extraVariables: { plantedId: 'planted', ids: Array.from({ length: 50 }, (_, i) => `id-${i}`) },
  });
  expect(response.status).toBe(200);
  const [first, second] = await auditRows('integrity-frank');
  expect(first).toMatchObject({ operation: 'changeRegisteredManager', outcome: 'USER_ERRORS', targets: [longId.slice(0, 100)] });
  expect(second.targets).toEqual([response.body.data.registerProvider.provider.urn]);
});
