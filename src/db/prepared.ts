import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A pg connection as knex's pool hands it out: what a named (prepared) query needs of it. */
interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Where a statement is logged (the ORM's logger: the tests count statements through it). */
export interface StatementLogger {
  isEnabled(namespace: 'query'): boolean;
  log(namespace: 'query', message: string): void;
}

/**
 * Runs one read-only statement with bound parameters, as a named prepared statement: PostgreSQL
 * parses and plans it once per connection, not on every request, and no value is ever written
 * into the SQL text. The rows come back as plain objects: nothing is hydrated into entities.
 *
 * `text` uses `$1`, `$2`, ...; arrays are bound as PostgreSQL arrays. Inside a transaction of `em`
 * (a mutation's, whose answer must see its own writes) the statement runs on that transaction.
 * Statements are logged like the ORM's own (the tests count them).
 */
export async function preparedRows<T>(em: EntityManager, name: string, text: string, values: readonly unknown[]): Promise<T[]> {
  // Inside a transaction, knex's transaction client hands out the transaction's own connection.
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  return preparedRowsOn<T>(knex, em.config.getLogger(), name, text, values);
}

/** The same on a knex instance or transaction of its own (for work that serves no one request's EntityManager). */
export async function preparedRowsOn<T>(
  knex: Knex,
  logger: StatementLogger,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  if (logger.isEnabled('query')) logger.log('query', `${text} [prepared ${name}]`);
  const client = knex.client as { acquireConnection(): Promise<PgConnection>; releaseConnection(connection: PgConnection): Promise<void> };
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query({ name, text, values: [...values] });
    return result.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
