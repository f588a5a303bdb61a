import { GraphQLError, type GraphQLField, type GraphQLFieldMap } from 'graphql';
import { Authorized, Extensions, type AuthChecker } from 'type-graphql';
import { decideFieldAccess, PUBLIC, type FieldAccess, type Permission, type Principal } from '../../domain/access';
import type { Context } from '../shared/context';

/** Where a field's access is recorded in the built schema, for the entry check and the matrix test. */
export const ACCESS_EXTENSION = 'access';

/**
 * The field may be used by callers holding any one of these permissions: enforced per field by
 * type-graphql (`@Authorized` and the one auth checker below), and recorded in the schema's field
 * extensions so that the whole operation can be checked before anything runs.
 */
export function Allow(...permissions: [Permission, ...Permission[]]): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Authorized<Permission>(...permissions)(target, key, descriptor as never);
    Extensions({ [ACCESS_EXTENSION]: permissions })(target, key, descriptor as never);
  };
}

/** The field is open to anyone, signed in or not: the redacted public views. */
export function Public(): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ [ACCESS_EXTENSION]: PUBLIC })(target, key, descriptor as never);
  };
}

export function fieldAccess(field: GraphQLField<unknown, unknown> | undefined): FieldAccess | undefined {
  return field?.extensions?.[ACCESS_EXTENSION] as FieldAccess | undefined;
}

export function rootFieldAccess(fields: GraphQLFieldMap<unknown, unknown> | undefined, names: readonly string[]) {
  return names.map((name) => ({ name, access: fieldAccess(fields?.[name]) }));
}

export const unauthenticated = (message = 'Sign in: this needs a bearer token') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** A refusal: the whole request answers 403 unless it is one field among others (`partial`). */
export const forbidden = (message = 'Your role may not use this', partial = false) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...(partial ? {} : { http: { status: 403 } }) } });

/** A refusal because the record lies outside the caller's scope (region, URNs, authority, assignment). */
export const outOfScope = (what: string) => forbidden(`${what} is outside your scope`);

/** The one auth checker: reads the caller's permissions; refuses with UNAUTHENTICATED or FORBIDDEN. */
export const authChecker: AuthChecker<Context, Permission> = ({ context }, permissions) => {
  const decision = decideFieldAccess(context.principal, permissions);
  if (decision === 'UNAUTHENTICATED') throw unauthenticated();
  if (decision === 'FORBIDDEN') throw forbidden('Your role may not see or use this field', true);
  return true;
};

/** The caller of a protected path: the auth checks have already made sure there is one. */
export function signedIn(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}
