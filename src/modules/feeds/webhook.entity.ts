import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { FeedEventType } from '../../domain/feed';
import { FeedEvent } from './feed.entity';

/** Where a local authority wants its feed pushed: a URL and the event types it wants. */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The owning local authority (ONS code): it gets its area's public events and its own notifications. */
  @Property({ type: 'string', length: 9 })
  @Index()
  localAuthority!: string;

  @Property({ type: 'text' })
  url!: string;

  @Enum({ items: () => FeedEventType, nativeEnumName: 'feed_event_type', array: true })
  eventTypes!: FeedEventType[];

  /** The HMAC-SHA256 signing key, shown to the authority once, at registration. */
  @Property({ type: 'string', length: 100, hidden: true })
  secret!: string;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Every attempt failed: given up. */
  FAILED = 'FAILED',
}

/**
 * One event to send to one endpoint, and how sending it went. Made in the event's own
 * transaction (by a trigger), so no event is lost between the change and the queue; the worker
 * takes due rows with FOR UPDATE SKIP LOCKED, so several servers never send the same row at once.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpoint', 'event'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade' })
  endpoint!: Ref<WebhookEndpoint>;

  @ManyToOne(() => FeedEvent, { ref: true })
  event!: Ref<FeedEvent>;

  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status' })
  status: DeliveryStatus & Opt = DeliveryStatus.PENDING;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date & Opt = new Date();

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
