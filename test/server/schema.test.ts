import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../../src/paths';
import { buildGraphQLSchema, printCommittedSchema } from '../../src/server/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

test('the committed schema.graphql is the schema the code emits', () => {
  expect(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8')).toBe(printCommittedSchema(schema));
});

test('every type, field, argument and enum value of our own has a description', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  expect(missing).toEqual([]);
});

test('mutations take one input argument and return a payload with userErrors', () => {
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    expect(field.args.map((a) => a.name)).toEqual(['input']);
    const payload = field.type.toString().replace(/!$/, '');
    expect(payload).toMatch(/Payload$/);
    const payloadType = schema.getType(payload);
    expect(isObjectType(payloadType) && payloadType.getFields().userErrors?.type.toString()).toBe('[UserError!]!');
  }
});

test('a type read without resolvers (simpleResolvers) has no field that needs one: no @Authorized, no middleware', () => {
  // type-graphql gives a field of such a type no resolver at all, so a role check or a middleware
  // on one of its fields would silently not run. Only files of plain, public shapes use it.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(projectRoot, 'src'));
  const simple = files.filter((file) => fs.readFileSync(file, 'utf8').includes('simpleResolvers'));
  expect(simple.map((file) => path.relative(projectRoot, file)).sort()).toEqual([
    'src/modules/feeds/feed.types.ts',
    'src/modules/public/public.types.ts',
    'src/modules/shared/connection.ts',
  ]);
  for (const file of simple) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/@Authorized|UseMiddleware|@Directive/);
  // And the schema agrees: the fields of those types resolve by property, with no wrapper.
  for (const name of ['PublicReport', 'PublicFeedEvent', 'PageInfo', 'PublicFeedEventConnection', 'PublicFeedEventEdge']) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    expect(
      Object.values(type.getFields())
        .filter((field) => field.resolve !== undefined)
        .map((field) => field.name),
    ).toEqual([]);
  }
});
