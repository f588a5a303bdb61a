import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { projectRoot } from '../src/paths';

/** The ConfigError that loading `env` throws (fails the test if nothing is thrown). */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('loadConfig', () => {
  test('an empty environment gives the defaults', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 4000,
      LOG_LEVEL: 'info',
      EMBEDDED_PG_DIR: path.join(projectRoot, '.data', 'pg'),
      DEMO_PROVIDERS: 300,
      SEED: 20261123,
      DB_POOL_MAX: 10,
      SHUTDOWN_GRACE_MS: 10_000,
      AUTH_ISSUER: 'ofsted-inspection-api',
      AUTH_AUDIENCE: 'ofsted-inspection-api',
      WEBHOOK_WORKER: 'on',
      WEBHOOK_TIMEOUT_MS: 5_000,
      WEBHOOK_RETRY_BASE_MS: 30_000,
      WEBHOOK_MAX_ATTEMPTS: 12,
      DB_STATEMENT_TIMEOUT_MS: 30_000,
      QUERY_COST_ANONYMOUS: 50_000,
      QUERY_COST_SIGNED_IN: 250_000,
      QUERY_MAX_DEPTH: 12,
      QUERY_MAX_ALIASES: 30,
      QUERY_MAX_DIRECTIVES: 20,
      QUERY_MAX_TOKENS: 5_000,
      RATE_LIMIT_ANONYMOUS: 300,
      RATE_LIMIT_SIGNED_IN: 1_200,
      RATE_LIMIT_WINDOW_MS: 60_000,
      MANAGER_VACANCY_WEEKS: 26,
      MANAGER_VACANCY_INTERIM_READING: 'LIMITING',
      REGULATION_40_DELAYED_AFTER_DAYS: 1,
      REGULATION_40_ASSESSMENT_DAYS: 7,
      REGULATION_40_ASSESSMENT_DAYS_COUNTED: 'CALENDAR',
      REGULATION_40_CHILD_PROTECTION_OUTCOME_DAYS: 28,
      REGULATION_40_GROWING_PICTURE_COUNT: 3,
      OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 1_000,
      BODY_LIMIT_BYTES: 1_048_576,
      REQUEST_TIMEOUT_MS: 30_000,
      CORS_ORIGINS: [],
      PUBLIC_ANSWER_CACHE_MB: 32,
      PUBLIC_ANSWER_CACHE_TTL_S: 300,
      PUBLIC_CACHE_MAX_AGE_S: 60,
      HEAP_GROWTH_PERCENT: 50,
      GRAPHQL_COMPILE_AFTER_RUNS: 1,
      RETURN_VISIT_ANCHOR: 'END_OF_INSPECTION',
    });
  });

  test('GRAPHQL_COMPILE_AFTER_RUNS takes a count of runs or never (graphql-js only)', () => {
    expect(loadConfig({ GRAPHQL_COMPILE_AFTER_RUNS: '0' }).GRAPHQL_COMPILE_AFTER_RUNS).toBe(0);
    expect(loadConfig({ GRAPHQL_COMPILE_AFTER_RUNS: 'never' }).GRAPHQL_COMPILE_AFTER_RUNS).toBeNull();
    expect(configError({ GRAPHQL_COMPILE_AFTER_RUNS: 'sometimes' }).message).toContain('GRAPHQL_COMPILE_AFTER_RUNS');
    expect(configError({ GRAPHQL_COMPILE_AFTER_RUNS: '-1' }).message).toContain('GRAPHQL_COMPILE_AFTER_RUNS');
  });

  test('the edge settings (README, "Limits") are checked: CORS origins, proxies, Redis, the token lifetime', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example:8443' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ QUERY_MAX_DEPTH: '1' })).toThrow(/QUERY_MAX_DEPTH/);
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '90m' }).AUTH_MAX_TOKEN_LIFETIME).toBe(5_400);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_LIFETIME: '30d' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
  });

  test('the webhook settings are checked: a worker switch, bounded timeouts and attempts', () => {
    expect(() => loadConfig({ WEBHOOK_WORKER: 'maybe' })).toThrow(/WEBHOOK_WORKER/);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '5' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
    expect(loadConfig({ WEBHOOK_ALLOW_LOOPBACK: 'false' }).WEBHOOK_ALLOW_LOOPBACK).toBe('false');
  });

  test('AUTH_JWT_SECRET must be long enough to sign with; AUTH_JWKS_URL must be a URL', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' })).toThrow(/AUTH_JWKS_URL/);
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) }).AUTH_JWT_SECRET).toHaveLength(32);
  });

  test('DATABASE_URL is optional', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });

  test('numbers are read from their string form', () => {
    const config = loadConfig({ PORT: '8080', DEMO_PROVIDERS: '0', DB_POOL_MAX: '25', SHUTDOWN_GRACE_MS: '500' });
    expect(config).toMatchObject({ PORT: 8080, DEMO_PROVIDERS: 0, DB_POOL_MAX: 25, SHUTDOWN_GRACE_MS: 500 });
  });

  test('variables it does not know are ignored', () => {
    expect(loadConfig({ HOME: '/root', PATH: '/usr/bin' })).not.toHaveProperty('HOME');
  });

  test.each(['abc', '70000', '-1', '80.5'])('PORT=%s throws a ConfigError naming PORT', (PORT) => {
    const error = configError({ PORT });
    expect(error.message).toContain('PORT');
    expect(error.message).toMatch(/^Invalid configuration:/);
  });

  // An empty value (e.g. `PORT=` in an env file) means "not set": the default applies, never port 0
  // (a random port), and never 0 settings or seed 0.
  test.each(['', ' '])('PORT=%j is read as unset: the default port, not port 0', (PORT) => {
    expect(loadConfig({ PORT }).PORT).toBe(4000);
    expect(loadConfig({ PORT, DEMO_PROVIDERS: '', SEED: '' })).toMatchObject({ DEMO_PROVIDERS: 300, SEED: 20261123 });
  });

  test.each(['0', '65535'])('PORT=%s is within range', (PORT) => {
    expect(loadConfig({ PORT }).PORT).toBe(Number(PORT));
  });

  test.each(['mysql://x', 'not a url', 'http://localhost:5432/db'])(
    'DATABASE_URL=%j throws a ConfigError naming DATABASE_URL',
    (DATABASE_URL) => {
      expect(configError({ DATABASE_URL }).message).toContain('DATABASE_URL');
    },
  );

  test.each(['postgres://user:secret@localhost:5432/ofsted', 'postgresql://localhost/ofsted'])(
    'the postgres URL %s is accepted',
    (DATABASE_URL) => {
      expect(loadConfig({ DATABASE_URL }).DATABASE_URL).toBe(DATABASE_URL);
    },
  );

  test('LOG_LEVEL=loud throws a ConfigError naming LOG_LEVEL', () => {
    expect(configError({ LOG_LEVEL: 'loud' }).message).toContain('LOG_LEVEL');
  });

  test.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])('LOG_LEVEL=%s is accepted', (LOG_LEVEL) => {
    expect(loadConfig({ LOG_LEVEL }).LOG_LEVEL).toBe(LOG_LEVEL);
  });

  test('NODE_ENV must be one of development, production or test', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).NODE_ENV).toBe('production');
    expect(configError({ NODE_ENV: 'staging' }).message).toContain('NODE_ENV');
  });

  test('every bad variable is named in one error', () => {
    const message = configError({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }).message;
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('DATABASE_URL');
  });

  test('out-of-range pool size and demo provider counts are rejected', () => {
    expect(configError({ DB_POOL_MAX: '0' }).message).toContain('DB_POOL_MAX');
    expect(configError({ DEMO_PROVIDERS: '20001' }).message).toContain('DEMO_PROVIDERS');
  });

  test("CHA-166 Regulation 40's seven days may be counted in working days; no other unit is accepted", () => {
    expect(loadConfig({ REGULATION_40_ASSESSMENT_DAYS_COUNTED: 'WORKING' }).REGULATION_40_ASSESSMENT_DAYS_COUNTED).toBe('WORKING');
    expect(configError({ REGULATION_40_ASSESSMENT_DAYS_COUNTED: 'WEEKS' }).message).toContain('REGULATION_40_ASSESSMENT_DAYS_COUNTED');
    expect(configError({ REGULATION_40_GROWING_PICTURE_COUNT: '0' }).message).toContain('REGULATION_40_GROWING_PICTURE_COUNT');
  });
});
