import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import type { OperationDefinitionNode } from 'graphql';
import { isPublicOperation } from '../../domain/access';
import type { Context } from '../shared/context';
import { INTERNAL_ERROR_MESSAGE } from '../shared/messages';
import { AUDIT_LIMITS, AuditEntry } from './audit.entity';

/** How deep into a variable's value IDs are looked for (the inputs nest a few levels at most). */
const MAX_VARIABLE_DEPTH = 10;

/** Control, format, surrogate and other unprintable characters: replaced with "?" in a target. */
const UNPRINTABLE = /\p{C}/gu;

/**
 * IDs and URNs named in the variables the operation declares, wherever they sit (input.providerId,
 * ids lists, urn): at most 20, each cut to 100 printable characters. Variables the operation does
 * not declare are never read, so a caller cannot plant targets in the trail.
 */
function targetsOf(variables: Record<string, unknown>, operation: OperationDefinitionNode): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string, depth: number): void => {
    if (found.length >= AUDIT_LIMITS.targets || depth > MAX_VARIABLE_DEPTH) return;
    if (typeof value === 'string' && /(^id$|Id$|^ids$|Ids$|^urn$)/.test(key))
      found.push(value.slice(0, AUDIT_LIMITS.targetLength).replace(UNPRINTABLE, '?'));
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key, depth + 1));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(variables, name)) visit(variables[name], name, 0);
  }
  return found;
}

function hasUserErrors(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  return Object.values(data).some(
    (payload) =>
      Array.isArray((payload as { userErrors?: unknown[] } | null)?.userErrors) &&
      (payload as { userErrors: unknown[] }).userErrors.length > 0,
  );
}

function wasDenied(
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
  data: Record<string, unknown> | null | undefined,
): boolean {
  const refused = errors?.some((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED');
  return Boolean(refused) && Object.values(data ?? {}).every((value) => value === null);
}

/** Whether this request's operation is audited: a signed-in caller's mutation, or its read of protected data. */
function isAudited({ principal, access, servedProtectedData }: Context, operation: OperationDefinitionNode | undefined): boolean {
  // A denied call writes nothing, not even here; nor does one that never got as far as the access check.
  if (!principal || !operation || !access || access.decision !== 'ALLOW') return false;
  return operation.operation === 'mutation' || !isPublicOperation(access.rootFields) || Boolean(servedProtectedData);
}

/**
 * The line of the trail for a finished operation, or null when it is not written: not audited, or
 * turned away by a scope check in a service (denied, like a call refused at the door).
 */
function auditEntryOf(
  em: EntityManager,
  { contextValue, operation, request, response }: GraphQLRequestContextWillSendResponse<Context>,
): AuditEntry | null {
  if (!operation || !isAudited(contextValue, operation)) return null;
  // graphql-js 16 answers every operation at once (no @defer): anything else cannot be audited before it is sent.
  if (response.body.kind !== 'single') throw new Error('An incremental response cannot be audited');
  const result = response.body.singleResult;
  if (wasDenied(result.errors, result.data)) return null;
  const operationNames = [...new Set(contextValue.access!.rootFields.map((field) => field.name))];
  return em.create(
    AuditEntry,
    {
      subject: contextValue.principal!.subject,
      role: contextValue.principal!.role,
      operation: operationNames.join(',').slice(0, AUDIT_LIMITS.operationLength),
      kind: operation.operation === 'mutation' ? 'MUTATION' : 'QUERY',
      targets: targetsOf(request.variables ?? {}, operation),
      requestId: contextValue.requestId,
      outcome: result.errors?.length ? 'ERROR' : hasUserErrors(result.data) ? 'USER_ERRORS' : 'OK',
    },
    // Written with one plain INSERT below, never by a flush of the request's unit of work.
    { persist: false },
  );
}

/*
 * The request's transaction is held on its own EntityManager (the context's `em`), begun and
 * ended through the connection: every query of the request (services, loaders) then runs in it,
 * services' `em.transactional(...)` become savepoints inside it (MikroORM's default propagation,
 * NESTED, when the EntityManager is already in a transaction), and it commits exactly what the
 * services flushed (`em.commit()` would flush the unit of work once more first).
 */

async function beginTransaction(em: EntityManager): Promise<void> {
  em.setTransactionContext(await em.getConnection('write').begin());
}

/** Ends the request's transaction, if it has one: commits it or rolls it back; either way it is detached from `em`. */
async function endTransaction(em: EntityManager, how: 'commit' | 'rollback'): Promise<void> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) return;
  em.resetTransactionContext();
  // A COMMIT that failed has ended it already (PostgreSQL rolled it back) and freed the connection.
  if (transaction.isCompleted()) return;
  await em.getConnection('write')[how](transaction);
}

/** Rolls back whatever is still open; a failure to roll back (a broken connection) is logged, not thrown. */
async function rollbackQuietly(context: Context): Promise<void> {
  try {
    await endTransaction(context.em, 'rollback');
  } catch (error) {
    context.log.error({ err: error }, 'could not roll back the request transaction');
  }
}

/** What the caller gets when its operation could not be audited: a masked internal error and nothing else. */
function refuse({ response, contextValue }: GraphQLRequestContextWillSendResponse<Context>): void {
  response.body = {
    kind: 'single',
    singleResult: {
      errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId } }],
    },
  };
  response.http.status = 500;
}

/**
 * Appends a line to the audit trail for every operation of a signed-in caller that touches
 * protected data (every mutation, every internal read), before the response is sent; if it cannot
 * be written, the caller gets a masked INTERNAL_SERVER_ERROR instead of the response.
 *
 * A mutation runs in one transaction on the request's EntityManager, begun once the access check
 * has let it in (executionDidStart runs after every didResolveOperation): its audit line is
 * inserted in that transaction, then it commits. If the insert or the commit fails, everything
 * rolls back: a change never commits without its line. The attempt is then recorded on a
 * connection of its own, as ERROR (nothing of it persisted). A read's line is written outside any
 * transaction, before its data is sent. A mutation turned away by a scope check (nothing written, no line)
 * rolls back. The transaction is closed on every path: in willSendResponse, which Apollo calls for
 * every answered request, and in unexpectedErrorProcessingRequest when a hook throws instead.
 */
export function auditPlugin(orm: MikroORM): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          if (operation?.operation === 'mutation' && isAudited(contextValue, operation)) await beginTransaction(contextValue.em);
        },
        async willSendResponse(requestContext) {
          const context = requestContext.contextValue;
          const inTransaction = context.em.isInTransaction();
          let entry: AuditEntry | null = null;
          try {
            entry = auditEntryOf(context.em, requestContext);
            if (entry) await context.em.insert(entry); // in the mutation's transaction, when there is one
            await endTransaction(context.em, entry ? 'commit' : 'rollback');
          } catch (error) {
            await rollbackQuietly(context);
            context.log.error({ err: error }, 'the audit trail could not be written: the operation is refused (a mutation rolled back)');
            if (inTransaction && entry) await recordRolledBack(orm, context, entry);
            refuse(requestContext);
          }
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext }) {
      // A hook threw between executionDidStart and willSendResponse: Apollo answers 500, and the transaction must not stay open.
      if (requestContext.contextValue?.em) await rollbackQuietly(requestContext.contextValue);
    },
  };
}

/** A mutation that rolled back because its line could not be written with it: recorded as ERROR where possible. */
async function recordRolledBack(orm: MikroORM, context: Context, entry: AuditEntry): Promise<void> {
  const em = orm.em.fork();
  try {
    const { subject, role, operation, kind, targets, requestId } = entry;
    await em.insert(em.create(AuditEntry, { subject, role, operation, kind, targets, requestId, outcome: 'ERROR' }, { persist: false }));
  } catch (error) {
    context.log.error({ err: error }, 'the rolled-back mutation could not be recorded in the audit trail either');
  }
}
