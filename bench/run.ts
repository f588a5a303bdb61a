/**
 * npm run bench: the register at national scale. Seeds 4,000 synthetic settings into a fresh
 * database (embedded PostgreSQL in .data/bench-pg, deleted afterwards, or a database created on
 * the server of DATABASE_URL), starts the real server on a free port and times GraphQL requests
 * over HTTP. Prints one line per measurement; no thresholds here (timings vary by machine).
 */
import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate } from '../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres';
import { ormConfig } from '../src/db/orm-config';
import { seedSyntheticRegister } from '../src/db/seed';
import { systemClock } from '../src/domain/clock';
import { projectRoot } from '../src/paths';
import { buildApp } from '../src/server/app';
import { Role } from '../src/domain/access';
import { signToken } from '../src/modules/auth/auth.service';

const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 4000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

function summarise(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  process.stdout.write(`${name.padEnd(58)} n=${String(samples.length).padStart(4)}  p50=${at(0.5)} ms  p95=${at(0.95)} ms  max=${at(1)} ms\n`);
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(projectRoot, '.data', 'bench-pg'), persistent: false });
    adminUrl = embedded.url;
  }
  const dbName = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const orm = await MikroORM.init(ormConfig({ clientUrl: url.toString() }));
  try {
    await migrate(orm);
    let started = performance.now();
    const counts = await seedSyntheticRegister(orm.em.fork(), { providers: PROVIDERS, seed: 20261123 });
    process.stdout.write(
      `seed ${counts.providers} settings, ${counts.appointments} appointments, ${counts.publishedReports} published reports: ${(performance.now() - started).toFixed(0)} ms\n`,
    );

    const auth = { secret: 'bench-secret-bench-secret-bench-secret-01', issuer: 'bench', audience: 'bench' };
    const app = await buildApp({ orm, clock: systemClock, auth });
    const token = await signToken(auth, { subject: 'bench', role: Role.REGULATORY_INSPECTION_MANAGER });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${address}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const listQuery = `query($first: Int, $after: String, $filter: ProviderFilter) {
      providers(first: $first, after: $after, filter: $filter) {
        edges { node { urn name localAuthority { name } region { name } registeredProvider { name } registeredManager { name } managerVacancies { weeks } } }
        pageInfo { hasNextPage endCursor }
      } }`;

    for (let i = 0; i < 20; i++) await post(listQuery, { first: 100 }); // warm-up

    const timed = async (name: string, run: (i: number) => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const t = performance.now();
        await run(i);
        samples.push(performance.now() - t);
      }
      summarise(name, samples);
    };
    const urns: string[] = [];
    let after: string | null = null;
    started = performance.now();
    do {
      const data = await post(listQuery, { first: 100, after });
      urns.push(...data.providers.edges.map((e: { node: { urn: string } }) => e.node.urn));
      after = data.providers.pageInfo.hasNextPage ? data.providers.pageInfo.endCursor : null;
    } while (after);
    process.stdout.write(`walk the whole register, 100 a page (${urns.length} settings): ${(performance.now() - started).toFixed(0)} ms\n`);

    await timed('providers(first: 100) with LA, region, provider, manager', () => post(listQuery, { first: 100 }));
    await timed('providers(first: 100, filter: {region: North West})', () => post(listQuery, { first: 100, filter: { region: 'E12000002' } }));
    await timed('provider(urn:) with LA and region', (i) =>
      post('query($urn: String!) { provider(urn: $urn) { urn localAuthority { name } region { name } } }', { urn: urns[(i * 37) % urns.length] }),
    );
    const dueQuery = `query($before: LocalDate!, $region: String) { inspectionsDue(before: $before, region: $region, first: 100) { edges { node { provider { urn } due { kind latest } } } } }`;
    started = performance.now();
    const allDue = await post(dueQuery, { before: '2030-01-01' });
    process.stdout.write(`inspectionsDue for every open setting in England (first page of ${allDue.inspectionsDue.edges.length}): ${(performance.now() - started).toFixed(0)} ms\n`);
    const benchIterations = Math.min(ITERATIONS, 50);
    const dueSamples: number[] = [];
    for (let i = 0; i < benchIterations; i++) {
      const t = performance.now();
      await post(dueQuery, { before: '2030-01-01', region: 'E12000002' });
      dueSamples.push(performance.now() - t);
    }
    summarise('inspectionsDue(region: North West)', dueSamples);
    await timed('publicReports(region: North West, first: 50)', () =>
      post('query($region: String) { publicReports(region: $region, first: 50) { edges { node { urn judgements { overallExperiencesAndProgress } sections { text } } } } }', { region: 'E12000002' }),
    );
    await timed('publicReport(urn:)', (i) => post('query($urn: String!) { publicReport(urn: $urn) { urn publishedOn } }', { urn: urns[(i * 53) % urns.length] }));
    const memory = process.memoryUsage();
    process.stdout.write(`memory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB\n`);
    await app.close();
  } finally {
    await orm.close();
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
