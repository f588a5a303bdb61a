/**
 * Issue 19: how queries are executed (src/server/executor.ts). A query document is compiled by
 * graphql-jit once it has been asked before; a new document each time, a mutation, or `never`
 * compiles nothing.
 */
import { parse, type OperationDefinitionNode } from 'graphql';
import { buildGraphQLSchema } from '../../src/server/schema';
import { compilingExecutor, type CompileAfterRuns } from '../../src/server/executor';

async function executorOf(afterRuns?: CompileAfterRuns) {
  const executor = compilingExecutor(await buildGraphQLSchema(), afterRuns);
  const { executor: run } = await executor.load({ apollo: { key: '', keyHash: '', graphRef: '' } } as never);
  const ask = (source: string | ReturnType<typeof parse>, variables?: Record<string, unknown>) => {
    const document = typeof source === 'string' ? parse(source) : source;
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    return run!({ document, operation, operationName: null, context: {}, request: { variables } } as never);
  };
  return { executor, ask };
}

const TYPENAME = 'query { __typename }';

test('a query document is compiled the second time it is asked, once, and answers the same', async () => {
  const { executor, ask } = await executorOf();
  const document = parse(TYPENAME);
  expect(await ask(document)).toEqual({ data: { __typename: 'Query' } });
  expect(executor.compilations()).toBe(0);
  expect(await ask(document)).toEqual({ data: { __typename: 'Query' } });
  expect(await ask(document)).toEqual({ data: { __typename: 'Query' } });
  expect(executor.compilations()).toBe(1);
});

test('a new document each time is never compiled (a client cannot make the server compile at will)', async () => {
  const { executor, ask } = await executorOf();
  for (let i = 0; i < 5; i++) await ask(`query Q${i} { __typename }`);
  expect(executor.compilations()).toBe(0);
});

test('0 compiles at once; never keeps graphql-js', async () => {
  const atOnce = await executorOf(0);
  await atOnce.ask(TYPENAME);
  expect(atOnce.executor.compilations()).toBe(1);
  const never = await executorOf(null);
  const document = parse(TYPENAME);
  for (let i = 0; i < 3; i++) expect(await never.ask(document)).toEqual({ data: { __typename: 'Query' } });
  expect(never.executor.compilations()).toBe(0);
});

test('a mutation is never compiled: graphql-js runs its fields one after another', async () => {
  const { executor, ask } = await executorOf(0);
  const document = parse('mutation { __typename }');
  for (let i = 0; i < 3; i++) expect(await ask(document)).toEqual({ data: { __typename: 'Mutation' } });
  expect(executor.compilations()).toBe(0);
});

test('variables are coerced the same way compiled: a wrong type is refused, not run', async () => {
  const { ask } = await executorOf(0);
  const answer = await ask('query($urn: String!) { publicReport(urn: $urn) { urn } }', { urn: 42 });
  expect(answer.data).toBeUndefined();
  expect(answer.errors?.[0]?.message).toMatch(/\$urn/);
});

test('a non-null variable with a default value, not given, takes the default compiled too', async () => {
  const { executor, ask } = await executorOf(0);
  const document = parse('query($name: String! = "x") { __type(name: $name) { name } }');
  expect(await ask(document, {})).toEqual({ data: { __type: null } });
  expect(await ask(parse('query($name: String! = "Query") { __type(name: $name) { name } }'), {})).toEqual({
    data: { __type: { name: 'Query' } },
  });
  expect(executor.compilations()).toBe(2);
});

test('a field error compiled has the path, locations and original error graphql-js gives it', async () => {
  const compiled = await executorOf(0);
  const interpreted = await executorOf(null);
  // publicReport with no context: the resolver throws reading its services.
  const source = 'query {\n  __typename\n  publicReport(urn: "SC000001") { urn }\n}';
  const [a, b] = [await compiled.ask(source), await interpreted.ask(source)];
  expect(a.errors?.length).toBe(1);
  expect(a.errors![0]!.toJSON()).toEqual(b.errors![0]!.toJSON());
  expect(a.errors![0]!.locations).toEqual([{ line: 3, column: 3 }]);
  expect(a.errors![0]!.originalError?.message).toBe(b.errors![0]!.originalError?.message);
  expect(a.errors![0]!.extensions).toEqual({});
});
