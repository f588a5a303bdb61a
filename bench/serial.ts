/**
 * Serial timings over HTTP, one request at a time, against a server in this process: listing the
 * register, lookups, what is due, the public lists and the feed (p50/p95/max of each).
 */
import { performance } from 'node:perf_hooks';

function summarise(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  process.stdout.write(
    `${name.padEnd(58)} n=${String(samples.length).padStart(4)}  p50=${at(0.5)} ms  p95=${at(0.95)} ms  max=${at(1)} ms\n`,
  );
}

/** `token` is an admin's (the register is national), `managerToken` a North West manager's (what is due). */
export async function serialTimings(address: string, token: string, managerToken: string, iterations: number): Promise<void> {
  let started: number;
  const post = async (query: string, variables: Record<string, unknown> = {}, bearer = token) => {
    const response = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, read only to time them
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
    for (let i = 0; i < iterations; i++) {
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
  await timed('providers(first: 100, filter: {region: North West})', () =>
    post(listQuery, { first: 100, filter: { region: 'E12000002' } }),
  );
  await timed('provider(urn:) with LA and region', (i) =>
    post('query($urn: String!) { provider(urn: $urn) { urn localAuthority { name } region { name } } }', {
      urn: urns[(i * 37) % urns.length],
    }),
  );
  const dueQuery = `query($before: LocalDate!, $region: String) { inspectionsDue(before: $before, region: $region, first: 100) { edges { node { provider { urn } due { kind latest } } } } }`;
  started = performance.now();
  const allDue = await post(dueQuery, { before: '2030-01-01' }, managerToken);
  process.stdout.write(
    `inspectionsDue for every open setting in the manager's region (first page of ${allDue.inspectionsDue.edges.length}): ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  const benchIterations = Math.min(iterations, 50);
  const dueSamples: number[] = [];
  for (let i = 0; i < benchIterations; i++) {
    const t = performance.now();
    await post(dueQuery, { before: '2030-01-01', region: 'E12000002' }, managerToken);
    dueSamples.push(performance.now() - t);
  }
  summarise('inspectionsDue(region: North West)', dueSamples);
  await timed('publicReports(region: North West, first: 50)', () =>
    post(
      'query($region: String) { publicReports(region: $region, first: 50) { edges { node { urn judgements { overallExperiencesAndProgress } sections { text } } } } }',
      { region: 'E12000002' },
    ),
  );
  await timed('publicReport(urn:)', (i) =>
    post('query($urn: String!) { publicReport(urn: $urn) { urn publishedOn } }', { urn: urns[(i * 53) % urns.length] }),
  );
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
}
