import type { Knex } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ChangeChecker, forgetChangesBefore, oldestRunningTransaction, PublicReads, type PublicRead } from '../db/public-changes';
import type { StatementLogger } from '../db/prepared';
import { rateLimitLeft } from './edge';

/**
 * The root fields whose answers may be kept: each records what it read (src/db/public-changes.ts).
 * An operation with any other root field (but `__typename`) is never kept.
 */
export const KEPT_ROOT_FIELDS: ReadonlySet<string> = new Set(['publicReport', 'publicProvider', 'publicReports', 'judgementFeed']);

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's public answer cache, or null when it is off. */
    answerCache: AnswerCache | null;
  }
}

export interface AnswerCacheOptions {
  /** The most memory the kept answers may take (their text); 0 turns the cache off. */
  maxBytes: number;
  /** How long an answer is kept at most, however often it is read. */
  ttlMs: number;
}

export const DEFAULT_ANSWER_CACHE: AnswerCacheOptions = { maxBytes: 32 * 1024 * 1024, ttlMs: 5 * 60_000 };

/** A kept answer: its bytes as sent, what it cost, its headers, and what it was read from. */
interface Entry {
  /**
   * The whole body as sent when no rate limit is reported (a GET, or the limits off): sent as it
   * is, nothing encoded again. Its first `head` bytes, `{"data":...,"extensions":`, start the body
   * of an answer that reports one.
   */
  body: Buffer;
  head: number;
  cost: { requestedQueryCost: number; maximumQueryCost: number };
  headers: Record<string, string>;
  reads: readonly PublicRead[];
}

/** The headers an answer is sent with that belong to it, not to the request (those are set again on every reply). */
const ANSWER_HEADERS = ['content-type', 'cache-control', 'vary'] as const;

/** Longer keys are not kept: a public query is short, and a long key costs memory and hashing. */
const MAX_KEY_LENGTH = 8 * 1024;

/**
 * The public answer cache: the answers of public, anonymous queries kept in this process, and each
 * served again only after a statement has shown that no transaction touching what it read
 * (`public_change`, written by triggers) committed after the snapshot it was read in (one
 * statement for all the requests that arrive while the event loop turns once: ChangeChecker). So a
 * publication, an amendment or a withdrawal, made through any instance, is seen by every instance
 * from the moment it commits; there is no window of staleness and no message to wait for.
 *
 * A request is looked up before GraphQL runs (Fastify's preHandler), by everything that can change
 * its answer: method, content type, accept, the CSRF-preflight headers, the document (or its
 * persisted-query hash), the operation name and the variables. A caller with a token, or one
 * whose token failed, is never served from or into it. An answer is kept only when the operation
 * was a query of KEPT_ROOT_FIELDS alone, ran without an error and every field recorded its read;
 * it is sent again byte for byte, but for what the caller's rate limit leaves (`extensions.cost`).
 */
export class AnswerCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly checker: ChangeChecker;
  private readonly pending = new WeakMap<FastifyRequest, { key: string; reads?: PublicReads }>();
  private horizon: string | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly knex: Knex,
    private readonly logger: StatementLogger,
    private readonly options: AnswerCacheOptions,
  ) {
    this.checker = new ChangeChecker(knex, logger);
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      ttl: options.ttlMs,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 256,
    });
  }

  /** The reads of a request being answered by GraphQL, to be filled in by its fields (the context's `publicReads`). */
  readsFor(request: FastifyRequest): PublicReads | undefined {
    const pending = this.pending.get(request);
    if (!pending) return undefined;
    return (pending.reads ??= new PublicReads());
  }

  register(app: FastifyInstance, path: string): void {
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== path) return;
      const key = keyOf(request);
      if (key === null) return;
      const entry = this.entries.get(key);
      if (entry) {
        if (!(await this.checker.changed(entry.reads))) return this.send(request, reply, entry);
        this.entries.delete(key);
      }
      this.pending.set(request, { key });
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const pending = this.pending.get(request);
      if (!pending) return payload;
      this.pending.delete(request);
      if (reply.statusCode === 200 && pending.reads?.keepable && typeof payload === 'string') {
        const entry = entryOf(payload, reply, pending.reads.reads);
        if (entry) this.entries.set(pending.key, entry);
      }
      return payload;
    });

    // Changes old enough that every kept answer was read after them are forgotten, every two
    // lifetimes of an answer: the horizon taken at one sweep is used at the next.
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => app.log.warn({ err: error }, 'could not forget old public changes'));
    }, 2 * this.options.ttlMs);
    this.sweeper.unref();
    app.addHook('onClose', async () => {
      if (this.sweeper) clearInterval(this.sweeper);
    });
  }

  /** Forgets the changes made before the horizon of the last sweep, and takes the next one. */
  async sweep(): Promise<void> {
    const next = await oldestRunningTransaction(this.knex, this.logger);
    if (this.horizon !== null) await forgetChangesBefore(this.knex, this.logger, this.horizon);
    this.horizon = next;
  }

  private send(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
    for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
    // As the cost plugin writes it (query-cost.ts): a GET answer carries no rate limit, so it can be revalidated.
    const rateLimit = request.method === 'GET' ? null : rateLimitLeft(reply);
    if (rateLimit === null) return reply.send(entry.body);
    const tail = Buffer.from(`${JSON.stringify({ cost: { ...entry.cost, rateLimit } })}}\n`);
    return reply.send(Buffer.concat([entry.body.subarray(0, entry.head), tail]));
  }
}

/** The cache key of a request, or null when it is not one the cache may serve. */
function keyOf(request: FastifyRequest): string | null {
  if (request.principal || request.authenticationError || request.headers.authorization !== undefined) return null;
  let query: unknown, operationName: unknown, variables: unknown, extensions: unknown;
  if (request.method === 'POST') {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    ({ query, operationName, variables, extensions } = body as Record<string, unknown>);
    variables = variables === undefined ? undefined : JSON.stringify(variables);
    extensions = extensions === undefined ? undefined : JSON.stringify(extensions);
  } else if (request.method === 'GET') {
    ({ query, operationName, variables, extensions } = request.query as Record<string, unknown>);
  } else {
    return null;
  }
  const headers = request.headers;
  const key = JSON.stringify([
    request.method,
    headers['content-type'] ?? null,
    headers.accept ?? null,
    headers['apollo-require-preflight'] !== undefined,
    headers['x-apollo-operation-name'] !== undefined,
    query ?? null,
    operationName ?? null,
    variables ?? null,
    extensions ?? null,
  ]);
  return key.length <= MAX_KEY_LENGTH ? key : null;
}

/** Where an answer's own `extensions` start: the last key of the object Apollo sends (JSON.stringify of `{ data, extensions }`). */
const EXTENSIONS_KEY = ',"extensions":';

/**
 * A kept answer from the bytes GraphQL sent, or null when they are not the plain shape it can send
 * again: `{"data":{...},"extensions":{"cost":{...}}}` and nothing else (no errors, data not null).
 * Only the extensions are parsed: the data is kept as the bytes it was sent as, not parsed and
 * encoded again (a feed page of 100 events is about 270 KB, a megabyte of objects once parsed).
 */
function entryOf(payload: string, reply: FastifyReply, reads: readonly PublicRead[]): Entry | null {
  // Not one with null data, nor one with errors (before or after the data: the key cannot occur
  // in a string, where its quotes are escaped; an alias "errors" in the data only costs the keeping).
  if (!payload.startsWith('{"data":{') || payload.includes('"errors":')) return null;
  // A key "extensions" inside the data (an alias) comes before the answer's own, which is last.
  const at = payload.lastIndexOf(EXTENSIONS_KEY);
  const end = payload.trimEnd();
  if (at < 0 || !end.endsWith('}')) return null;
  let extensions: unknown;
  try {
    extensions = JSON.parse(end.slice(at + EXTENSIONS_KEY.length, -1));
  } catch {
    return null;
  }
  if (typeof extensions !== 'object' || extensions === null || Object.keys(extensions).join() !== 'cost') return null;
  const given = (extensions as { cost?: Partial<Entry['cost']> }).cost;
  if (typeof given?.requestedQueryCost !== 'number' || typeof given.maximumQueryCost !== 'number') return null;
  const headers: Record<string, string> = {};
  for (const name of ANSWER_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  const cost = { requestedQueryCost: given.requestedQueryCost, maximumQueryCost: given.maximumQueryCost };
  const head = Buffer.from(payload.slice(0, at + EXTENSIONS_KEY.length));
  const body = Buffer.concat([head, Buffer.from(`${JSON.stringify({ cost: { ...cost, rateLimit: null } })}}\n`)]);
  return { body, head: head.length, cost, headers, reads };
}
