/**
 * Bearer tokens (issue 13): `exp` required, algorithms pinned (HS256 for the development secret,
 * asymmetric ones for a JWKS), a bounded lifetime for development tokens, a bounded printable
 * `sub`, and scope claims that are ONS codes and URNs or nothing. A refused token is
 * UNAUTHENTICATED (401) and changes nothing. Expiry, issuer, audience, key and role are in
 * access.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { loadConfig } from '../../src/config';
import { Role } from '../../src/domain/access';
import { tokenVerifier } from '../../src/modules/auth/auth.service';
import { AuditTrailDocument, ProviderByUrnDocument, ProvidersDocument, RegisterProviderDocument } from '../generated/graphql';
import { TEST_AUTH, TEST_REGION, postGraphQL, useTestApp } from '../support/app';
import { registrationInput } from '../support/fixtures';

const api = useTestApp();

const secret = new TextEncoder().encode(TEST_AUTH.secret);
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** A token signed with the test secret: an admin named `subject`, valid for an hour, unless `claims` or `options` say otherwise. */
function sign(claims: JWTPayload = {}, options: { alg?: string; iat?: number | null; exp?: number | null } = {}): Promise<string> {
  const jwt = new SignJWT({ role: Role.ADMIN, sub: 'token-tester', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuer(TEST_AUTH.issuer)
    .setAudience(TEST_AUTH.audience);
  if (options.iat !== null) jwt.setIssuedAt(options.iat ?? now());
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + HOUR);
  return jwt.sign(secret);
}

/** Registers a setting with `token`; returns the HTTP status, the errors, and whether the setting and an audit line for `subject` now exist. */
async function registerWith(token: string, subject: string) {
  const input = registrationInput();
  const response = await postGraphQL(
    api,
    {
      query: 'mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { provider { urn } userErrors { message } } }',
      variables: { input },
    },
    token,
  );
  const admin = await api.admin();
  const registered = (await admin.gql(ProviderByUrnDocument, { urn: input.urn })).data!.provider !== null;
  const trail = (await admin.gql(AuditTrailDocument, { first: 100 })).data!.auditTrail.edges.map((e) => e.node);
  return { status: response.status, body: response.body, registered, audited: trail.some((entry) => entry.subject === subject) };
}

describe('a refused token is UNAUTHENTICATED (401) and changes nothing', () => {
  test.each([
    ['without exp', () => sign({ sub: 'no-exp' }, { exp: null }), 'no-exp'],
    ['without iat (a development token must say when it was issued)', () => sign({ sub: 'no-iat' }, { iat: null }), 'no-iat'],
    ['issued in the future', () => sign({ sub: 'future' }, { iat: now() + HOUR, exp: now() + 2 * HOUR }), 'future'],
    ['signed HS512 with the secret', () => sign({ sub: 'hs512' }, { alg: 'HS512' }), 'hs512'],
    ['signed HS384 with the secret', () => sign({ sub: 'hs384' }, { alg: 'HS384' }), 'hs384'],
    [
      'unsigned (alg none)',
      () =>
        Promise.resolve(
          new UnsecuredJWT({ role: Role.ADMIN, sub: 'unsigned' })
            .setIssuer(TEST_AUTH.issuer)
            .setAudience(TEST_AUTH.audience)
            .setIssuedAt()
            .setExpirationTime('1h')
            .encode(),
        ),
      'unsigned',
    ],
    [
      'living longer than AUTH_MAX_TOKEN_LIFETIME (12 hours by default)',
      () => sign({ sub: 'long-lived' }, { exp: now() + 12 * HOUR + 120 }),
      'long-lived',
    ],
    [
      'issued long ago, still valid, but living longer than allowed',
      () => sign({ sub: 'old' }, { iat: now() - 20 * HOUR, exp: now() + HOUR }),
      'old',
    ],
    ['with a subject of 201 characters', () => sign({ sub: 's'.repeat(201) }), 's'.repeat(201)],
    ['with a control character in the subject', () => sign({ sub: 'alice\u0000' }), 'alice\u0000'],
    ['with a line break in the subject', () => sign({ sub: 'alice\nADMIN' }), 'alice\nADMIN'],
    ['with a bidirectional override in the subject', () => sign({ sub: 'alice\u202Eevil' }), 'alice\u202Eevil'],
    ['with a blank subject', () => sign({ sub: '   ' }), '   '],
    ['with a subject that is not a string', () => sign({ sub: 42 as unknown as string }), '42'],
    [
      'with more than 500 URNs',
      () => sign({ role: Role.PROVIDER, sub: 'big-group', urns: Array.from({ length: 501 }, (_, i) => String(2_000_000 + i)) }),
      'big-group',
    ],
  ])('a token %s', async (_name, make, subject) => {
    const { status, body, registered, audited } = await registerWith(await make(), subject);
    expect(status).toBe(401);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(body.data).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/stack|secret/i);
    expect(registered).toBe(false);
    expect(audited).toBe(false);
  });
});

describe('a good token works', () => {
  test('the tests’ own tokens: HS256, iat and exp, 8 hours', async () => {
    const { status, registered, audited } = await registerWith(await api.tokenFor(Role.ADMIN, { subject: 'good-admin' }), 'good-admin');
    expect([status, registered, audited]).toEqual([200, true, true]);
  });

  test('a subject of exactly 200 printable characters, not only ASCII, is taken and audited whole', async () => {
    const subject = `${'é'.repeat(100)}${'x'.repeat(99)}✓`;
    expect(subject).toHaveLength(200);
    const { status, registered, audited } = await registerWith(await sign({ sub: subject }), subject);
    expect([status, registered, audited]).toEqual([200, true, true]);
  });

  test('a token living exactly AUTH_MAX_TOKEN_LIFETIME is taken', async () => {
    const issued = now();
    const { status, registered } = await registerWith(
      await sign({ sub: 'twelve-hours' }, { iat: issued, exp: issued + 12 * HOUR }),
      'twelve-hours',
    );
    expect([status, registered]).toEqual([200, true]);
  });
});

describe('scope claims are ONS codes and URNs, or nothing: never a wider scope', () => {
  const providersAs = async (claims: JWTPayload) =>
    api.gql(ProvidersDocument, { first: 100 }, { token: await sign(claims), allowErrors: true });

  test('an inspector whose region is not an ONS region code reaches no setting', async () => {
    for (const region of ['north-west', ' E12000002', 'E12000002 ', 'E08000003', "E12000002' OR '1'='1", ['E12000002'], 12000002]) {
      const { status, errors } = await providersAs({ role: Role.INSPECTOR, region });
      expect([status, errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    }
    const { errors } = await providersAs({ role: Role.INSPECTOR, region: TEST_REGION });
    expect(errors).toBeUndefined();
  });

  test('a provider keeps only the entries of urns that are URNs', async () => {
    const admin = await api.admin();
    const mine = (await admin.gql(RegisterProviderDocument, { input: registrationInput() })).data!.registerProvider.provider!;
    const { data, errors } = await providersAs({
      role: Role.PROVIDER,
      urns: [mine.urn, mine.urn, 'SC12', '*', '%', 2400001, { $ne: null }, ''],
    });
    expect(errors).toBeUndefined();
    expect(data!.providers.edges.map((e) => e.node.urn)).toEqual([mine.urn]);
    // Not a list at all: no settings.
    const none = await providersAs({ role: Role.PROVIDER, urns: mine.urn });
    expect(none.data?.providers.edges ?? []).toEqual([]);
  });

  test('a local authority whose code is not an ONS code has no authority', async () => {
    const verify = tokenVerifier(TEST_AUTH);
    expect(await verify(await sign({ role: Role.LOCAL_AUTHORITY, localAuthority: 'Manchester' }))).toMatchObject({ localAuthority: null });
    expect(await verify(await sign({ role: Role.LOCAL_AUTHORITY, localAuthority: 'E08000003' }))).toMatchObject({
      localAuthority: 'E08000003',
    });
  });
});

describe('AUTH_MAX_TOKEN_LIFETIME', () => {
  test('is read as seconds or a duration, from 1 minute to 7 days; unset, the verifier takes 12 hours', () => {
    expect(loadConfig({}).AUTH_MAX_TOKEN_LIFETIME).toBeUndefined();
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '43200' }).AUTH_MAX_TOKEN_LIFETIME).toBe(43_200);
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '90m' }).AUTH_MAX_TOKEN_LIFETIME).toBe(5_400);
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '2H' }).AUTH_MAX_TOKEN_LIFETIME).toBe(7_200);
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '1d' }).AUTH_MAX_TOKEN_LIFETIME).toBe(86_400);
    for (const bad of ['forever', '12 hours', '-1h', '1.5h', '30s', '8d']) {
      expect(() => loadConfig({ AUTH_MAX_TOKEN_LIFETIME: bad })).toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
    }
  });

  test('the verifier applies the configured maximum', async () => {
    const verify = tokenVerifier({ ...TEST_AUTH, maxTokenLifetime: HOUR });
    await expect(verify(await sign({}, { exp: now() + HOUR }))).resolves.toMatchObject({ subject: 'token-tester' });
    await expect(verify(await sign({}, { exp: now() + 2 * HOUR }))).rejects.toThrow(/longer than this server accepts/);
  });
});

describe('with a JWKS (production), only asymmetric algorithms', () => {
  let server: Server;
  let jwksUrl: string;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;
  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    const keys = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = () =>
    new SignJWT({ role: Role.ADMIN, sub: 'oidc-user' }).setIssuer(TEST_AUTH.issuer).setAudience(TEST_AUTH.audience).setIssuedAt();

  test('RS256 and ES256 tokens of the provider are taken, for as long as it says', async () => {
    const verify = tokenVerifier({ ...TEST_AUTH, jwksUrl });
    await expect(
      verify(await claims().setProtectedHeader({ alg: 'RS256', kid: 'rsa' }).setExpirationTime('2d').sign(rsa.privateKey)),
    ).resolves.toMatchObject({ subject: 'oidc-user' });
    await expect(
      verify(await claims().setProtectedHeader({ alg: 'ES256', kid: 'ec' }).setExpirationTime('1h').sign(ec.privateKey)),
    ).resolves.toMatchObject({ subject: 'oidc-user' });
  });

  test('HS256 or HS512 (even with the shared secret also set), none, or no exp are refused', async () => {
    const verify = tokenVerifier({ ...TEST_AUTH, jwksUrl });
    for (const alg of ['HS256', 'HS512']) {
      await expect(verify(await claims().setProtectedHeader({ alg }).setExpirationTime('1h').sign(secret))).rejects.toThrow(
        /invalid or has expired/,
      );
    }
    const unsigned = new UnsecuredJWT({ role: Role.ADMIN, sub: 'oidc-user' })
      .setIssuer(TEST_AUTH.issuer)
      .setAudience(TEST_AUTH.audience)
      .setExpirationTime('1h')
      .encode();
    await expect(verify(unsigned)).rejects.toThrow(/invalid or has expired/);
    await expect(verify(await claims().setProtectedHeader({ alg: 'RS256', kid: 'rsa' }).sign(rsa.privateKey))).rejects.toThrow(
      /invalid or has expired/,
    );
  });
});
