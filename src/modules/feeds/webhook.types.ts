import { DateTimeResolver } from 'graphql-scalars';
import type { Opt } from '@mikro-orm/core';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedEventType } from '../../domain/feed';
import { ConnectionType } from '../shared/connection';
import { UserError } from '../shared/user-error';
import { DeliveryStatus } from './webhook.entity';

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet delivered: waiting for its next attempt.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every attempt failed: given up (the event stays in the feed).' },
  },
});

@ObjectType('WebhookEndpoint', { description: "A local authority's webhook endpoint." })
export class WebhookEndpointView {
  @Field(() => ID, { description: 'ID of the endpoint.' }) id!: string;
  @Field({ description: 'Where deliveries are POSTed.' }) url!: string;
  @Field(() => [FeedEventType], { description: 'The event types sent to it.' }) eventTypes!: FeedEventType[];
  @Field({ description: "The owning local authority (ONS code): its area's public events and the notifications addressed to it are sent." })
  localAuthority!: string;
  @Field({ description: 'Still receiving deliveries.' }) active!: boolean;
  @Field(() => DateTimeResolver, { description: 'When it was registered.' }) createdAt!: Date;
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or to send) to one endpoint, with how it went.' })
export class WebhookDeliveryView {
  @Field(() => ID, { description: 'ID of the delivery.' }) id!: string;
  @Field(() => ID, { description: 'The event: the `id` in the body and in `X-Ofsted-Event-Id`, the same on every attempt.' })
  eventId!: string;
  @Field(() => FeedEventType, { description: 'Its type.' }) eventType!: FeedEventType;
  @Field(() => DeliveryStatus, { description: 'Where it stands.' }) status!: DeliveryStatus;
  @Field(() => Int, { description: 'Attempts made.' }) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when there was no answer.' }) lastStatusCode!:
    number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' }) lastError!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the last attempt was made.' }) lastAttemptAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Pending: when the next attempt is due (backing off exponentially).' })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was delivered.' }) deliveredAt!: Date | null;
  @Field(() => DateTimeResolver, { description: 'When the event was queued for this endpoint.' }) createdAt!: Date & Opt;
}

@ObjectType({ description: 'A page of webhook deliveries, newest first.' })
export class WebhookDeliveryConnection extends ConnectionType(WebhookDeliveryView, 'WebhookDelivery') {}

@InputType({ description: 'A webhook endpoint to register.' })
export class RegisterWebhookEndpointInput {
  @Field({ description: 'An https URL (plain http only for a loopback address, where the server allows it).' }) url!: string;
  @Field(() => [FeedEventType], { description: 'The event types to send.' }) eventTypes!: FeedEventType[];
}

@InputType({ description: 'A webhook endpoint to stop sending to; its delivery log stays.' })
export class RemoveWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' }) endpointId!: string;
}

@ObjectType({ description: 'The endpoint registered, and its signing secret, shown this once.' })
export class RegisterWebhookEndpointPayload {
  @Field(() => WebhookEndpointView, { nullable: true, description: 'The endpoint; null when there are userErrors.' })
  endpoint!: WebhookEndpointView | null;
  @Field(() => String, { nullable: true, description: 'The HMAC-SHA256 key deliveries are signed with. Shown only here: store it.' })
  signingSecret!: string | null;
  @Field(() => [UserError], { description: 'Why nothing was registered, if so.' }) userErrors!: UserError[];
}

@InputType({ description: 'An endpoint whose failed deliveries to send again, once it can take them.' })
export class RetryFailedWebhookDeliveriesInput {
  @Field(() => ID, { description: 'The endpoint (active).' }) endpointId!: string;
}

@ObjectType({ description: 'The failed deliveries queued again.' })
export class RetryFailedWebhookDeliveriesPayload {
  @Field(() => Int, { description: 'How many were queued again, each with a fresh set of attempts.' }) retried!: number;
  @Field(() => [UserError], { description: 'Why nothing was queued, if so.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'The endpoint removed.' })
export class RemoveWebhookEndpointPayload {
  @Field(() => WebhookEndpointView, { nullable: true, description: 'The endpoint, no longer active.' })
  endpoint!: WebhookEndpointView | null;
  @Field(() => [UserError], { description: 'Why nothing changed, if so.' }) userErrors!: UserError[];
}
