import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../domain/access';
import { Allow } from '../auth';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import {
  RegisterWebhookEndpointInput,
  RegisterWebhookEndpointPayload,
  RemoveWebhookEndpointInput,
  RemoveWebhookEndpointPayload,
  RetryFailedWebhookDeliveriesInput,
  RetryFailedWebhookDeliveriesPayload,
  WebhookDeliveryConnection,
  WebhookEndpointView,
} from './webhook.types';

@Resolver()
export class WebhookResolver {
  @Allow(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => RegisterWebhookEndpointPayload, {
    description:
      "Registers a local authority's webhook endpoint: its area's public events of the types named, and the notifications addressed to it, are POSTed there, signed, retried until delivered. Returns the signing secret once. Takes one `input`, returns `userErrors`.",
  })
  registerWebhookEndpoint(
    @Arg('input', () => RegisterWebhookEndpointInput, { description: 'The endpoint.' }) input: RegisterWebhookEndpointInput,
    @Ctx() context: Context,
  ) {
    return context.services.webhooks.register(input);
  }

  @Allow(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => RemoveWebhookEndpointPayload, {
    description: 'Stops sending to an endpoint; its delivery log stays. Takes one `input`, returns `userErrors`.',
  })
  removeWebhookEndpoint(
    @Arg('input', () => RemoveWebhookEndpointInput, { description: 'The endpoint.' }) input: RemoveWebhookEndpointInput,
    @Ctx() context: Context,
  ) {
    return context.services.webhooks.remove(input);
  }

  @Allow(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => RetryFailedWebhookDeliveriesPayload, {
    description:
      "Sends an endpoint's failed (given up) deliveries again, each with a fresh set of attempts: for after an outage at the receiver. Takes one `input`, returns `userErrors`.",
  })
  retryFailedWebhookDeliveries(
    @Arg('input', () => RetryFailedWebhookDeliveriesInput, { description: 'The endpoint.' }) input: RetryFailedWebhookDeliveriesInput,
    @Ctx() context: Context,
  ) {
    return context.services.webhooks.retryFailed(input);
  }

  @Allow(Permission.MANAGE_WEBHOOKS)
  @Query(() => [WebhookEndpointView], { description: "The caller's local authority's webhook endpoints, oldest first." })
  webhookEndpoints(@Ctx() context: Context) {
    return context.services.webhooks.list();
  }

  @Allow(Permission.MANAGE_WEBHOOKS)
  @Query(() => WebhookDeliveryConnection, {
    nullable: true,
    description: "An endpoint's delivery log, newest first, a page at a time; null when there is no such endpoint.",
  })
  async webhookDeliveries(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Args() args: PageArgsType,
    @Ctx() context: Context,
  ): Promise<WebhookDeliveryConnection | null> {
    const page = await context.services.webhooks.deliveries(endpointId, args);
    return page ? Object.assign(new WebhookDeliveryConnection(), page) : null;
  }
}
