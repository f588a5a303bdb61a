/**
 * Issue 19: a query compiled by graphql-jit (src/server/executor.ts) answers byte for byte what
 * graphql-js answers: two instances on one database, one compiling every query from its first
 * run, the other never, asked the project's own operations (test/operations) on a register with
 * history, as the public, as staff and as a provider, errors included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { seedSyntheticRegister } from '../../src/db/seed';
import { Role } from '../../src/domain/access';
import { postGraphQL, startTestApp, TEST_REGION, type TestApp } from '../support/app';

let compiled: TestApp;
let interpreted: TestApp;
let urns: string[];
let localAuthority: string;
let inspectionIds: string[];

const OPERATIONS = parse(
  ['fragments', 'public', 'feed', 'providers', 'inspections', 'reference', 'inspection-lists']
    .map((file) => fs.readFileSync(path.join(__dirname, '..', 'operations', `${file}.graphql`), 'utf8'))
    .join('\n'),
);

/** One operation of test/operations with the fragments it uses, and nothing else (as a client sends it). */
function documentOf(operationName: string): string {
  const fragments = new Map(
    OPERATIONS.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = OPERATIONS.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName);
  if (!operation) throw new Error(`no operation ${operationName} in test/operations`);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)!;
        if (!used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return [operation, ...used.values()].map((definition) => print(definition)).join('\n');
}

beforeAll(async () => {
  compiled = await startTestApp({ compileAfterRuns: 0 });
  interpreted = await startTestApp({ sameDatabaseAs: compiled, compileAfterRuns: null });
  await seedSyntheticRegister(compiled.orm.em.fork(), { providers: 24, seed: 1919, years: 3 });
  const knex = compiled.orm.em.getKnex();
  urns = (await knex('published_report').distinct('urn').where({ current: true }).orderBy('urn').limit(6)).map((row) => row.urn as string);
  localAuthority = (await knex('published_report').select('local_authority').where({ current: true }).first()).local_authority as string;
  inspectionIds = (await knex('inspection').select('id').orderBy('id').limit(3)).map((row) => row.id as string);
  expect(urns.length).toBeGreaterThan(3);
}, 120_000);
afterAll(async () => {
  await interpreted.close();
  await compiled.close();
});

async function both(operationName: string, variables: Record<string, unknown>, token: string | null) {
  const [a, b] = await Promise.all(
    [compiled, interpreted].map((api) => postGraphQL(api, { query: documentOf(operationName), variables }, token)),
  );
  // Each case asks something the schema takes, so both execute it.
  expect(a!.text).not.toContain('GRAPHQL_VALIDATION_FAILED');
  return { compiled: { status: a!.status, text: a!.text }, interpreted: { status: b!.status, text: b!.text } };
}

describe.each([
  ['the public', async () => null],
  ['a regulatory inspection manager', async () => compiled.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION })],
  ['a provider of one setting', async () => compiled.tokenFor(Role.PROVIDER, { urns: urns.slice(0, 1) })],
])('as %s', (_who, token) => {
  const cases: [string, () => Record<string, unknown>][] = [
    ['PublicReport', () => ({ urn: urns[0] })],
    ['PublicReport', () => ({ urn: 'SC999999' })],
    ['PublicProvider', () => ({ urn: urns[1] })],
    ['PublicReports', () => ({ localAuthority, first: 20 })],
    ['PublicReports', () => ({ region: TEST_REGION, first: 5, after: 'not a cursor' })],
    ['JudgementFeed', () => ({ localAuthority, first: 50 })],
    ['JudgementFeed', () => ({ first: 0 })],
    ['ProviderByUrn', () => ({ urn: urns[0] })],
    ['ProviderByUrn', () => ({ urn: urns[2] })],
    ['Providers', () => ({ first: 10 })],
    ['InspectionsWithEverything', () => ({ first: 5 })],
    ['InspectionRecord', () => ({ id: inspectionIds[0] })],
    ['ProviderInspections', () => ({ urn: urns[0] })],
    ['Regions', () => ({})],
    ['LocalAuthorities', () => ({ region: TEST_REGION })],
    ['Requirements', () => ({ first: 10 })],
    ['Node', () => ({ id: 'not an id' })],
  ];
  test.each(cases)('%s answers the same compiled and on graphql-js', async (operationName, variables) => {
    const answers = await both(operationName, variables(), await token());
    expect(answers.compiled).toEqual(answers.interpreted);
  });
});

test('the comparison can fail: the two instances differ where their data differs', async () => {
  // A guard on the test itself: it compares real answers, so different questions give different bytes.
  const a = await postGraphQL(compiled, { query: documentOf('PublicReport'), variables: { urn: urns[0] } });
  const b = await postGraphQL(interpreted, { query: documentOf('PublicReport'), variables: { urn: urns[1] } });
  expect(a.text).not.toBe(b.text);
  expect(a.text).toContain(urns[0]);
  const staff = await compiled.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { region: TEST_REGION });
  const everything = await postGraphQL(compiled, { query: documentOf('InspectionsWithEverything'), variables: { first: 5 } }, staff);
  expect(everything.body.errors).toBeUndefined();
  expect(everything.body.data.inspections.edges.length).toBeGreaterThan(0);
});
