import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { buildGraphQLSchema } from '../../src/server/schema';

/** The public entry points: answered without credentials. */
const PUBLIC_QUERIES = ['publicReport', 'publicProvider', 'publicReports', 'regions', 'localAuthorities', 'judgementFeed'];

/** Reference data, public as it is: the areas reports are found by. */
const REFERENCE_TYPES = new Set(['Region', 'LocalAuthority']);

/**
 * Not public, yet reachable from a public entry point: the feed's notifications, which the feed
 * fills only for the local authority they are addressed to (test/api/feed.test.ts proves it).
 */
const ADDRESSED_TYPES = new Set(['FeedNotification']);

/** Field names that could hold private data anywhere in the public part of the schema. */
const PRIVATE_FIELDS =
  /^(postcode|line1|line2|town|evidence|people|protectedPeople|narrative|initials|registeredManager|managerAppointments|complaints|caseReviews|notificationTasks)$/;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

function reachableFrom(roots: GraphQLNamedType[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const queue: [GraphQLNamedType, string[]][] = roots.map((t) => [t, [t.name]]);
  while (queue.length) {
    const [type, path] = queue.shift()!;
    if (paths.has(type.name)) continue;
    paths.set(type.name, path);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) queue.push([getNamedType(field.type), [...path, `${type.name}.${field.name}`]]);
    }
    if (isUnionType(type)) for (const member of type.getTypes()) queue.push([member, [...path, member.name]]);
  }
  return paths;
}

describe('the public part of the schema (CH-228, CH-230)', () => {
  test('the public entry points are exactly these: every other root field needs credentials', () => {
    const open = Object.values({ ...schema.getQueryType()!.getFields(), ...schema.getMutationType()!.getFields() })
      .filter((field) => field.extensions?.access === 'PUBLIC')
      .map((field) => field.name);
    expect(open.sort()).toEqual([...PUBLIC_QUERIES].sort());
  });

  test('the public entry points exist and take no argument that could search by name, postcode, address or free text', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of PUBLIC_QUERIES) {
      expect(query[name]).toBeDefined();
      for (const arg of query[name].args)
        expect(['urn', 'localAuthority', 'region', 'settingType', 'types', 'first', 'after', 'last', 'before']).toContain(arg.name);
    }
  });

  test('no public type can reach an internal type or a private field', () => {
    const roots = PUBLIC_QUERIES.map((name) => getNamedType(schema.getQueryType()!.getFields()[name].type));
    const reachable = reachableFrom(roots);
    const internal = [...reachable.keys()].filter((name) => {
      const type = schema.getType(name)!;
      return (
        (isObjectType(type) || isInterfaceType(type)) &&
        !name.startsWith('Public') &&
        name !== 'PageInfo' &&
        !REFERENCE_TYPES.has(name) &&
        !ADDRESSED_TYPES.has(name)
      );
    });
    expect(internal.map((name) => reachable.get(name)!.join(' -> '))).toEqual([]);
    const privateFields = [...reachable.keys()].flatMap((name) => {
      const type = schema.getType(name)!;
      return isObjectType(type)
        ? Object.keys(type.getFields())
            .filter((f) => PRIVATE_FIELDS.test(f))
            .map((f) => `${name}.${f}`)
        : [];
    });
    expect(privateFields).toEqual([]);
  });

  test('a public setting has no name or address field of its own: only its area', () => {
    const provider = schema.getType('PublicProvider');
    expect(isObjectType(provider) && Object.keys(provider.getFields()).sort()).toEqual(
      ['area', 'registeredProvider', 'reports', 'responsibleIndividual', 'settingType', 'urn'].sort(),
    );
  });
});
