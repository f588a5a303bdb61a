import { isInterfaceType, type GraphQLSchema } from 'graphql';
import type { Principal } from '../../domain/access';
import type { Context } from './context';
import type { NodeTypeName } from './node';

/** How `node(id)` reaches the objects of one type: each module registers its own types (`<module>.nodes.ts`). */
export interface NodeSource<T extends object> {
  /** The object whose global ID holds this key, or null when there is none (or the key cannot be one). */
  fetch(context: Context, key: string): Promise<T | null> | null;
  /**
   * Refuses (FORBIDDEN) a caller who may not see the object, by the same policy as every other way
   * to it: a setting in its scope, an inspection's records only with the permission to see them.
   */
  assertMayRead(context: Context, principal: Principal, found: T): Promise<void> | void;
}

const sources = new Map<string, NodeSource<object>>();

/** Makes objects of `type` reachable by `node(id)`. */
export function registerNode<T extends object>(type: NodeTypeName, source: NodeSource<T>): void {
  if (sources.has(type)) throw new Error(`node(id) already has a source for ${type}`);
  sources.set(type, source as unknown as NodeSource<object>);
}

/** The source of a type's objects, or undefined when `node(id)` cannot reach that type. */
export function nodeSource(type: string): NodeSource<object> | undefined {
  return sources.get(type);
}

/** The object types of the schema implementing Node that no module has registered: none, once every module is loaded. */
export function unregisteredNodeTypes(schema: GraphQLSchema): string[] {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) return [];
  return schema
    .getImplementations(node)
    .objects.map((type) => type.name)
    .filter((name) => !sources.has(name));
}
