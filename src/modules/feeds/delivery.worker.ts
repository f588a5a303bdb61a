import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import { retryDelayMs } from '../../domain/feed';
import { viewOf } from './feed.service';
import { DeliveryStatus, WebhookDelivery } from './webhook.entity';
import { ATTEMPT_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signature } from './webhook-signature';

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

/**
 * Sends webhook deliveries, PostgreSQL being the queue: each round takes the due rows with
 * `FOR UPDATE SKIP LOCKED` inside a transaction, sends them, records the outcome and commits.
 * Another server's worker skips the rows this one holds, so no row is sent by two at once; a
 * worker that dies mid-round leaves its rows to be taken again (at least once: receivers drop
 * duplicates by the event ID, which every attempt carries).
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: DeliveryWorkerOptions = DEFAULT_DELIVERY_OPTIONS,
    private readonly log?: Pick<FastifyBaseLogger, 'warn' | 'error'>,
  ) {}

  /** One round: sends what is due (up to a batch) and returns how many were attempted. */
  async runOnce(): Promise<number> {
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
      if (due.length === 0) return 0;
      const deliveries = await tx.find(WebhookDelivery, { id: { $in: due.map((row) => row.id) } }, { populate: ['endpoint', 'event'] });
      const outcomes = await Promise.all(deliveries.map((delivery) => this.send(delivery)));
      const now = new Date();
      deliveries.forEach((delivery, i) => {
        const outcome = outcomes[i];
        delivery.attempts += 1;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.statusCode;
        delivery.lastError = outcome.error;
        if (outcome.delivered) {
          delivery.status = DeliveryStatus.DELIVERED;
          delivery.deliveredAt = now;
        } else if (delivery.attempts >= this.options.maxAttempts) {
          delivery.status = DeliveryStatus.FAILED;
        } else {
          delivery.nextAttemptAt = new Date(now.getTime() + retryDelayMs(delivery.attempts, this.options.retryBaseMs, this.options.retryCapMs));
        }
      });
      return deliveries.length;
    });
  }

  private async send(delivery: WebhookDelivery): Promise<Outcome> {
    const endpoint = delivery.endpoint.getEntity();
    const event = delivery.event.getEntity();
    const body = JSON.stringify(viewOf(event));
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ofsted-inspection-api-webhooks/1',
          [EVENT_ID_HEADER]: event.id,
          [EVENT_TYPE_HEADER]: event.type,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signature(endpoint.secret, timestamp, body),
          [ATTEMPT_HEADER]: String(delivery.attempts + 1),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined);
      const delivered = response.status >= 200 && response.status < 300;
      return { delivered, statusCode: response.status, error: delivered ? null : `HTTP ${response.status}` };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const message = name === 'TimeoutError' || name === 'AbortError' ? `No answer within ${this.options.timeoutMs} ms` : `Could not connect: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`;
      return { delivered: false, statusCode: null, error: message.slice(0, 500) };
    }
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
      this.timer = setTimeout(() => {
        this.running = loop();
      }, attempted > 0 ? 0 : this.options.pollIntervalMs);
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
