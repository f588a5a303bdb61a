/**
 * Issue 13: webhook URLs cannot be turned against Ofsted's own network (SSRF), and delivery is
 * honestly at least once.
 *
 * - Registration on a production server (loopback not allowed) refuses every URL that is not
 *   https, carries credentials, names a local or internal host or IP address (however it is
 *   written), or whose name resolves to one; a development server refuses the same, loopback apart.
 * - The worker checks again as it connects, through the socket's own lookup: a name that resolves
 *   to an internal address by then is never contacted, and the log says only that it was refused.
 *   Redirects are not followed.
 * - Each attempt is counted in the database before it is sent, so an attempt interrupted mid-send
 *   is made again as the next attempt, with the same event ID as its idempotency key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { print } from 'graphql';
import supertest from 'supertest';
import { Role, type Principal } from '../../src/domain/access';
import { FeedEventType } from '../../src/domain/feed';
import { SettingType } from '../../src/domain/setting-types';
import { DeliveryWorker, type DeliveryNetwork, type DeliveryWorkerOptions } from '../../src/modules/feeds/delivery.worker';
import { FeedEvent, type FeedPayload } from '../../src/modules/feeds/feed.entity';
import { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from '../../src/modules/feeds/webhook.entity';
import { WebhookService } from '../../src/modules/feeds/webhook.service';
import { newSigningSecret } from '../../src/modules/feeds/webhook-signature';
import type { HostResolver } from '../../src/modules/feeds/webhook-url';
import { globalId } from '../../src/modules/shared/node';
import { buildApp } from '../../src/server/app';
import {
  RegisterWebhookEndpointDocument,
  RemoveWebhookEndpointDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
} from '../generated/graphql';
import { TEST_AUTH, startTestApp, type TestApp } from '../support/app';
import { testWorkerOptions } from '../support/webhooks';

const MANCHESTER = 'E08000003';
const REFUSED = 'refused: the URL resolves to a non-public address';
const OPTIONS = testWorkerOptions({ timeoutMs: 1_000 });

type Behaviour = 'ok' | 'redirect' | 'hang';
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** A receiver on a loopback port: records every request that reaches it and answers as told, path by path. */
class Receiver {
  readonly received: Received[] = [];
  readonly behaviour = new Map<string, Behaviour>();
  /** Requests held unanswered ('hang'), to answer when the test says. */
  readonly held: http.ServerResponse[] = [];
  private server!: http.Server;
  port = 0;

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers });
        const behaviour = this.behaviour.get(path) ?? 'ok';
        if (behaviour === 'hang') {
          this.held.push(response);
          return;
        }
        if (behaviour === 'redirect') {
          response.writeHead(302, { location: `${path}/moved` }).end();
          return;
        }
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path.startsWith(path));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A resolver that answers from a table (and records what it was asked), as DNS under an attacker's control would. */
function stubResolver(table: Record<string, string[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

let api: TestApp;
let production: FastifyInstance;
let manchesterToken: string;
let receiver: Receiver;

beforeAll(async () => {
  api = await startTestApp();
  // The same API as production runs it: loopback not allowed.
  production = await buildApp({ orm: api.orm, clock: api.clock, auth: TEST_AUTH, webhooks: { allowLoopback: false } });
  await production.ready();
  manchesterToken = await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'manchester-dcs', localAuthority: MANCHESTER });
  receiver = new Receiver();
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await production.close();
  await api.close();
});

/** Registers a URL on the production server as Manchester. */
async function registerInProduction(url: string) {
  const response = await supertest(production.server)
    .post('/graphql')
    .set('authorization', `Bearer ${manchesterToken}`)
    .send({ query: print(RegisterWebhookEndpointDocument), variables: { input: { url, eventTypes: ['PROVIDER_REGISTERED'] } } });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.registerWebhookEndpoint as {
    endpoint: { id: string } | null;
    signingSecret: string | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

const manchesterPrincipal: Principal = {
  subject: 'manchester-dcs',
  role: Role.LOCAL_AUTHORITY,
  region: null,
  urns: [],
  localAuthority: MANCHESTER,
};

describe('issue 13: registration refuses URLs that lead inside the network', () => {
  test.each([
    ['https://169.254.169.254/latest/meta-data', 'the cloud metadata service (link-local)'],
    ['https://10.0.0.5', 'a private address'],
    ['https://172.16.4.2/hook', 'a private address'],
    ['https://192.168.0.10/hook', 'a private address'],
    ['https://100.100.100.200/latest', 'carrier-grade NAT (a cloud metadata service)'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://0.0.0.0/hook', 'the unspecified address'],
    ['https://[::1]/hook', 'IPv6 loopback'],
    ['https://[::ffff:127.0.0.1]', 'IPv4-mapped loopback'],
    ['https://[::ffff:7f00:1]/hook', 'IPv4-mapped loopback, in hex'],
    ['https://[::ffff:a9fe:a9fe]/latest', 'the IPv4-mapped metadata service'],
    ['https://[64:ff9b::a00:5]/hook', 'NAT64 of a private address'],
    ['https://[fe80::1]/hook', 'IPv6 link-local'],
    ['https://[fd00:ec2::254]/latest', 'IPv6 unique-local (a cloud metadata service)'],
    ['https://2130706433/hook', 'loopback as one decimal number'],
    ['https://0177.0.0.1/hook', 'loopback in octal'],
    ['https://0x7f000001/hook', 'loopback in hex'],
    ['https://localhost/hook', 'localhost'],
    ['https://localhost./hook', 'localhost with a trailing dot'],
    ['https://admin.localhost/hook', 'a name under localhost'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'the metadata service by name'],
    ['https://vault.service.internal/hook', 'a name under .internal'],
    ['https://printer.local/hook', 'an mDNS name'],
    ['https://intranet/hook', 'a single-label name'],
    ['http://receiver.example.org/hook', 'plain http'],
    ['https://user:pass@receiver.example.org/hook', 'credentials'],
  ])('%s (%s) is refused with BAD_USER_INPUT on input.url, without echoing it, and nothing is registered', async (url) => {
    const payload = await registerInProduction(url);
    expect(payload.endpoint).toBeNull();
    expect(payload.signingSecret).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'url'], code: 'BAD_USER_INPUT' })]);
    expect(payload.userErrors[0].message).not.toContain(new URL(url).hostname.replace(/^\[|\]$/g, ''));
  });

  test('nothing was registered by any of those', async () => {
    const { data } = await api.gql(WebhookEndpointsDocument, {}, { token: manchesterToken });
    expect(data!.webhookEndpoints).toEqual([]);
  });

  test.each([
    [['10.0.0.5'], 'a private address'],
    [['169.254.169.254'], 'the metadata service'],
    [['93.184.215.14', '10.0.0.5'], 'a public address and a private one (any internal address refuses it)'],
    [['::ffff:127.0.0.1'], 'IPv4-mapped loopback'],
    [['fd00::1'], 'an IPv6 unique-local address'],
    [['127.0.0.1'], 'loopback'],
  ])('a name that resolves to %j (%s) is refused, and the message names no address', async (addresses) => {
    const resolve = stubResolver({ 'hooks.attacker.example.com': addresses });
    const service = new WebhookService(api.orm.em.fork(), manchesterPrincipal, { allowLoopback: false }, resolve);
    const payload = await service.register({
      url: 'https://hooks.attacker.example.com/hook',
      eventTypes: [FeedEventType.PROVIDER_REGISTERED],
    });
    expect(resolve.asked).toEqual(['hooks.attacker.example.com']);
    expect(payload.endpoint).toBeNull();
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        field: ['input', 'url'],
        code: 'BAD_USER_INPUT',
        message: "The URL's host name resolves to an address that is not public",
      }),
    ]);
    for (const address of addresses) expect(payload.userErrors[0].message).not.toContain(address);
  });

  test('a name that does not resolve is refused; one that resolves only to public addresses is registered', async () => {
    const resolve = stubResolver({ 'hooks.manchester.gov.uk': ['51.140.0.10', '2a00:1450:4009:81f::200e'] });
    const service = new WebhookService(api.orm.em.fork(), manchesterPrincipal, { allowLoopback: false }, resolve);
    const unknown = await service.register({
      url: 'https://no-such-host.manchester.gov.uk/hook',
      eventTypes: [FeedEventType.PROVIDER_REGISTERED],
    });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ field: ['input', 'url'], code: 'BAD_USER_INPUT' })]);
    const registered = await service.register({
      url: 'https://hooks.manchester.gov.uk./ofsted',
      eventTypes: [FeedEventType.PROVIDER_REGISTERED],
    });
    expect(registered.userErrors).toEqual([]);
    expect(resolve.asked).toEqual(['no-such-host.manchester.gov.uk', 'hooks.manchester.gov.uk']);
    await service.remove({ endpointId: registered.endpoint!.id });
  });

  test('in development loopback is allowed (plain http too), but private, link-local and metadata targets are still refused', async () => {
    const manchester = api.as(manchesterToken);
    for (const url of [
      'https://10.0.0.5/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://metadata.google.internal/',
      'https://[::ffff:10.0.0.5]/',
      'https://localhost./hook',
    ]) {
      const { data } = await manchester.gql(RegisterWebhookEndpointDocument, { input: { url, eventTypes: ['PROVIDER_REGISTERED'] } });
      expect(data!.registerWebhookEndpoint.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'url'], code: 'BAD_USER_INPUT' }),
      ]);
    }
    const resolve = stubResolver({ 'dev.example.org': ['10.1.2.3'] });
    const service = new WebhookService(api.orm.em.fork(), manchesterPrincipal, { allowLoopback: true }, resolve);
    const resolvedPrivate = await service.register({
      url: 'https://dev.example.org/hook',
      eventTypes: [FeedEventType.PROVIDER_REGISTERED],
    });
    expect(resolvedPrivate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'url'], code: 'BAD_USER_INPUT' })]);

    const { data } = await manchester.gql(RegisterWebhookEndpointDocument, {
      input: { url: `http://127.0.0.1:${receiver.port}/dev`, eventTypes: ['PROVIDER_REGISTERED'] },
    });
    expect(data!.registerWebhookEndpoint.userErrors).toEqual([]);
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: data!.registerWebhookEndpoint.endpoint!.id } });
  });
});

/** An endpoint stored as it is (registered under older rules, or before its DNS changed). */
async function storedEndpoint(url: string): Promise<WebhookEndpoint> {
  const em = api.orm.em.fork();
  const endpoint = em.create(WebhookEndpoint, {
    localAuthority: MANCHESTER,
    url,
    eventTypes: [FeedEventType.PROVIDER_REGISTERED],
    secret: newSigningSecret(),
    createdBy: 'issue-13-test',
  });
  await em.flush();
  return endpoint;
}

let nextUrn = 3_300_000;
/** One feed event every active Manchester endpoint for it is queued a delivery of. */
async function publishEvent(): Promise<string> {
  const em = api.orm.em.fork();
  const urn = String(nextUrn++);
  const event = em.create(FeedEvent, {
    type: FeedEventType.PROVIDER_REGISTERED,
    urn,
    settingType: SettingType.CHILDRENS_HOME,
    localAuthority: MANCHESTER,
    region: 'E12000002',
    occurredOn: '2026-11-20',
    payload: { area: { localAuthorityCode: MANCHESTER }, setting: { urn } } as unknown as FeedPayload,
  });
  await em.flush();
  return event.id;
}

/** The endpoint's delivery log as the authority reads it. */
async function log(endpoint: WebhookEndpoint) {
  const { data } = await api.gql(
    WebhookDeliveriesDocument,
    { endpointId: globalId('WebhookEndpoint', endpoint.id), first: 10 },
    { token: manchesterToken },
  );
  return data!.webhookDeliveries!.edges.map((e) => e.node);
}

/** Removes the endpoints, so later events queue nothing for them. */
async function retire(...endpoints: WebhookEndpoint[]): Promise<void> {
  for (const endpoint of endpoints)
    await api.gql(
      RemoveWebhookEndpointDocument,
      { input: { endpointId: globalId('WebhookEndpoint', endpoint.id) } },
      { token: manchesterToken },
    );
}

const worker = (network: DeliveryNetwork, options: Partial<DeliveryWorkerOptions> = {}) =>
  new DeliveryWorker(api.orm, { ...OPTIONS, ...options }, undefined, network);

describe('issue 13: the worker checks the address it connects to', () => {
  test('a name that resolves to an internal address when the worker connects is not contacted; the log says only that it was refused', async () => {
    // Both names passed registration; now their DNS answers with internal addresses (one of them this receiver's).
    const rebound = await storedEndpoint(`http://rebound.example.org:${receiver.port}/rebound`);
    const metadata = await storedEndpoint('https://metadata.attacker.example.com/latest/meta-data');
    const resolve = stubResolver({ 'rebound.example.org': ['127.0.0.1'], 'metadata.attacker.example.com': ['169.254.169.254'] });
    await publishEvent();
    expect(await worker({ allowLoopback: false, resolve }).runOnce()).toBe(2);

    expect(receiver.at('/rebound')).toEqual([]);
    expect([...resolve.asked].sort()).toEqual(['metadata.attacker.example.com', 'rebound.example.org']);
    for (const endpoint of [rebound, metadata]) {
      expect(await log(endpoint)).toEqual([
        expect.objectContaining({ status: 'PENDING', attempts: 1, lastStatusCode: null, lastError: REFUSED }),
      ]);
    }
    await retire(rebound, metadata);
  });

  test('a development worker still refuses a name that resolves to a private address, and sends to one that resolves to loopback', async () => {
    const privateName = await storedEndpoint('http://private.example.org/hook');
    const loopbackName = await storedEndpoint(`http://receiver.example.org:${receiver.port}/via-lookup`);
    const resolve = stubResolver({ 'private.example.org': ['10.0.0.5'], 'receiver.example.org': ['127.0.0.1'] });
    await publishEvent();
    await worker({ allowLoopback: true, resolve }).runOnce();
    expect(await log(privateName)).toEqual([expect.objectContaining({ status: 'PENDING', attempts: 1, lastError: REFUSED })]);
    // The address the lookup gave (and checked) is the one connected to: the name itself resolves nowhere.
    expect(receiver.at('/via-lookup')).toHaveLength(1);
    expect(await log(loopbackName)).toEqual([expect.objectContaining({ status: 'DELIVERED', attempts: 1, lastStatusCode: 200 })]);
    await retire(privateName, loopbackName);
  });

  test('an internal IP address stored before these rules is refused without any lookup or connection', async () => {
    const stored = await storedEndpoint('https://169.254.169.254/latest/meta-data');
    const local = await storedEndpoint(`http://127.0.0.1:${receiver.port}/stored-loopback`);
    const resolve = stubResolver({});
    await publishEvent();
    await worker({ allowLoopback: false, resolve }).runOnce();
    expect(resolve.asked).toEqual([]);
    expect(receiver.at('/stored-loopback')).toEqual([]);
    expect(await log(stored)).toEqual([expect.objectContaining({ attempts: 1, lastStatusCode: null, lastError: REFUSED })]);
    expect(await log(local)).toEqual([expect.objectContaining({ attempts: 1, lastStatusCode: null, lastError: REFUSED })]);
    await retire(stored, local);
  });

  test('a redirect is not followed: the 3xx is a failed attempt with its status', async () => {
    receiver.behaviour.set('/redirect', 'redirect');
    const endpoint = await storedEndpoint(`http://127.0.0.1:${receiver.port}/redirect`);
    await publishEvent();
    await worker({ allowLoopback: true }).runOnce();
    expect(receiver.at('/redirect').map((r) => r.path)).toEqual(['/redirect']);
    expect(await log(endpoint)).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        attempts: 1,
        lastStatusCode: 302,
        lastError: 'HTTP 302 (redirects are not followed)',
        deliveredAt: null,
      }),
    ]);
    await retire(endpoint);
  });
});

describe('issue 13: delivery is at least once, and the log counts every attempt made', () => {
  test('the attempt is counted in the database before it is sent; an attempt interrupted mid-send is made again as attempt 2 with the same idempotency key', async () => {
    receiver.behaviour.set('/in-flight', 'hang');
    const endpoint = await storedEndpoint(`http://127.0.0.1:${receiver.port}/in-flight`);
    const eventId = await publishEvent();

    // A worker sends, and the receiver holds the request: the process could die now.
    const first = worker({ allowLoopback: true }, { timeoutMs: 20_000 });
    const round = first.runOnce();
    const until = Date.now() + 10_000;
    while (receiver.at('/in-flight').length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    const [firstAttempt] = receiver.at('/in-flight');
    expect(firstAttempt.headers['x-ofsted-delivery-attempt']).toBe('1');
    expect(firstAttempt.headers['x-ofsted-event-id']).toBe(eventId);
    expect(firstAttempt.headers['idempotency-key']).toBe(eventId);

    // Already counted, and leased: no other worker takes it while the send may still be going on.
    const em = api.orm.em.fork();
    const inFlight = await em.findOneOrFail(WebhookDelivery, { endpoint: endpoint.id });
    expect(inFlight).toEqual(expect.objectContaining({ status: DeliveryStatus.PENDING, attempts: 1, lastAttemptAt: expect.any(Date) }));
    expect(inFlight.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    const other = worker({ allowLoopback: true });
    expect(await other.runOnce()).toBe(0);

    // As if the first worker had died: its lease runs out, and another worker sends the delivery again.
    receiver.behaviour.set('/in-flight', 'ok');
    await em.nativeUpdate(WebhookDelivery, { id: inFlight.id }, { nextAttemptAt: new Date(Date.now() - 1_000) });
    expect(await other.runOnce()).toBe(1);
    const attempts = receiver.at('/in-flight');
    expect(attempts.map((a) => a.headers['x-ofsted-delivery-attempt'])).toEqual(['1', '2']);
    expect(attempts.map((a) => a.headers['idempotency-key'])).toEqual([eventId, eventId]);
    expect(await log(endpoint)).toEqual([expect.objectContaining({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200 })]);

    // The first worker's late outcome does not overwrite the newer attempt's.
    for (const response of receiver.held.splice(0)) response.destroy();
    await round;
    expect(await log(endpoint)).toEqual([
      expect.objectContaining({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200, lastError: null }),
    ]);
    await retire(endpoint);
  });

  test('a delivery whose last allowed attempt was interrupted is given up, saying so, rather than left pending', async () => {
    const endpoint = await storedEndpoint(`http://127.0.0.1:${receiver.port}/interrupted`);
    await publishEvent();
    const em = api.orm.em.fork();
    const delivery = await em.findOneOrFail(WebhookDelivery, { endpoint: endpoint.id });
    // The state a worker that died during the last attempt leaves behind, once its lease has run out.
    await em.nativeUpdate(
      WebhookDelivery,
      { id: delivery.id },
      { attempts: OPTIONS.maxAttempts, nextAttemptAt: new Date(Date.now() - 1_000) },
    );
    expect(await worker({ allowLoopback: true }).runOnce()).toBe(0);
    expect(receiver.at('/interrupted')).toEqual([]);
    expect(await log(endpoint)).toEqual([
      expect.objectContaining({
        status: 'FAILED',
        attempts: OPTIONS.maxAttempts,
        lastError: 'The last attempt was interrupted before its outcome was recorded',
      }),
    ]);
    await retire(endpoint);
  });
});
