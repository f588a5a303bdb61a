/**
 * Issue 13: a public API that survives the public. Queries that would cost too much are refused
 * before anything runs; clients are rate limited; load is shed; text that cannot be stored is
 * refused at the door; every refusal is a GraphQL-shaped 4xx (or 503), never a 500.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import Redis from 'ioredis';
import supertest from 'supertest';
import { LOCAL_AUTHORITIES_CSV } from '../../src/db/reference-data';
import { Role } from '../../src/domain/access';
import { projectRoot } from '../../src/paths';
import { buildApp } from '../../src/server/app';
import { withLimits } from '../../src/server/limits';
import { LIST_BOUNDS } from '../../src/server/query-cost';
import { TEST_AUTH, TEST_LIMITS, TEST_REGION, startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';

let api: TestApp;
let providerId: string;

beforeAll(async () => {
  api = await startTestApp();
  providerId = (await registerProvider(api)).id;
});
afterAll(() => api.close());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
  headers: Record<string, string>;
  text: string;
}

async function post(body: unknown, token: string | null = null, target: TestApp = api): Promise<Answer> {
  const call = target.request().post('/graphql').set('content-type', 'application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send(body as object);
  return { status: response.status, body: response.body, headers: response.headers as Record<string, string>, text: response.text };
}

/** regions { localAuthorities { region { localAuthorities { ... } } } } with `depth` levels of fields. */
function nestedRegions(depth: number): string {
  let selection = '{ name }';
  for (let level = depth - 1; level >= 1; level -= 1) selection = `{ ${level % 2 === 1 ? 'localAuthorities' : 'region'} ${selection} }`;
  return `{ regions ${selection} }`;
}

function codeOf(answer: Answer): unknown {
  return answer.body.errors?.[0]?.extensions?.code;
}

describe('query cost and shape limits, before execution', () => {
  test.each([7, 25, 50])(
    'the Region <-> LocalAuthority cycle nested %i levels deep, anonymously, is refused without running a statement',
    async (depth) => {
      let answer: Answer | undefined;
      const statements = await api.statements(async () => {
        answer = await post({ query: nestedRegions(depth) });
      });
      expect(answer!.status).toBe(400);
      expect(codeOf(answer!)).toBe('QUERY_TOO_COMPLEX');
      expect(answer!.body.data).toBeUndefined();
      expect(statements).toEqual([]);
      const health = await api.request().get('/healthz');
      expect(health.status).toBe(200);
    },
  );

  test('the refusal says what the query would cost and what the limit is', async () => {
    const answer = await post({ query: nestedRegions(7) });
    const extensions = answer.body.errors![0]!.extensions!;
    expect(extensions.cost).toBeGreaterThan(50_000);
    expect(extensions.maximumCost).toBe(50_000);
    expect(answer.body.errors![0]!.message).toMatch(/would cost \d+ points; the most one query may cost is 50000 without a token/);
  });

  test('a shallow walk of the same cycle is within the anonymous budget, and reports its cost', async () => {
    const answer = await post({ query: nestedRegions(3) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const cost = answer.body.extensions!.cost as { requestedQueryCost: number; maximumQueryCost: number };
    // regions (9) x (1 + localAuthorities (40) x (1 + region (1)))
    expect(cost.requestedQueryCost).toBe(9 * (1 + 40 * (1 + 1)));
    // Two levels more: 9 x (1 + 40 x (1 + (1 + 40 x (1 + 1)))) = 29,529 points, still allowed; two more are not.
    const deeper = await post({ query: nestedRegions(5) });
    expect((deeper.body.extensions!.cost as { requestedQueryCost: number }).requestedQueryCost).toBe(9 * (1 + 40 * (1 + (1 + 40 * 2))));
    expect((await post({ query: nestedRegions(7) })).body.errors![0]!.extensions!.cost).toBe(
      9 * (1 + 40 * (1 + (1 + 40 * (1 + (1 + 40 * 2))))),
    );
    expect(cost.maximumQueryCost).toBe(50_000);
  });

  test('a signed-in caller has a larger budget', async () => {
    const manager = await api.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION });
    const answer = await post({ query: '{ regions { code } }' }, manager);
    expect((answer.body.extensions!.cost as { maximumQueryCost: number }).maximumQueryCost).toBe(250_000);
  });

  test('1,000 aliases (even of __typename) are refused before execution', async () => {
    const query = `{ ${Array.from({ length: 1_000 }, (_, index) => `a${index}: __typename`).join(' ')} }`;
    const answer = await post({ query });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('QUERY_TOO_COMPLEX');
    expect(answer.body.errors![0]!.extensions!.limit).toBe('aliases');
  });

  test('a connection fan-out (first: 100, three levels deep) is refused even for a manager', async () => {
    const manager = await api.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION });
    const query = `{ providers(first: 100) { edges { node { inspections(first: 100) { edges { node { evidence(first: 100) { edges { node { id } } } } } } } } } }`;
    let answer: Answer | undefined;
    const statements = await api.statements(async () => {
      answer = await post({ query }, manager);
    });
    expect(answer!.status).toBe(400);
    expect(codeOf(answer!)).toBe('QUERY_TOO_COMPLEX');
    expect(answer!.body.errors![0]!.extensions!.cost).toBeGreaterThan(1_000_000);
    expect(statements).toEqual([]);
  });

  test('too many directives, and too deep, are refused with the limit named', async () => {
    const directives = await post({ query: `{ __typename ${'@skip(if: false) '.repeat(30)} }` });
    expect(directives.status).toBe(400);
    expect(directives.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
    const deep = await post({ query: nestedRegions(20) });
    expect(deep.body.errors!.some((error) => error.extensions?.limit === 'depth')).toBe(true);
  });

  test('the bounds of the reference lists hold for the reference data', () => {
    const rows: { region_code: string }[] = parse(fs.readFileSync(LOCAL_AUTHORITIES_CSV, 'utf8'), { columns: true });
    const perRegion = new Map<string, number>();
    for (const row of rows) perRegion.set(row.region_code, (perRegion.get(row.region_code) ?? 0) + 1);
    expect(LIST_BOUNDS['Query.regions']).toBeGreaterThanOrEqual(perRegion.size);
    expect(LIST_BOUNDS['Query.localAuthorities']).toBeGreaterThanOrEqual(rows.length);
    expect(LIST_BOUNDS['Region.localAuthorities']).toBeGreaterThanOrEqual(Math.max(...perRegion.values()));
  });
});

describe('text that cannot be accepted is refused at the door', () => {
  const refusedBadInput = (answer: Answer, argumentName: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(answer.text).not.toMatch(/Internal server error|invalid byte sequence|\\u0000/);
  };

  test('a NUL byte in a literal String argument', async () => {
    refusedBadInput(await post({ query: '{ publicReport(urn: "\\u0000") { id } }' }), 'urn');
  });

  test('a NUL byte in a String variable', async () => {
    refusedBadInput(
      await post({ query: 'query($urn: String!) { publicProvider(urn: $urn) { urn } }', variables: { urn: '12\u00003456' } }),
      'urn',
    );
  });

  test('a NUL byte in an ID argument', async () => {
    refusedBadInput(await post({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: '\u0000' } }), 'id');
  });

  test('a NUL byte inside an input object of a mutation changes nothing', async () => {
    const admin = await api.tokenFor(Role.ADMIN);
    const answer = await post(
      {
        query: 'mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { provider { id } userErrors { message } } }',
        variables: { input: { providerId, name: 'Willow\u0000House', changeReason: 'renamed' } },
      },
      admin,
    );
    refusedBadInput(answer, 'input');
    expect(answer.body.errors![0]!.extensions!.path).toBe('input.name');
  });

  test('a NUL byte in a list element, other control characters and lone surrogates', async () => {
    const query =
      'query($types: [FeedEventType!], $la: String) { judgementFeed(first: 1, types: $types, localAuthority: $la) { edges { cursor } } }';
    refusedBadInput(await post({ query, variables: { la: 'E08\u0007000003' } }), 'localAuthority');
    refusedBadInput(await post({ query, variables: { la: 'E08\ud800' } }), 'localAuthority');
    refusedBadInput(await post({ query: '{ localAuthorities(region: "\\u001b[31m") { name } }' }), 'region');
  });

  test('a global ID whose decoded key holds a NUL (Region:E12000002\\0) finds nothing, and faults nothing', async () => {
    const inspector = await api.tokenFor(Role.INSPECTOR, { region: TEST_REGION });
    for (const id of [
      Buffer.from('Region:E12000002\u0000').toString('base64'),
      Buffer.from('LocalAuthority:E08000003\u0000').toString('base64'),
    ]) {
      const answer = await post({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }, inspector);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { node: null } });
      expect(answer.body.errors).toBeUndefined();
    }
  });

  test('a string longer than its field allows is refused, and the limit is in the schema', async () => {
    const answer = await post({
      query: 'query($region: String) { localAuthorities(region: $region) { name } }',
      variables: { region: 'E'.repeat(21) },
    });
    refusedBadInput(answer, 'region');
    expect(answer.body.errors![0]!.message).toMatch(/the most it may be is 20/);
    const schema = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    expect(schema).toMatch(/Only those in this region \(its ONS code, e\.g\. E12000002\)\. At most 20 characters\./);
  });

  test('tabs and line breaks are text', async () => {
    const answer = await post({
      query: 'query($region: String) { localAuthorities(region: $region) { name } }',
      variables: { region: 'E1\t\n' },
    });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // not a region, but no refusal of the characters
    expect(answer.body.errors![0]!.message).not.toMatch(/control character/);
  });

  test('error messages quote at most a short prefix of what was sent (a 900 KB region)', async () => {
    const huge = 'x'.repeat(900_000);
    const answer = await post({ query: '{ regions { code } }', variables: { unused: huge } });
    expect(answer.status).toBe(200);
    const refused = await post({ query: 'query($r: Int) { regions { code } }', variables: { r: huge } });
    expect(refused.status).toBe(400);
    expect(refused.text.length).toBeLessThan(1_000);
    const literal = await post({ query: `{ localAuthorities(region: 1${'2'.repeat(100_000)}) { name } }` });
    expect(literal.status).toBe(400);
    expect(literal.text.length).toBeLessThan(1_000);
  });
});

describe('every answer is GraphQL-shaped, refusals included', () => {
  const shaped = (answer: { body: Answer['body'] }, code: string) => {
    expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code }) }] });
  };

  test('a body over the limit is a 413', async () => {
    const response = await api
      .request()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ regions { code } } #${'x'.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
    shaped(response, 'PAYLOAD_TOO_LARGE');
  });

  test('a body that is not JSON is a 400', async () => {
    const response = await api.request().post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(response.status).toBe(400);
    shaped(response, 'BAD_REQUEST');
  });

  test('an unsupported media type is a 415', async () => {
    const response = await api.request().post('/graphql').set('content-type', 'application/xml').send('<query/>');
    expect(response.status).toBe(415);
    shaped(response, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('an unknown path is a 404', async () => {
    const response = await api.request().get('/../../etc/passwd');
    expect(response.status).toBe(404);
    shaped(response, 'NOT_FOUND');
  });

  test('an automatic persisted query whose hash does not match is a 400, not an internal error', async () => {
    const answer = await post({
      query: '{ regions { code } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_REQUEST');
  });

  test('security headers are sent, and no CORS header by default', async () => {
    const response = await api.request().get('/healthz').set('origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('production settings', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ production: true, corsOrigins: ['https://reports.example.gov.uk'] });
  });
  afterAll(() => production.close());

  test('field suggestions are hidden', async () => {
    const answer = await post({ query: '{ regoins { code } }' }, null, production);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/Did you mean/);
    const development = await post({ query: '{ regoins { code } }' });
    expect(development.text).toMatch(/Did you mean/);
  });

  test('introspection is off', async () => {
    const answer = await post({ query: '{ __schema { types { name } } }' }, null, production);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
  });

  test('CORS answers only the allowed origins', async () => {
    const allowed = await production
      .request()
      .options('/graphql')
      .set('origin', 'https://reports.example.gov.uk')
      .set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://reports.example.gov.uk');
    const other = await production
      .request()
      .options('/graphql')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ limits: withLimits({ ...TEST_LIMITS, rateLimit: { anonymous: 3, signedIn: 5, windowMs: 1_500 } }) });
  });
  afterAll(() => limited.close());

  test('anonymous callers are limited per address: 429 with Retry-After and a GraphQL-shaped body, then the window resets', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post({ query: '{ regions { code } }' }, null, limited));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    const refused = answers[3]!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      errors: [{ message: expect.stringMatching(/Too many requests/), extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }],
    });
    expect((answers[1]!.body.extensions!.cost as { rateLimit: { remaining: number; limit: number } }).rateLimit).toMatchObject({
      limit: 3,
      remaining: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await post({ query: '{ regions { code } }' }, null, limited)).status).toBe(200);
  });

  test('signed-in callers are limited per token subject, not per address, with their own budget', async () => {
    const alice = await limited.tokenFor(Role.INSPECTOR, { subject: 'alice', region: TEST_REGION });
    const bob = await limited.tokenFor(Role.INSPECTOR, { subject: 'bob', region: TEST_REGION });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post({ query: '{ regions { code } }' }, alice, limited)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await post({ query: '{ regions { code } }' }, bob, limited)).status).toBe(200);
  });

  test('a forged token does not buy its own budget: it is refused and counted against the address', async () => {
    const forged = await post({ query: '{ regions { code } }' }, 'not.a.token', limited);
    expect(forged.status).toBe(401);
  });

  test('/healthz is never rate limited', async () => {
    for (let i = 0; i < 6; i += 1) expect((await limited.request().get('/healthz')).status).toBe(200);
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('rate limits shared through Redis (needs REDIS_URL; skipped without it)', () => {
  test('two instances share one budget', async () => {
    const redis = new Redis(redisUrl!, { maxRetriesPerRequest: 1 });
    const redisPrefix = `test-rate-${randomBytes(4).toString('hex')}:`;
    const limits = withLimits({ ...TEST_LIMITS, rateLimit: { anonymous: 4, signedIn: 4, windowMs: 30_000 } });
    const first = await buildApp({ orm: api.orm, clock: api.clock, auth: TEST_AUTH, limits, redis, redisPrefix });
    const second = await buildApp({ orm: api.orm, clock: api.clock, auth: TEST_AUTH, limits, redis, redisPrefix });
    try {
      await first.ready();
      await second.ready();
      const ask = (app: typeof first) =>
        supertest(app.server).post('/graphql').set('content-type', 'application/json').send({ query: '{ regions { code } }' });
      const statuses = [];
      for (const app of [first, second, first, second, first, second]) statuses.push((await ask(app)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await first.close();
      await second.close();
      await redis.quit();
    }
  });
});

describe('load shedding', () => {
  test('past the heap threshold every request is answered 503 with Retry-After, GraphQL-shaped, and the process lives', async () => {
    const shedding = await startTestApp({
      limits: withLimits({
        ...TEST_LIMITS,
        overload: { maxEventLoopDelayMs: 0, maxHeapUsedBytes: 1, retryAfterSeconds: 7, sampleIntervalMs: 5 },
      }),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = await post({ query: '{ regions { code } }' }, null, shedding);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('7');
      expect(answer.body).toEqual({
        errors: [{ message: expect.stringMatching(/overloaded/), extensions: expect.objectContaining({ code: 'OVERLOADED' }) }],
      });
    } finally {
      await shedding.close();
    }
  });
});
