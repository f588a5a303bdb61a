/**
 * Deny by default: the public queries (and the reference lists of regions and local authorities)
 * are open; every other operation needs a valid bearer token of a role that may use it. Denied
 * calls change nothing. Which records each role reaches is in scopes.test.ts.
 */
import { SignJWT } from 'jose';
import { Role } from '../../src/domain/access';
import { ProviderByUrnDocument, ProvidersDocument, PublicReportsDocument, RegisterProviderDocument } from '../generated/graphql';
import { TEST_AUTH, useTestApp } from '../support/app';
import { registrationInput } from '../support/fixtures';

const api = useTestApp();

const sign = (overrides: {
  secret?: string;
  audience?: string;
  issuer?: string;
  expiresAt?: number;
  role?: string;
  subject?: string | null;
}) => {
  const jwt = new SignJWT({ role: overrides.role ?? 'INSPECTOR' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(overrides.issuer ?? TEST_AUTH.issuer)
    .setAudience(overrides.audience ?? TEST_AUTH.audience)
    .setIssuedAt()
    .setExpirationTime(overrides.expiresAt ?? Math.floor(Date.now() / 1000) + 3600);
  if (overrides.subject !== null) jwt.setSubject(overrides.subject ?? 'someone');
  return jwt.sign(new TextEncoder().encode(overrides.secret ?? TEST_AUTH.secret));
};

async function raw(query: string, authorization?: string) {
  const call = api.request().post('/graphql').set('content-type', 'application/json');
  if (authorization) call.set('authorization', authorization);
  return call.send({ query });
}

describe('the public', () => {
  test('CH-230 may use the public queries without credentials', async () => {
    const { data, errors } = await api.gql(PublicReportsDocument, { first: 5 }, { token: null });
    expect(errors).toBeUndefined();
    expect(data!.publicReports.edges).toEqual([]);
  });

  test('may not use any internal operation: UNAUTHENTICATED, with 401', async () => {
    const response = await raw('{ providers(first: 1) { edges { node { name } } } }');
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(response.body.data).toBeUndefined();
  });

  test('cannot hide an internal field behind a public one, an alias or a fragment', async () => {
    for (const query of [
      '{ publicReports(first: 1) { edges { cursor } } providers(first: 1) { edges { cursor } } }',
      '{ x: provider(urn: "2999999") { name } }',
      'query { ...F } fragment F on Query { inspections(first: 1) { edges { cursor } } }',
      'query { regions { name } ... on Query { openCaseReviews(first: 1) { edges { cursor } } } }',
    ]) {
      const response = await raw(query);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('is refused every mutation, and nothing is written', async () => {
    const input = registrationInput();
    const { errors } = await api.gql(RegisterProviderDocument, { input }, { token: null, allowErrors: true });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { data } = await api.gql(ProviderByUrnDocument, { urn: input.urn });
    expect(data!.provider).toBeNull();
  });
});

describe('tokens', () => {
  test.each([
    ['expired', () => sign({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => sign({ audience: 'someone-else' })],
    ['from another issuer', () => sign({ issuer: 'evil' })],
    ['signed with another key', () => sign({ secret: 'another-secret-another-secret-another-00' })],
    ['with an unknown role', () => sign({ role: 'SUPERUSER' })],
    ['with no subject', () => sign({ subject: null })],
  ])('a token %s is UNAUTHENTICATED, even for a public query, and does nothing', async (_name, make) => {
    const response = await raw('{ publicReports(first: 1) { edges { cursor } } }', `Bearer ${await make()}`);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.body)).not.toMatch(/stack|secret/i);
  });

  test('a malformed Authorization header is UNAUTHENTICATED', async () => {
    const response = await raw('{ regions { code } }', 'Basic dXNlcjpwYXNz');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles', () => {
  test.each([
    [Role.INSPECTOR, { region: 'E12000002' }],
    [Role.REGULATORY_INSPECTION_MANAGER, { region: 'E12000002' }],
    [Role.ADMIN, {}],
    [Role.PROVIDER, { urns: ['2999999'] }],
  ])('%s may read the register (within its scope)', async (role, scope) => {
    const { errors } = await api.gql(ProvidersDocument, { first: 1 }, { token: await api.tokenFor(role, scope), allowErrors: true });
    expect(errors).toBeUndefined();
  });

  test('LOCAL_AUTHORITY may not read the register: FORBIDDEN, with 403; the public views stay open to it', async () => {
    const token = await api.tokenFor(Role.LOCAL_AUTHORITY, { localAuthority: 'E08000003' });
    const internal = await api.gql(ProvidersDocument, { first: 1 }, { token, allowErrors: true });
    expect(internal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(internal.status).toBe(403);
    const pub = await api.gql(PublicReportsDocument, { first: 1 }, { token, allowErrors: true });
    expect(pub.errors).toBeUndefined();
  });

  test('the reference lists of regions and local authorities are public: a frontend needs them to find reports', async () => {
    const response = await raw('{ regions { code name } localAuthorities { onsCode name } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.regions).toHaveLength(9);
  });
});
