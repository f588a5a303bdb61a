import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isPublicOperation } from '../../domain/access';
import type { Context } from '../../server/context';
import { AuditEntry } from './audit.entity';

/** IDs and URNs named in the variables, wherever they sit (input.providerId, ids lists, urn). */
function targetsOf(value: unknown, key = '', found: string[] = []): string[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string' && /(^id$|Id$|^ids$|Ids$|^urn$)/.test(key)) found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => targetsOf(item, key, found));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) targetsOf(v, k, found);
  return found;
}

function hasUserErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  return Object.values(data).some((payload) => Array.isArray((payload as { userErrors?: unknown[] } | null)?.userErrors) && (payload as { userErrors: unknown[] }).userErrors.length > 0);
}

function wasDenied(errors: readonly { extensions?: Record<string, unknown> }[] | undefined, data: Record<string, unknown> | null | undefined): boolean {
  const refused = errors?.some((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED');
  return Boolean(refused) && Object.values(data ?? {}).every((value) => value === null);
}

/**
 * Appends a line to the audit trail for every operation of a signed-in caller that touches
 * protected data (every mutation, every internal read): written on its own connection, after
 * the operation, so the trail cannot roll back with it.
 */
export function auditPlugin(orm: MikroORM): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, request, response }) {
          const { principal, access } = contextValue;
          // A denied call writes nothing, not even here; nor does one that never got as far as the access check.
          if (!principal || !operation || !access || access.decision !== 'ALLOW' || response.body.kind !== 'single') return;
          const fields = access.rootFields;
          const isMutation = operation.operation === 'mutation';
          if (!isMutation && isPublicOperation(fields) && !contextValue.servedProtectedData) return;
          const result = response.body.singleResult;
          // Turned away by a scope check in a service (this region's, this provider's records only): denied, so not written either.
          if (wasDenied(result.errors, result.data)) return;
          const outcome = result.errors?.length ? 'ERROR' : hasUserErrors(result.data) ? 'USER_ERRORS' : 'OK';
          // One plain INSERT: no unit of work, no transaction round trips.
          const em = orm.em.fork();
          const entry = em.create(AuditEntry, {
            subject: principal.subject,
            role: principal.role,
            operation: fields.map((field) => field.name).join(',').slice(0, 200),
            kind: isMutation ? 'MUTATION' : 'QUERY',
            targets: targetsOf(request.variables ?? {}),
            requestId: contextValue.requestId,
            outcome,
          });
          await em.insert(entry);
        },
      };
    },
  };
}
