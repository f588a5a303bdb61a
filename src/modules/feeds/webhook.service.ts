import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../domain/rule-violation';
import { Role, type Principal } from '../../domain/access';
import { validateWebhookSubscription } from '../../domain/feed';
import { forbidden } from '../auth';
import type { ConnectionShape, PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { globalId, idFromGlobal } from '../shared/node';
import { toUserErrors } from '../shared/user-error';
import { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import type {
  RegisterWebhookEndpointInput,
  RegisterWebhookEndpointPayload,
  RemoveWebhookEndpointInput,
  RemoveWebhookEndpointPayload,
  RetryFailedWebhookDeliveriesInput,
  RetryFailedWebhookDeliveriesPayload,
  WebhookDeliveryView,
  WebhookEndpointView,
} from './webhook.types';
import { newSigningSecret } from './webhook-signature';
import { systemResolver, webhookHostViolations, webhookTargetViolations, type HostResolver } from './webhook-url';

export const endpointView = (endpoint: WebhookEndpoint): WebhookEndpointView => ({
  id: globalId('WebhookEndpoint', endpoint.id),
  url: endpoint.url,
  eventTypes: endpoint.eventTypes,
  localAuthority: endpoint.localAuthority,
  active: endpoint.active,
  createdAt: endpoint.createdAt,
});

const deliveryView = (delivery: WebhookDelivery): WebhookDeliveryView => ({
  id: globalId('WebhookDelivery', delivery.id),
  eventId: delivery.event.id,
  eventType: delivery.event.getEntity().type,
  status: delivery.status,
  attempts: delivery.attempts,
  lastStatusCode: delivery.lastStatusCode,
  lastError: delivery.lastError,
  lastAttemptAt: delivery.lastAttemptAt,
  nextAttemptAt: delivery.status === 'PENDING' ? delivery.nextAttemptAt : null,
  deliveredAt: delivery.deliveredAt,
  createdAt: delivery.createdAt,
});

/** A local authority's webhook endpoints and their delivery log: its own, and no other's. */
export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly policy: { allowLoopback: boolean },
    /** Resolves a URL's host name at registration (the system's DNS; tests inject their own). */
    private readonly resolve: HostResolver = systemResolver,
  ) {}

  private get authority(): string {
    if (this.principal.role !== Role.LOCAL_AUTHORITY || !this.principal.localAuthority)
      throw forbidden('Webhooks belong to a local authority: your token names none');
    return this.principal.localAuthority;
  }

  async register(input: RegisterWebhookEndpointInput): Promise<RegisterWebhookEndpointPayload> {
    const localAuthority = this.authority;
    const eventTypes = [...new Set(input.eventTypes)];
    const existing = await this.em.count(WebhookEndpoint, { localAuthority, active: true });
    const violations = validateWebhookSubscription({ url: input.url, eventTypes }, existing, this.policy);
    // The URL must lead to the public internet (issue 13): by its host's form; and, when nothing else is wrong, by what its name resolves to now.
    if (!violations.some((violation) => violation.field[0] === 'url')) {
      const url = input.url.trim();
      violations.push(
        ...(violations.length === 0
          ? await webhookTargetViolations(url, this.policy, this.resolve)
          : webhookHostViolations(url, this.policy)),
      );
    }
    if (violations.length > 0) return { endpoint: null, signingSecret: null, userErrors: toUserErrors(violations) };
    const secret = newSigningSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      localAuthority,
      url: input.url.trim(),
      eventTypes,
      secret,
      createdBy: this.principal.subject,
    });
    await this.em.flush();
    return { endpoint: endpointView(endpoint), signingSecret: secret, userErrors: [] };
  }

  private async own(endpointId: string): Promise<WebhookEndpoint | null> {
    const id = idFromGlobal(endpointId, 'WebhookEndpoint');
    const endpoint = id ? await this.em.findOne(WebhookEndpoint, { id }) : null;
    if (endpoint && endpoint.localAuthority !== this.authority) throw forbidden('This endpoint belongs to another authority');
    return endpoint;
  }

  async remove(input: RemoveWebhookEndpointInput): Promise<RemoveWebhookEndpointPayload> {
    const endpoint = await this.own(input.endpointId);
    if (!endpoint) return { endpoint: null, userErrors: toUserErrors([notFound(['endpointId'], 'No webhook endpoint has this ID')]) };
    endpoint.active = false;
    await this.em.transactional(async (tx) => {
      tx.persist(endpoint);
      // What was still waiting is not sent: the log says so.
      await tx.nativeUpdate(
        WebhookDelivery,
        { endpoint, status: DeliveryStatus.PENDING },
        { status: DeliveryStatus.FAILED, lastError: 'The endpoint was removed' },
      );
    });
    return { endpoint: endpointView(endpoint), userErrors: [] };
  }

  /** Sends an endpoint's failed deliveries again (after an outage at the receiver), each from its first attempt. */
  async retryFailed(input: RetryFailedWebhookDeliveriesInput): Promise<RetryFailedWebhookDeliveriesPayload> {
    const endpoint = await this.own(input.endpointId);
    if (!endpoint) return { retried: 0, userErrors: toUserErrors([notFound(['endpointId'], 'No webhook endpoint has this ID')]) };
    if (!endpoint.active)
      return {
        retried: 0,
        userErrors: toUserErrors([{ field: ['endpointId'], code: 'CONFLICT', message: 'The endpoint was removed: register it again' }]),
      };
    const retried = await this.em.nativeUpdate(
      WebhookDelivery,
      { endpoint, status: DeliveryStatus.FAILED },
      { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date() },
    );
    return { retried, userErrors: [] };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await this.em.find(WebhookEndpoint, { localAuthority: this.authority }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map(endpointView);
  }

  /** An endpoint's delivery log, newest first; null for an endpoint that does not exist. */
  async deliveries(endpointId: string, args: PageArgs): Promise<ConnectionShape<WebhookDeliveryView> | null> {
    const endpoint = await this.own(endpointId);
    if (!endpoint) return null;
    const page = await keysetList(this.em, WebhookDelivery, [{ endpoint }], args, {
      first: 'createdAt',
      second: 'id',
      keyOf: (d) => `${d.createdAt.toISOString()}|${d.id}`,
      parse: (value) => new Date(value),
      descending: true,
    });
    await this.em.populate(
      page.edges.map((e) => e.node),
      ['event'],
    );
    return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: deliveryView(e.node) })) };
  }
}
