/**
 * The API under test: the real app factory on a database of this test file's own, built by the
 * real migrations, driven over HTTP with supertest and the typed documents from codegen.
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FastifyInstance } from 'fastify';
import { print, type GraphQLFormattedError } from 'graphql';
import supertest from 'supertest';
import { Role } from '../../src/domain/access';
import { FixedClock } from '../../src/domain/clock';
import { signToken } from '../../src/modules/auth/auth.service';
import { buildApp } from '../../src/server/app';
import { compileAfterRuns } from '../../src/config';
import type { CompileAfterRuns } from '../../src/server/executor';
import type { SchedulingPolicy } from '../../src/domain/scheduling';
import { withLimits, type EdgeLimits } from '../../src/server/limits';
import { connectToDatabase, createMigratedDatabase, type TestDatabase } from './database';
import type { ManagerVacancyPolicy } from '../../src/domain/judgements';

/** How tokens are signed and checked in the tests. */
export const TEST_AUTH = {
  secret: 'test-secret-test-secret-test-secret-0123',
  issuer: 'ofsted-inspection-api',
  audience: 'ofsted-inspection-api',
};

/** The limits the API tests run under. */
export const TEST_LIMITS = withLimits({
  rateLimit: { anonymous: 0, signedIn: 0 },
  overload: { maxEventLoopDelayMs: 0, maxHeapUsedBytes: 0 },
});

/** "Today" in the tests unless a test moves the clock. */
export const TEST_NOW = new Date('2026-11-23T10:00:00Z');

export interface GraphQLResponse<R> {
  status: number;
  data: R | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
}

export interface TestApp {
  app: FastifyInstance;
  orm: MikroORM;
  clock: FixedClock;
  database: TestDatabase;
  request: () => supertest.Agent;
  /**
   * Sends a typed document as a regulatory inspection manager, or with `token` (null: none, as the
   * public); fails the test on any GraphQL error unless `allowErrors`.
   */
  gql<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: { allowErrors?: boolean; token?: string | null },
  ): Promise<GraphQLResponse<R>>;
  /** Moves the clock to noon (UTC) on `day` (YYYY-MM-DD); a test file that moves it puts it back to TEST_NOW after each test. */
  setToday(day: string): void;
  /** A signed token for a role, as the tests' identity provider would issue it. */
  tokenFor(role: Role, options?: TokenOptions): Promise<string>;
  /** The same API, sending `token` by default instead of the North West manager's. */
  as(token: string | null): TestApp;
  /** A regulatory inspection manager of this region (the default caller is the North West's). */
  managerOf(region: string): Promise<TestApp>;
  /** An admin: the whole register, no inspection content. */
  admin(): Promise<TestApp>;
  /** The provider of these settings. */
  providerOf(...urns: string[]): Promise<TestApp>;
  /** Runs `fn` and returns the SQL statements the ORM sent meanwhile to serve it (the audit trail's insert left out). */
  statements(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export interface TokenOptions {
  subject?: string;
  region?: string;
  urns?: string[];
  localAuthority?: string;
  expiresIn?: string;
}

/** The North West: the default caller's region, and the region of the default test setting (Manchester). */
export const TEST_REGION = 'E12000002';

export interface TestAppOptions {
  /** Limits other than TEST_LIMITS. */
  limits?: EdgeLimits;
  production?: boolean;
  corsOrigins?: string[];
  /** A second instance of the API on that app's database (its own ORM, pool and caches), as in a deployment of several. */
  sameDatabaseAs?: TestApp;
  /** How a long registered manager vacancy is read, where not Annex N's default. */
  managerVacancy?: ManagerVacancyPolicy;
  /** What CH-179's return is counted from, where not the end of the inspection. */
  scheduling?: SchedulingPolicy;
  /** Runs on graphql-js before a query is compiled; GRAPHQL_COMPILE_AFTER_RUNS, or 0, otherwise. */
  compileAfterRuns?: CompileAfterRuns;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let recording: string[] | null = null;
  const onQuery = (message: string) => {
    if (recording && message.startsWith('[query]') && !message.includes('"audit_entry"')) recording.push(message);
  };
  const migrated = options.sameDatabaseAs
    ? await connectToDatabase(options.sameDatabaseAs.database, onQuery)
    : await createMigratedDatabase({ onQuery });
  const { orm, database } = migrated;
  const clock = new FixedClock(TEST_NOW);
  // The default limits, except the rate limit and load shedding: a test file sends hundreds of
  // requests from one address on a busy machine (test/api/hardening.test.ts tests those two).
  const app = await buildApp({
    orm,
    clock,
    auth: TEST_AUTH,
    webhooks: { allowLoopback: true },
    limits: options.limits ?? TEST_LIMITS,
    production: options.production,
    corsOrigins: options.corsOrigins,
    managerVacancy: options.managerVacancy,
    scheduling: options.scheduling,
    // Every query compiled from its first run (the path a repeated query takes), unless
    // GRAPHQL_COMPILE_AFTER_RUNS says otherwise: .ci/run runs the suite again with `never` (graphql-js).
    compileAfterRuns:
      options.compileAfterRuns !== undefined
        ? options.compileAfterRuns
        : compileAfterRuns.parse(process.env.GRAPHQL_COMPILE_AFTER_RUNS ?? 0),
  });
  const tokenFor = (role: Role, options: TokenOptions = {}) =>
    signToken(TEST_AUTH, { subject: options.subject ?? `test-${role.toLowerCase()}`, role, ...options });
  const staffToken = await tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION });
  await app.ready();
  const request = () => supertest.agent(app.server);

  const withDefaultToken = (defaultToken: string | null): TestApp => ({
    app,
    orm,
    clock,
    database,
    request,
    setToday: (day) => clock.set(new Date(`${day}T12:00:00Z`)),
    tokenFor,
    as: withDefaultToken,
    managerOf: async (region) => withDefaultToken(await tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region })),
    admin: async () => withDefaultToken(await tokenFor(Role.ADMIN)),
    providerOf: async (...urns) => withDefaultToken(await tokenFor(Role.PROVIDER, { urns })),
    async gql(document, variables, options) {
      const token = options?.token === undefined ? defaultToken : options.token;
      const call = request().post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query: print(document), variables: variables ?? {} });
      const body = response.body as { data?: unknown; errors?: GraphQLFormattedError[] };
      if (!options?.allowErrors && body.errors?.length) {
        throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      }
      return { status: response.status, data: body.data as never, errors: body.errors };
    },
    async statements(fn) {
      recording = [];
      try {
        await fn();
        return recording;
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
      await migrated.close();
    },
  });
  return withDefaultToken(staffToken);
}

/**
 * Posts a GraphQL request as JSON, untyped (for what `gql` cannot send or check), with `Bearer token`
 * when a token is given; returns supertest's response.
 */
export function postGraphQL(
  api: Pick<TestApp, 'request'>,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string | null,
) {
  const call = api.request().post('/graphql').set('content-type', 'application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  return call.send(body);
}

/**
 * The API for the tests of this file: started before them (beforeAll) and closed after them
 * (afterAll). Call it once at the top level of a test file; the object it returns stands for the
 * started API inside hooks and tests.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!started) throw new Error('The test app starts in beforeAll: use it inside a hook or a test');
      return started[key as keyof TestApp];
    },
  });
}
