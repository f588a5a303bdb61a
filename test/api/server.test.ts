import { ProviderByUrnDocument } from '../generated/graphql';
import { Provider } from '../../src/modules/providers/provider.entity';
import { postGraphQL, useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';

const api = useTestApp();

describe('health and readiness', () => {
  test('/healthz answers while the process is up', async () => {
    const response = await api.request().get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('/readyz is ready when the database answers and every migration is applied', async () => {
    const response = await api.request().get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ready: true, database: 'up', pendingMigrations: 0 });
  });

  test("every response carries a request ID of the server's own, whatever the caller sends", async () => {
    const own = await api.request().get('/healthz');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await api.request().get('/healthz').set('x-request-id', 'trace-123');
    expect(given.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.headers['x-request-id']).not.toBe(own.headers['x-request-id']);
  });
});

describe('GraphQL over HTTP', () => {
  test('a syntax error is a 400 GRAPHQL_PARSE_FAILED, not a server fault', async () => {
    const response = await postGraphQL(api, { query: '{' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('an unknown field is a GRAPHQL_VALIDATION_FAILED error without a stack trace', async () => {
    const response = await postGraphQL(api, { query: '{ nope }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  test('a GET without a preflight header is refused (CSRF prevention)', async () => {
    const response = await api.request().get('/graphql').query({ query: '{ regions { code } }' });
    expect(response.status).toBe(400);
  });

  test('a document with too many tokens is refused before it is validated', async () => {
    const query = `{ ${Array.from({ length: 2_000 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    const response = await postGraphQL(api, { query });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('the global EntityManager refuses to serve: requests must use their own fork', async () => {
    await expect(api.orm.em.find(Provider, {})).rejects.toThrow(/global EntityManager/);
  });

  test('each request sees the database as it is now, not a cache from an earlier request', async () => {
    const provider = await registerProvider(api);
    await api.orm.em.fork().nativeUpdate(Provider, { urn: provider.urn }, { name: 'Renamed Directly' });
    const { data } = await api.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(data?.provider?.name).toBe('Renamed Directly');
  });
});
