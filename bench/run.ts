/**
 * npm run bench: the register at national scale. Seeds 4,000 synthetic settings into a fresh
 * database (embedded PostgreSQL in .data/bench-pg, deleted afterwards, or a database created on
 * the server of DATABASE_URL), starts the real server on a free port and times GraphQL requests
 * over HTTP, then streams the bulk exports (time, size, peak memory growth). Prints one line per
 * measurement; no thresholds here (timings vary by machine).
 */
import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate } from '../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres';
import { ormConfig } from '../src/db/orm-config';
import { seedFeed, seedSyntheticRegister } from '../src/db/seed';
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

/** A full garbage collection, so that memory growth is measured from a settled heap. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Reads a download to the end as a client would, dropping the body: its size and line count. */
async function drain(url: string): Promise<{ bytes: number; lines: number }> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
  }
  return { bytes, lines };
}

/**
 * Streams each bulk export (server and client share this process). A first pass times it and
 * samples RSS and heap every 2 ms (peak growth over a settled start; the heap's includes garbage
 * not yet collected). A second pass forces a full collection every 100 ms and keeps the largest
 * heap left: what the export really holds at once, which must not grow with its size.
 */
async function streamExports(address: string): Promise<void> {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  for (const [name, path] of [
    ['providers.csv, whole register', '/exports/providers.csv'],
    ['reports.jsonl, whole register', '/exports/reports.jsonl'],
    ['providers.csv, North West', '/exports/providers.csv?region=E12000002'],
    ['reports.jsonl, North West', '/exports/reports.jsonl?region=E12000002'],
  ]) {
    collectGarbage();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sample = () => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    };
    const sampler = setInterval(sample, 2);
    const started = performance.now();
    const { bytes, lines } = await drain(`${address}${path}`);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    sample();

    collectGarbage();
    const settled = process.memoryUsage().heapUsed;
    let live = settled;
    const collector = setInterval(() => {
      collectGarbage();
      live = Math.max(live, process.memoryUsage().heapUsed);
    }, 100);
    await drain(`${address}${path}`);
    clearInterval(collector);
    process.stdout.write(
      `export ${name.padEnd(31)} ${String(lines).padStart(5)} lines ${mb(bytes).padStart(5)} MB ${elapsed.toFixed(0).padStart(5)} ms  ` +
        `peak RSS +${mb(peakRss - baseline.rss)} MB, peak heap +${mb(peakHeap - baseline.heapUsed)} MB, live heap +${mb(live - settled)} MB\n`,
    );
  }
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
    started = performance.now();
    const feedReports = await seedFeed(orm.em.fork());
    process.stdout.write(`feed of ${feedReports} publications (two events each): ${(performance.now() - started).toFixed(0)} ms\n`);

    const auth = { secret: 'bench-secret-bench-secret-bench-secret-01', issuer: 'bench', audience: 'bench' };
    const app = await buildApp({ orm, clock: systemClock, auth });
    // The register is national (an admin's); what is due needs inspection records, which only staff of a region read.
    const token = await signToken(auth, { subject: 'bench', role: Role.ADMIN });
    const managerToken = await signToken(auth, { subject: 'bench-manager', role: Role.REGULATORY_INSPECTION_MANAGER, region: 'E12000002' });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const post = async (query: string, variables: Record<string, unknown> = {}, bearer = token) => {
      const response = await fetch(`${address}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
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
    const allDue = await post(dueQuery, { before: '2030-01-01' }, managerToken);
    process.stdout.write(`inspectionsDue for every open setting in the manager's region (first page of ${allDue.inspectionsDue.edges.length}): ${(performance.now() - started).toFixed(0)} ms\n`);
    const benchIterations = Math.min(ITERATIONS, 50);
    const dueSamples: number[] = [];
    for (let i = 0; i < benchIterations; i++) {
      const t = performance.now();
      await post(dueQuery, { before: '2030-01-01', region: 'E12000002' }, managerToken);
      dueSamples.push(performance.now() - t);
    }
    summarise('inspectionsDue(region: North West)', dueSamples);
    await timed('publicReports(region: North West, first: 50)', () =>
      post('query($region: String) { publicReports(region: $region, first: 50) { edges { node { urn judgements { overallExperiencesAndProgress } sections { text } } } } }', { region: 'E12000002' }),
    );
    await timed('publicReport(urn:)', (i) => post('query($urn: String!) { publicReport(urn: $urn) { urn publishedOn } }', { urn: urns[(i * 53) % urns.length] }));
    const feedQuery = `query($after: String, $localAuthority: String, $types: [FeedEventType!]) {
      judgementFeed(after: $after, localAuthority: $localAuthority, types: $types, first: 500) {
        edges { node { id type urn occurredOn report { judgements { overallExperiencesAndProgress } } } } pageInfo { endCursor hasNextPage } } }`;
    let cursor: string | null = null;
    let events = 0;
    started = performance.now();
    for (;;) {
      const data = await post(feedQuery, { after: cursor }, '');
      events += data.judgementFeed.edges.length;
      cursor = data.judgementFeed.pageInfo.endCursor;
      if (!data.judgementFeed.pageInfo.hasNextPage) break;
    }
    process.stdout.write(`read the national judgement feed, 500 a page (${events} events): ${(performance.now() - started).toFixed(0)} ms\n`);
    await timed('judgementFeed(localAuthority: Manchester, types: [JUDGEMENT_PUBLISHED], first: 500)', () =>
      post(feedQuery, { localAuthority: 'E08000003', types: ['JUDGEMENT_PUBLISHED'] }, ''),
    );
    await timed('judgementFeed(after: end) (polling with nothing new)', () => post(feedQuery, { after: cursor }, ''));
    await streamExports(address);
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
