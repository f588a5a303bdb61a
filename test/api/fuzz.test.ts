/**
 * Hardening (issue 13): a fuzzer that builds random GraphQL operations from the introspected schema
 * and sends them, as every caller, to the real app on a seeded register; whatever it sends, the
 * server must never fault:
 *
 *   - no 5xx (a 503 with Retry-After, the overload answer, is allowed: it should not happen here);
 *   - no error with extensions.code INTERNAL_SERVER_ERROR;
 *   - nothing in the answer that leaks the inside: stack frames, source locations, SQL text or
 *     PostgreSQL messages, file paths (test/support/fuzz.ts, LEAK_DETECTORS);
 *   - an answer within FUZZ_SLOW_MS (5 s by default).
 *
 * Every query and mutation is sent at least once as each caller (anonymous and every role), then
 * random operations follow for the callers that may use them. Operations select random fields to a
 * random depth (at most 6, through the schema's cycles too) with a bounded fan-out (small `first`
 * most of the time), with aliases and fragments, and arguments inline or as variables: real IDs,
 * URNs, cursors and ONS codes from the seeded data, and hostile values (empty, 10k+ characters, NUL
 * and other control characters, lone surrogates, SQL meta characters, Int limits, huge `first`,
 * malformed IDs and cursors, nulls) and, rarely, values of the wrong type that must be refused.
 *
 * Mutations get, most of the time, a known-good input from a small corpus (the seed data's own
 * records in every state a workflow passes through) with one or a few of its values made hostile,
 * so that a hostile value gets past the checks that come first and reaches the service and the
 * database; the rest of the time their input is random like everything else.
 *
 * It is seeded: FUZZ_SEED=<integer> picks another seed (the default, 1313, is fixed, so a run is
 * repeatable), and each failure names the seed, the operation's number, the caller, the hostile
 * inputs, the operation and its answer. FUZZ_RUNS=<n> scales the number of operations (600 by
 * default; never fewer than one per caller and root field, 378 today). FUZZ_SLOW_MS=<ms> sets what
 * counts as too slow; FUZZ_TIME_BUDGET_MS=<ms> (45 s) where the run stops whatever is left;
 * FUZZ_LOG=<file> writes every operation and its answer there, one JSON object a line. The run
 * also stops when the server has stopped serving (8 answers in a row 5xx or none), and names the
 * operations just before as the suspects.
 *
 *   npx jest test/api/fuzz.test.ts
 *   FUZZ_SEED=7 FUZZ_RUNS=2000 FUZZ_TIME_BUDGET_MS=120000 npx jest test/api/fuzz.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { projectRoot } from '../../src/paths';
import { startTestApp, type TestApp } from '../support/app';
import {
  abbreviate,
  abbreviateJson,
  CALLERS,
  classify,
  errorCodes,
  faultsIn,
  FuzzPools,
  OperationGenerator,
  operationSeed,
  REFUSED_AS_INVALID,
  Rng,
  seedFuzzData,
  type Answer,
  type Caller,
  type Fault,
  type FuzzData,
  type GeneratedOperation,
  type Kind,
  type Outcome,
} from '../support/fuzz';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(raw)}`);
  return value;
}

/** The seed of the run (FUZZ_SEED overrides it). */
const SEED = intFromEnv('FUZZ_SEED', 1313);
/** Operations in the run (FUZZ_RUNS overrides it); at least one per caller and root field. */
const RUNS = intFromEnv('FUZZ_RUNS', 600);
/** An answer slower than this is a fault. */
const SLOW_MS = intFromEnv('FUZZ_SLOW_MS', 5_000);
/** Past this the run stops, wherever it is (a sweep cut short fails the coverage test). */
const TIME_BUDGET_MS = intFromEnv('FUZZ_TIME_BUDGET_MS', 45_000);
const REQUEST_TIMEOUT_MS = 10_000;
/** This many operations in a row answered 5xx or not at all: the server has stopped serving, and the run stops. */
const BREAKER = 8;
/** FUZZ_LOG=<file> writes every operation and its answer there, one JSON object a line. */
const LOG_FILE = process.env.FUZZ_LOG;

interface Sent {
  index: number;
  caller: Caller;
  op: GeneratedOperation;
  sweep: boolean;
  outcome: Outcome;
  answer: Answer;
  faults: Fault[];
}

let api: TestApp;
let data: FuzzData;
const sent: Sent[] = [];
let rootFields: Record<Kind, string[]>;
let stoppedEarly: string | null = null;
let runMs = 0;
let setupMs = 0;

async function introspectedSchema(): Promise<GraphQLSchema> {
  const response = await api.request().post('/graphql').set('content-type', 'application/json').send({ query: getIntrospectionQuery() });
  const body = response.body as { data?: IntrospectionQuery };
  if (body.data) return buildClientSchema(body.data);
  // introspection turned off: the committed public contract instead
  return buildSchema(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
}

async function send(caller: Caller, op: GeneratedOperation): Promise<Answer> {
  const call = api
    .request()
    .post('/graphql')
    .set('content-type', 'application/json')
    .timeout({ response: REQUEST_TIMEOUT_MS, deadline: REQUEST_TIMEOUT_MS + 5_000 });
  const token = data.tokens.get(caller);
  if (token) call.set('authorization', `Bearer ${token}`);
  const started = performance.now();
  try {
    const response = await call.send({ query: op.text, variables: op.variables });
    const ms = Math.round(performance.now() - started);
    const text = response.text ?? '';
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      body = null;
    }
    return { status: response.status, text, body, ms, headers: response.headers as Record<string, string> };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const e = error as Error & { timeout?: number; code?: string };
    return {
      status: 0,
      text: '',
      body: null,
      ms,
      headers: {},
      transportError: e.timeout ? `no answer within ${e.timeout} ms` : (e.code ?? e.message),
    };
  }
}

beforeAll(async () => {
  const setupStarted = performance.now();
  api = await startTestApp();
  const pools = new FuzzPools();
  data = await seedFuzzData(api, pools);
  const schema = await introspectedSchema();
  const generator = new OperationGenerator(schema, pools, data.corpus);
  rootFields = {
    query: generator.rootFieldsOf('query').map((f) => f.name),
    mutation: generator.rootFieldsOf('mutation').map((f) => f.name),
  };

  // The sweep: every root field as every caller, in a seeded order.
  const sweep = new Rng(SEED).shuffle(
    CALLERS.flatMap((caller) =>
      (['query', 'mutation'] as const).flatMap((kind) => rootFields[kind].map((field) => ({ caller, kind, fields: [field] }))),
    ),
  );
  /** Caller and root field pairs refused at the door: random operations leave them out. */
  const denied = new Set<string>();
  const started = performance.now();
  setupMs = Math.round(started - setupStarted);
  const total = Math.max(RUNS, sweep.length);
  if (LOG_FILE) fs.writeFileSync(LOG_FILE, '');
  for (let index = 0; index < total; index++) {
    if (performance.now() - started > TIME_BUDGET_MS) {
      stoppedEarly = `stopped at the time budget of ${TIME_BUDGET_MS} ms`;
      break;
    }
    const recent = sent.slice(-BREAKER);
    if (recent.length === BREAKER && recent.every(isOutage)) {
      stoppedEarly = `stopped: the last ${BREAKER} operations were all answered 5xx or not at all`;
      outage = { from: sent.length - BREAKER, at: sent.length };
      break;
    }
    const rng = new Rng(operationSeed(SEED, index));
    let plan: { caller: Caller; kind: Kind; fields: string[] };
    if (index < sweep.length) {
      plan = sweep[index];
    } else {
      const allowed = (caller: Caller, kind: Kind) => rootFields[kind].filter((f) => !denied.has(`${caller}:${f}`));
      const caller = rng.pick(CALLERS.filter((c) => allowed(c, 'query').length + allowed(c, 'mutation').length > 0));
      const kind: Kind =
        allowed(caller, 'mutation').length > 0 && (allowed(caller, 'query').length === 0 || rng.chance(0.35)) ? 'mutation' : 'query';
      const count = rng.weighted([
        [1, 70],
        [2, 20],
        [3, 10],
      ] as const);
      plan = { caller, kind, fields: rng.shuffle(allowed(caller, kind)).slice(0, count) };
    }
    const op = generator.generate(rng, plan.kind, plan.fields);
    const answer = await send(plan.caller, op);
    const outcome = classify(answer);
    if (answer.body?.data) pools.harvest(answer.body.data);
    if (outcome === 'refused at the door' && plan.fields.length === 1) denied.add(`${plan.caller}:${plan.fields[0]}`);
    const record = {
      index,
      caller: plan.caller,
      op,
      sweep: index < sweep.length,
      outcome,
      answer,
      faults: faultsIn(answer, plan.fields, SLOW_MS),
    };
    sent.push(record);
    if (LOG_FILE) {
      fs.appendFileSync(
        LOG_FILE,
        JSON.stringify({
          index,
          caller: plan.caller,
          outcome,
          status: answer.status,
          ms: answer.ms,
          faults: record.faults.map((f) => f.kind),
          notes: op.notes,
          query: op.text,
          variables: op.variables,
          answer: answer.text.slice(0, 4_000),
        }) + '\n',
      );
    }
  }
  runMs = Math.round(performance.now() - started);
  printSummary();
}, 180_000);

afterAll(async () => {
  await api?.close();
}, 60_000);

/** Where an outage began: the operations before it are the suspects. */
let outage: { from: number; at: number } | null = null;

function isOutage(s: Sent): boolean {
  return s.answer.status >= 500 || s.answer.transportError !== undefined;
}

function share(n: number, of: number): string {
  return `${n}/${of} (${of ? Math.round((100 * n) / of) : 0}%)`;
}

function printSummary(): void {
  const byOutcome = new Map<Outcome, number>();
  for (const s of sent) byOutcome.set(s.outcome, (byOutcome.get(s.outcome) ?? 0) + 1);
  const times = sent.map((s) => s.answer.ms).sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  const faulty = sent.filter((s) => s.faults.length > 0).length;
  const lines = [
    `fuzz: seed ${SEED}, ${sent.length} operations (${sent.filter((s) => s.sweep).length} in the sweep over every caller and root field)${stoppedEarly ? `, ${stoppedEarly}` : ''}, ${runMs} ms (set-up ${setupMs} ms)`,
    `  answers: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${times[times.length - 1] ?? 0} ms`,
    ...[...byOutcome.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, n]) => {
        const codes = new Map<string, number>();
        for (const s of sent.filter((s) => s.outcome === outcome))
          for (const code of errorCodes(s.answer)) codes.set(code, (codes.get(code) ?? 0) + 1);
        const detail = [...codes.entries()].map(([code, k]) => `${code} ${k}`).join(', ');
        return `  ${outcome}: ${share(n, sent.length)}${detail ? ` (errors: ${detail})` : ''}`;
      }),
    `  refused as invalid (parse, validation, input): ${share(sent.filter((s) => REFUSED_AS_INVALID.includes(s.outcome)).length, sent.length)}`,
    `  passed validation (executed or refused at the door): ${share(sent.filter((s) => s.outcome === 'executed' || s.outcome === 'refused at the door').length, sent.length)}`,
    `  executed, of those let in: ${share(byOutcome.get('executed') ?? 0, sent.length - (byOutcome.get('refused at the door') ?? 0))}`,
    `  operations with a fault: ${share(faulty, sent.length)}; distinct faults: ${distinctFaults().length}`,
  ];
  console.log(lines.join('\n'));
}

function distinctFaults(): { fault: Fault; first: Sent; count: number; callers: Set<Caller> }[] {
  const bySignature = new Map<string, { fault: Fault; first: Sent; count: number; callers: Set<Caller> }>();
  for (const s of sent) {
    for (const fault of s.faults) {
      const seen = bySignature.get(fault.signature);
      if (seen) {
        seen.count += 1;
        seen.callers.add(s.caller);
      } else bySignature.set(fault.signature, { fault, first: s, count: 1, callers: new Set([s.caller]) });
    }
  }
  return [...bySignature.values()];
}

function describeFault({ fault, first, count, callers }: ReturnType<typeof distinctFaults>[number], n: number, of: number): string {
  const { op, answer } = first;
  return [
    `[${n}/${of}] ${fault.kind} in ${op.kind} ${op.rootFields.join(', ')}: ${count} operation(s), as ${[...callers].join(', ')}`,
    `  seed ${SEED}, operation #${first.index} (rerun: FUZZ_SEED=${SEED} npx jest test/api/fuzz.test.ts), caller ${first.caller}`,
    `  hostile or invalid inputs: ${op.notes.length ? abbreviate(op.notes.join('; '), 600) : 'none'}`,
    `  operation:`,
    `    ${abbreviate(op.text).replace(/\n/g, '\n    ')}`,
    `  variables: ${abbreviateJson(op.variables, 1_500)}`,
    `  answer: ${answer.transportError ? answer.transportError : `HTTP ${answer.status}`} in ${answer.ms} ms`,
    `    ${abbreviate(answer.text, 1_500)}`,
  ].join('\n');
}

function describeOutage({ from }: { from: number; at: number }): string {
  // the first operation of the outage, and the few before it: one of them broke the server
  const suspects = sent.slice(Math.max(0, from - 3), from + 1);
  return [
    `The server stopped serving at operation #${sent[from].index}: it and the ${BREAKER - 1} after it were all answered 5xx or not at all, and the run stopped there.`,
    `Faults after the first operation of an outage are likely its consequence. The first of it and the operations just before:`,
    ...suspects.map((s) =>
      [
        `  #${s.index} as ${s.caller}: ${s.outcome}, HTTP ${s.answer.status || s.answer.transportError} in ${s.answer.ms} ms`,
        `    ${abbreviate(s.op.text, 1_000).replace(/\n/g, '\n    ')}`,
        `    variables: ${abbreviateJson(s.op.variables, 600)}`,
        `    answer: ${abbreviate(s.answer.text, 400)}`,
      ].join('\n'),
    ),
  ].join('\n');
}

test('no operation, as any caller, faults the server: no 5xx, no INTERNAL_SERVER_ERROR, no stack, SQL or path, no slow answer', () => {
  const faults = distinctFaults();
  if (faults.length > 0 || outage) {
    throw new Error(
      `The fuzzer found ${faults.length} distinct fault(s) in ${sent.filter((s) => s.faults.length).length} of ${sent.length} operations (seed ${SEED}):\n\n` +
        (outage ? describeOutage(outage) + '\n\n' : '') +
        faults.map((f, i) => describeFault(f, i + 1, faults.length)).join('\n\n'),
    );
  }
});

test('the fuzzer sends every root field as every caller, and its operations are mostly valid and executed', () => {
  const sentPairs = new Set(sent.map((s) => s.op.rootFields.map((f) => `${s.caller}:${f}`)).flat());
  const missing = CALLERS.flatMap((caller) => [...rootFields.query, ...rootFields.mutation].map((f) => `${caller}:${f}`)).filter(
    (p) => !sentPairs.has(p),
  );
  expect(missing).toEqual([]);
  const refusedAsInvalid = sent.filter((s) => REFUSED_AS_INVALID.includes(s.outcome)).length;
  const letIn = sent.filter((s) => s.outcome !== 'refused at the door');
  const executed = letIn.filter((s) => s.outcome === 'executed').length;
  // a fuzzer whose operations are mostly refused as invalid tests the validator, not the resolvers
  expect({ refusedAsInvalid: refusedAsInvalid / sent.length < 0.25, executedOfLetIn: executed / letIn.length > 0.7 }).toEqual({
    refusedAsInvalid: true,
    executedOfLetIn: true,
  });
  // the random part (after the sweep) runs resolvers: most of it is let in
  const random = sent.filter((s) => !s.sweep);
  if (random.length > 0) expect(random.filter((s) => s.outcome === 'executed').length / random.length).toBeGreaterThan(0.6);
});
