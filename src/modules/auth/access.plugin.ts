import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { decideAccess } from '../../domain/access';
import type { Context } from '../../server/context';

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

/** Deny by default: every operation but the public queries needs an authenticated member of staff. */
export const accessPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        const fragments = new Map(
          document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const fields = operation ? rootFields(operation.selectionSet, fragments) : [];
        const decision = decideAccess(contextValue.principal, fields);
        contextValue.access = { rootFields: fields, decision };
        if (decision === 'UNAUTHENTICATED') {
          throw new GraphQLError('Sign in: this operation needs a bearer token', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        if (decision === 'FORBIDDEN') {
          throw new GraphQLError('Your role may not use this operation', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        }
      },
    };
  },
};
