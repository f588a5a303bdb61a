import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import { retryDelayMs } from '../../domain/feed';
import type { NetworkPolicy } from '../../domain/network-address';
import { viewOf } from './feed.service';
import { DeliveryStatus, WebhookDelivery } from './webhook.entity';
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signature,
} from './webhook-signature';
import { REFUSED_TARGET_MESSAGE, RefusedTargetError, guardedLookup, mayContact, systemResolver, type HostResolver } from './webhook-url';

export interface DeliveryWorkerOptions {
  /** Deliveries taken per round. */
  batchSize: number;
  /** Pause between rounds when there was nothing due. */
  pollIntervalMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  retryBaseMs: number;
  retryCapMs: number;
  /** Attempts before a delivery is given up (FAILED). */
  maxAttempts: number;
  /**
   * How long a delivery taken for sending is kept from other workers; past it, the attempt is
   * taken to have been interrupted and the delivery is sent again. Longer than a send can take:
   * by default the timeout plus a minute.
   */
  leaseMs?: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryWorkerOptions = {
  batchSize: 20,
  pollIntervalMs: 1_000,
  timeoutMs: 5_000,
  retryBaseMs: 30_000,
  retryCapMs: 6 * 60 * 60 * 1_000,
  maxAttempts: 12,
};

interface Outcome {
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

/** A delivery taken by this worker: the row, with its endpoint and event, and the number of the attempt it is making. */
interface Claimed {
  delivery: WebhookDelivery;
  attempt: number;
}

/** Who the worker may connect to, and how it resolves host names (the system's DNS unless a test injects its own). */
export interface DeliveryNetwork extends NetworkPolicy {
  resolve?: HostResolver;
}

/** What the log says of an attempt that was taken but whose outcome was never recorded (its worker stopped mid-send). */
const INTERRUPTED = 'The last attempt was interrupted before its outcome was recorded';

/**
 * Sends webhook deliveries, PostgreSQL being the queue, at least once: each round
 *
 * 1. takes the due rows with `FOR UPDATE SKIP LOCKED` and, in the same short transaction, counts
 *    the attempt it is about to make and leases the rows (`next_attempt_at` moves past the time a
 *    send can take): committed before anything is sent, so an attempt that reaches a receiver is
 *    always counted, and another worker leaves the rows alone meanwhile;
 * 2. sends them, outside any transaction, to public addresses only (`webhook-url.ts`), never
 *    following a redirect;
 * 3. records each outcome, unless the row has been taken again since (the lease ran out).
 *
 * A worker that dies mid-send leaves its rows leased: once the lease runs out another worker sends
 * them again as the next attempt (`X-Ofsted-Delivery-Attempt: 2`), with the same event ID, which
 * receivers use to drop what they have already processed.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly lookup: LookupFunction;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: DeliveryWorkerOptions = DEFAULT_DELIVERY_OPTIONS,
    private readonly log?: Pick<FastifyBaseLogger, 'warn' | 'error'>,
    /**
     * Who may be sent to: by default public addresses only (production's rule); the server
     * passes its configured policy (`WEBHOOK_ALLOW_LOOPBACK`), tests allow loopback receivers.
     */
    private readonly network: DeliveryNetwork = { allowLoopback: false },
  ) {
    this.lookup = guardedLookup(network, network.resolve ?? systemResolver);
  }

  /** One round: sends what is due (up to a batch) and returns how many were attempted. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length === 0) return 0;
    const outcomes = await Promise.all(claimed.map((taken) => this.send(taken)));
    await this.record(claimed, outcomes);
    return claimed.length;
  }

  /**
   * Takes the due rows, counts the attempt about to be made and leases them, and commits: the
   * count is in the database before the first byte is sent. A row whose last attempt was taken
   * but never recorded, and that has no attempts left, is given up instead.
   */
  private async claim(): Promise<Claimed[]> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const due = await tx.getConnection().execute<{ id: string }[]>(
        `select d."id" from "webhook_delivery" d join "feed_event" e on e."id" = d."event_id" join "webhook_endpoint" w on w."id" = d."endpoint_id"
          where d."status" = 'PENDING' and d."next_attempt_at" <= now() and e."position" is not null and w."active"
          order by d."next_attempt_at", e."position" limit ? for update of d skip locked`,
        [this.options.batchSize],
        'all',
        tx.getTransactionContext(),
      );
      if (due.length === 0) return [];
      const deliveries = await tx.find(WebhookDelivery, { id: { $in: due.map((row) => row.id) } }, { populate: ['endpoint', 'event'] });
      const now = new Date();
      const leaseMs = this.options.leaseMs ?? this.options.timeoutMs + 60_000;
      const claimed: Claimed[] = [];
      for (const delivery of deliveries) {
        if (delivery.attempts >= this.options.maxAttempts) {
          delivery.status = DeliveryStatus.FAILED;
          delivery.lastStatusCode = null;
          delivery.lastError = INTERRUPTED;
          continue;
        }
        delivery.attempts += 1;
        delivery.lastAttemptAt = now;
        delivery.nextAttemptAt = new Date(now.getTime() + leaseMs);
        claimed.push({ delivery, attempt: delivery.attempts });
      }
      return claimed;
    });
  }

  /**
   * Records how each attempt went, under a row lock, for the rows still on the attempt this worker
   * made: a row taken again since (this worker outlived its lease) is the newer attempt's to record.
   * A row no longer pending (its endpoint removed meanwhile) is changed only if it was delivered.
   */
  private async record(claimed: Claimed[], outcomes: Outcome[]): Promise<void> {
    const em = this.orm.em.fork();
    await em.transactional(async (tx) => {
      const rows = await tx.find(
        WebhookDelivery,
        { id: { $in: claimed.map((taken) => taken.delivery.id) } },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      const now = new Date();
      claimed.forEach(({ delivery: { id }, attempt }, i) => {
        const outcome = outcomes[i];
        const row = byId.get(id);
        if (!row || row.attempts !== attempt) return;
        if (row.status !== DeliveryStatus.PENDING && !outcome.delivered) return;
        row.lastStatusCode = outcome.statusCode;
        row.lastError = outcome.error;
        if (outcome.delivered) {
          row.status = DeliveryStatus.DELIVERED;
          row.deliveredAt = now;
        } else if (row.attempts >= this.options.maxAttempts) {
          row.status = DeliveryStatus.FAILED;
        } else {
          row.nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts, this.options.retryBaseMs, this.options.retryCapMs));
        }
      });
    });
  }

  /**
   * One attempt: a POST of the event, signed, with its ID both in `X-Ofsted-Event-Id` and as the
   * `Idempotency-Key`, and the number of this attempt. The host is checked before anything is
   * looked up (an internal IP address or name is never contacted), and every address its name
   * resolves to is checked by the socket's own lookup, so the address checked is the one connected
   * to. A redirect is not followed: its status is recorded as a failed attempt. The time limit
   * covers the lookup, the connection and the answer.
   */
  private async send({ delivery, attempt }: Claimed): Promise<Outcome> {
    const endpoint = delivery.endpoint.getEntity();
    const event = delivery.event.getEntity();
    const body = JSON.stringify(viewOf(event));
    const timestamp = Math.floor(Date.now() / 1000);
    const url = URL.canParse(endpoint.url) ? new URL(endpoint.url) : null;
    if (!url || !mayContact(url, this.network)) return { delivered: false, statusCode: null, error: REFUSED_TARGET_MESSAGE };
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'ofsted-inspection-api-webhooks/1',
      [EVENT_ID_HEADER]: event.id,
      [IDEMPOTENCY_KEY_HEADER]: event.id,
      [EVENT_TYPE_HEADER]: event.type,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signature(endpoint.secret, timestamp, body),
      [ATTEMPT_HEADER]: String(attempt),
    };
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    try {
      const statusCode = await new Promise<number>((resolve, reject) => {
        const sending = request(
          url,
          { method: 'POST', headers, agent: false, lookup: this.lookup, signal: AbortSignal.timeout(this.options.timeoutMs) },
          (response) => {
            resolve(response.statusCode ?? 0);
            response.destroy(); // the answer's body is not read
          },
        );
        sending.on('error', reject);
        sending.end(body);
      });
      const delivered = statusCode >= 200 && statusCode < 300;
      const redirect = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
      return { delivered, statusCode, error: delivered ? null : `HTTP ${statusCode}${redirect}` };
    } catch (error) {
      return { delivered: false, statusCode: null, error: this.failure(error) };
    }
  }

  /** Why an attempt got no answer, without internal detail: a refusal, a timeout, or the error's code. */
  private failure(error: unknown): string {
    if (error instanceof RefusedTargetError) return REFUSED_TARGET_MESSAGE;
    const { name, code } = error instanceof Error ? (error as NodeJS.ErrnoException) : { name: '', code: undefined };
    if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${this.options.timeoutMs} ms`;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? `Could not connect (${code})` : 'Could not connect';
  }

  /** Runs rounds until stopped: straight on while there is work, pausing when there is none. */
  start(): void {
    this.stopped = false;
    const loop = async () => {
      let attempted = 0;
      try {
        attempted = await this.runOnce();
      } catch (error) {
        this.log?.error({ err: error }, 'webhook delivery round failed');
      }
      if (this.stopped) return;
      this.timer = setTimeout(
        () => {
          this.running = loop();
        },
        attempted > 0 ? 0 : this.options.pollIntervalMs,
      );
    };
    this.running = loop();
  }

  /** Stops after the round in flight (whose deliveries are recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
