/**
 * The public GraphQL types as the exports' contract: a value is written out exactly as a GraphQL
 * query selecting every field of its type would answer it (the type's fields, in its order, each
 * scalar and enum serialised by the schema), and the CSV columns are named after those fields.
 * A field added to a public type therefore reaches the exports; nothing outside them ever can.
 */
import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`The schema has no object type ${name}`);
  return type;
}

/** `value` as GraphQL would answer it for `type` with every field selected (plain properties only). */
export function graphqlView(type: GraphQLOutputType, value: unknown, path = type.toString()): unknown {
  if (isNonNullType(type)) {
    if (value == null) throw new Error(`${path} is non-null but has no value`);
    return graphqlView(type.ofType, value, path);
  }
  if (value == null) return null;
  if (isListType(type)) return [...(value as Iterable<unknown>)].map((item, i) => graphqlView(type.ofType, item, `${path}[${i}]`));
  if (isLeafType(type)) return type.serialize(value);
  if (!isObjectType(type)) throw new Error(`${path}: ${type.toString()} is abstract; the exports take concrete types only`);
  const view: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (field.args.length > 0) throw new Error(`${type.name}.${field.name} takes arguments; the exports take plain fields only`);
    view[field.name] = graphqlView(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
  }
  return view;
}

/** A CSV column: the dotted path of a scalar field (`area.regionCode`), its name in the header. */
export interface Column {
  header: string;
  path: string[];
}

/** Every scalar and enum field of `type`, nested objects flattened with dotted names; lists left out. */
export function scalarColumns(type: GraphQLObjectType, prefix: string[] = []): Column[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const path = [...prefix, field.name];
    const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (isListType(unwrapped)) return [];
    const named = getNamedType(unwrapped);
    if (isLeafType(named)) return [{ header: path.join('.'), path }];
    if (isObjectType(named)) return scalarColumns(named, path);
    return [];
  });
}

/** The columns of `type` at these dotted paths, in this order; fails at start-up on a path the type lacks. */
export function pickColumns(type: GraphQLObjectType, paths: string[], prefix: string[] = []): Column[] {
  const all = new Map(scalarColumns(type).map((column) => [column.header, column]));
  return paths.map((path) => {
    const column = all.get(path);
    if (!column) throw new Error(`${type.name} has no scalar field ${path}`);
    return { header: [...prefix, ...column.path].join('.'), path: [...prefix, ...column.path] };
  });
}

/** The value at a column's path in a view, null where a parent object is null. */
export function valueAt(view: unknown, path: string[]): unknown {
  let value = view;
  for (const key of path) {
    if (value == null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}
