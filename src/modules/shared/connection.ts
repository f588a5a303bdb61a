import { isLocalDate } from '../../domain/local-date';
import { badArgument } from './arguments';
import { Field, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More items follow this page (when paginating forwards with `first`).' })
  hasNextPage!: boolean;

  @Field({ description: 'Items come before this page (when paginating backwards with `last`, or after a cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** The Edge and Connection object types of a node type: one factory for every list that can grow. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { simpleResolvers: true, description: `One ${nodeName} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class Connection {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request over a list ordered by one unique key (keyset pagination, no offsets). */
export interface KeysetPage {
  direction: 'forward' | 'backward';
  size: number;
  after: string | null;
  before: string | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify(['k', key]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const URN = /^(SC\d{6}|\d{7})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Every key this API orders by is made of these parts, joined by '|': a date, an instant, a UUID
 * or a URN. A cursor is opaque but not trusted: one whose key has any other part (a forged or
 * corrupted cursor) is refused here, before its parts can reach a query.
 */
function isKeyPart(part: string): boolean {
  return isInstant(part) || UUID.test(part) || URN.test(part) || isLocalDate(part);
}

function isInstant(part: string): boolean {
  return INSTANT.test(part) && !Number.isNaN(Date.parse(part)) && new Date(part).toISOString().slice(0, 19) === part.slice(0, 19);
}

/**
 * The two parts of the key of a list ordered by a date or instant and then an ID: a cursor of
 * another list (a URN's, say) is refused as a malformed argument, never sent to the database.
 */
export function dateAndIdOf(key: string, argumentName: 'after' | 'before'): [string, string] {
  const parts = key.split('|');
  if (parts.length === 2 && UUID.test(parts[1]!) && (isInstant(parts[0]!) || isLocalDate(parts[0]!))) return [parts[0]!, parts[1]!];
  throw badArgument(argumentName, `"${argumentName}" is not a cursor of this list`);
}

export function decodeCursor(cursor: string, argumentName: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value[0] === 'k' &&
      typeof value[1] === 'string' &&
      value[1].split('|').every(isKeyPart)
    )
      return value[1];
  } catch {
    // fall through
  }
  throw badArgument(argumentName, `"${argumentName}" is not a cursor returned by this API`);
}

/** Checks `first`/`after`/`last`/`before`; a malformed one is a thrown BAD_USER_INPUT error. */
export function keysetPage(args: PageArgs): KeysetPage {
  const { first, last } = args;
  if (first != null && last != null) throw badArgument('last', 'Pass either "first" or "last", not both');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)) {
      throw badArgument(name, `"${name}" must be between 1 and ${MAX_PAGE_SIZE}`);
    }
  }
  return {
    direction: last != null ? 'backward' : 'forward',
    size: last ?? first ?? DEFAULT_PAGE_SIZE,
    after: args.after != null ? decodeCursor(args.after, 'after') : null,
    before: args.before != null ? decodeCursor(args.before, 'before') : null,
  };
}

/**
 * Builds the page from rows fetched in the page's direction with one row more than asked for
 * (that extra row only tells whether more follow).
 */
export function toConnection<T>(page: KeysetPage, rows: T[], keyOf: (row: T) => string): ConnectionShape<T> {
  const more = rows.length > page.size;
  const taken = rows.slice(0, page.size);
  if (page.direction === 'backward') taken.reverse();
  const edges = taken.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.direction === 'forward' ? more : page.before !== null,
      hasPreviousPage: page.direction === 'backward' ? more : page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A page of rows computed in memory (lists derived by the domain, not read by one query),
 * ordered by a unique text key, with the same keyset cursors as the database-backed lists.
 */
export function pageInMemory<T>(rows: readonly T[], keyOf: (row: T) => string, args: PageArgs): ConnectionShape<T> {
  const page = keysetPage(args);
  const sorted = [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const inRange = sorted.filter(
    (row) => (page.after === null || keyOf(row) > page.after) && (page.before === null || keyOf(row) < page.before),
  );
  const ordered = page.direction === 'forward' ? inRange : inRange.reverse();
  return toConnection(page, ordered.slice(0, page.size + 1), keyOf);
}
