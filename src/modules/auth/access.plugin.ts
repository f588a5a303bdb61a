import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { decideAccess } from '../../domain/access';
import { forbidden, rootFieldAccess, unauthenticated } from './authorize';
import type { Context } from '../shared/context';

/** The root fields an operation selects, through fragments too. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * Deny by default, before anything runs: every root field the operation selects must let the caller
 * in, by the access its resolver declares (`@Allow` / `@Public`); a root field that declares none
 * is open to nobody. The same declarations are enforced again per field, nested ones included, by
 * type-graphql's auth checker; this check refuses a whole operation at once, so a refused mutation
 * (or a later one in the same request) writes nothing.
 */
export const accessPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue, schema }) {
        const fragments = new Map(
          document.definitions
            .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
            .map((d) => [d.name.value, d]),
        );
        const names = operation ? rootFields(operation.selectionSet, fragments) : [];
        const rootType =
          operation?.operation === 'mutation'
            ? schema.getMutationType()
            : operation?.operation === 'subscription'
              ? schema.getSubscriptionType()
              : schema.getQueryType();
        const fields = rootFieldAccess(rootType?.getFields(), names);
        const decision = decideAccess(contextValue.principal, fields);
        contextValue.access = { rootFields: fields, decision };
        if (decision === 'UNAUTHENTICATED') throw unauthenticated('Sign in: this operation needs a bearer token');
        if (decision === 'FORBIDDEN') throw forbidden('Your role may not use this operation');
      },
    };
  },
};
