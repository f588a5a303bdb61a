/**
 * Webhooks: a local authority registers endpoints and receives its feed, signed, retried with
 * exponential backoff until delivered (at least once, the event ID on every attempt), with a
 * delivery log; the worker takes its queue from PostgreSQL with FOR UPDATE SKIP LOCKED, so two
 * workers never send the same delivery. A local HTTP receiver fails, times out and recovers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../src/domain/access';
import { FeedEventType, retryDelayMs } from '../../src/domain/feed';
import { SettingType } from '../../src/domain/setting-types';
import { DeliveryWorker } from '../../src/modules/feeds/delivery.worker';
import { FeedEvent, type FeedPayload } from '../../src/modules/feeds/feed.entity';
import { verifySignature } from '../../src/modules/feeds/webhook-signature';
import {
  RegisterWebhookEndpointDocument,
  RemoveWebhookEndpointDocument,
  RetryFailedWebhookDeliveriesDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  WebhookFeedDocument,
  type FeedEventType as FeedEventTypeName,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { toFeedback } from '../support/inspections';
import { INADEQUATE, proposeFull } from '../support/judgements';
import { testWorkerOptions } from '../support/webhooks';

const MANCHESTER = 'E08000003';
const LEEDS = 'E08000035';
const LIVERPOOL = 'E08000012';

const OPTIONS = testWorkerOptions();

type Behaviour = 'ok' | 'fail' | 'timeout';
interface Received {
  at: number;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on a loopback port: answers as told, path by path (then 200), and records everything. */
class Receiver {
  readonly received: Received[] = [];
  private readonly script = new Map<string, Behaviour[]>();
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ at: Date.now(), path, headers: request.headers, body: Buffer.concat(chunks).toString() });
        const behaviour = this.script.get(path)?.shift() ?? 'ok';
        if (behaviour === 'timeout') {
          setTimeout(() => response.end('late'), OPTIONS.timeoutMs * 3).unref();
          return;
        }
        response.statusCode = behaviour === 'ok' ? 200 : 500;
        response.end(behaviour);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  plan(path: string, ...behaviours: Behaviour[]): void {
    this.script.set(path, behaviours);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let api: TestApp;
let receiver: Receiver;
let worker: DeliveryWorker;
let manchester: TestApp;

beforeAll(async () => {
  api = await startTestApp();
  receiver = new Receiver();
  await receiver.start();
  worker = new DeliveryWorker(api.orm, OPTIONS, undefined, { allowLoopback: true });
  manchester = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'manchester-dcs', localAuthority: MANCHESTER }));
});
afterAll(async () => {
  await receiver.stop();
  await api.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs delivery rounds until nothing is pending any more (or fails after a deadline). */
async function drain(workers: DeliveryWorker[] = [worker], deadlineMs = 15_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    await Promise.all(workers.map((w) => w.runOnce()));
    const [row] = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from webhook_delivery where status = 'PENDING'`);
    if (row.n === 0) return;
    await sleep(10);
  }
  throw new Error('deliveries still pending at the deadline');
}

async function endpoint(as: TestApp, path: string, eventTypes: FeedEventTypeName[]) {
  const { data } = await as.gql(RegisterWebhookEndpointDocument, { input: { url: `${receiver.url}${path}`, eventTypes } });
  const payload = data!.registerWebhookEndpoint;
  expect(payload.userErrors).toEqual([]);
  return { id: payload.endpoint!.id, secret: payload.signingSecret! };
}

async function deliveries(as: TestApp, endpointId: string) {
  const { data } = await as.gql(WebhookDeliveriesDocument, { endpointId, first: 100 });
  return data!.webhookDeliveries!.edges.map((e) => e.node);
}

describe('registering an endpoint', () => {
  test('a local authority registers an endpoint and gets its signing secret once', async () => {
    const { data } = await manchester.gql(RegisterWebhookEndpointDocument, {
      input: { url: `${receiver.url}/register`, eventTypes: ['REPORT_PUBLISHED', 'REPORT_PUBLISHED'] },
    });
    const payload = data!.registerWebhookEndpoint;
    expect(payload.userErrors).toEqual([]);
    expect(payload.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(payload.endpoint).toEqual(
      expect.objectContaining({
        url: `${receiver.url}/register`,
        eventTypes: ['REPORT_PUBLISHED'],
        localAuthority: MANCHESTER,
        active: true,
      }),
    );
    const listed = (await manchester.gql(WebhookEndpointsDocument)).data!.webhookEndpoints;
    expect(listed.map((e) => e.id)).toContain(payload.endpoint!.id);
    expect(JSON.stringify(listed)).not.toContain(payload.signingSecret!);
  });

  test.each([
    ['not a URL', 'not a url', ['REPORT_PUBLISHED'], 'url'],
    ['plain http off the loopback', 'http://receiver.example.org/hook', ['REPORT_PUBLISHED'], 'url'],
    ['another scheme', 'ftp://receiver.example.org/hook', ['REPORT_PUBLISHED'], 'url'],
    ['credentials in the URL', 'https://user:pass@receiver.example.org/hook', ['REPORT_PUBLISHED'], 'url'],
    ['no event types', 'https://receiver.example.org/hook', [], 'eventTypes'],
  ] as const)('%s is refused with BAD_USER_INPUT and nothing is registered', async (_name, url, eventTypes, field) => {
    const before = (await manchester.gql(WebhookEndpointsDocument)).data!.webhookEndpoints.length;
    const { data } = await manchester.gql(RegisterWebhookEndpointDocument, { input: { url, eventTypes: [...eventTypes] } });
    expect(data!.registerWebhookEndpoint.userErrors).toEqual([
      expect.objectContaining({ field: ['input', field], code: 'BAD_USER_INPUT' }),
    ]);
    expect(data!.registerWebhookEndpoint.signingSecret).toBeNull();
    expect((await manchester.gql(WebhookEndpointsDocument)).data!.webhookEndpoints).toHaveLength(before);
  });

  test('a local authority token that names no authority may not register; another authority may not read the log', async () => {
    const nameless = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'nameless' }));
    const refused = await nameless.gql(
      RegisterWebhookEndpointDocument,
      { input: { url: `${receiver.url}/x`, eventTypes: ['REPORT_PUBLISHED'] } },
      { allowErrors: true },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await endpoint(manchester, '/private', ['PROVIDER_REGISTERED']);
    const leeds = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'leeds-dcs', localAuthority: LEEDS }));
    const peek = await leeds.gql(WebhookDeliveriesDocument, { endpointId: own.id }, { allowErrors: true });
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: own.id } });
  });
});

describe('deliveries', () => {
  test('a delivery is the feed event, signed over its timestamp and body, with the event ID in a header', async () => {
    const hook = await endpoint(manchester, '/signed', ['PROVIDER_REGISTERED']);
    const home = await registerProvider(api, { name: 'Signed House' });
    await drain();
    const [got] = receiver.at('/signed');
    expect(receiver.at('/signed')).toHaveLength(1);
    const body = JSON.parse(got.body) as { id: string; type: string; urn: string; setting: { urn: string; status: string } };
    expect(got.headers['x-ofsted-event-id']).toBe(body.id);
    expect(got.headers['x-ofsted-event-type']).toBe('PROVIDER_REGISTERED');
    expect(got.headers['x-ofsted-delivery-attempt']).toBe('1');
    const headers = { signature: got.headers['x-ofsted-signature'] as string, timestamp: got.headers['x-ofsted-timestamp'] as string };
    expect(verifySignature(hook.secret, headers, got.body)).toBe(true);
    expect(verifySignature(hook.secret, headers, got.body.replace(home.urn, '9999999'))).toBe(false);
    expect(verifySignature('whsec_another', headers, got.body)).toBe(false);
    expect(verifySignature(hook.secret, headers, got.body, { now: Number(headers.timestamp) + 3600 })).toBe(false);

    // The same event, with the same ID and names, as the feed gives it.
    const feed = (
      await api.gql(WebhookFeedDocument, { localAuthority: MANCHESTER, types: ['PROVIDER_REGISTERED'] }, { token: null })
    ).data!.judgementFeed.edges.map((e) => e.node);
    const inFeed = feed.find((e) => e.id === body.id);
    expect(inFeed).toEqual(expect.objectContaining({ type: 'PROVIDER_REGISTERED', urn: home.urn }));
    expect(body).toEqual(
      expect.objectContaining({
        id: inFeed!.id,
        type: inFeed!.type,
        urn: inFeed!.urn,
        settingType: inFeed!.settingType,
        occurredOn: inFeed!.occurredOn,
      }),
    );
    expect(body.setting).toMatchObject(inFeed!.setting!);
    expect(got.body).not.toContain('Signed House');

    expect(await deliveries(manchester, hook.id)).toEqual([
      expect.objectContaining({
        eventId: body.id,
        eventType: 'PROVIDER_REGISTERED',
        status: 'DELIVERED',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
      }),
    ]);
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hook.id } });
  });

  test('only the authority’s own area and the types it asked for are sent', async () => {
    const hook = await endpoint(manchester, '/own-area', ['PROVIDER_REGISTERED']);
    await registerProvider(api, { name: 'Leeds House', localAuthority: LEEDS });
    await drain();
    expect(receiver.at('/own-area')).toEqual([]);
    expect(await deliveries(manchester, hook.id)).toEqual([]);
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hook.id } });
  });

  test('a receiver that fails and times out is retried with exponential backoff until it recovers, with the same event ID', async () => {
    receiver.plan('/flaky', 'fail', 'fail', 'timeout', 'ok');
    const hook = await endpoint(manchester, '/flaky', ['PROVIDER_REGISTERED']);
    await registerProvider(api, { name: 'Flaky House' });
    await drain();
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a) => a.headers['x-ofsted-event-id'])).size).toBe(1);
    expect(attempts.map((a) => a.headers['x-ofsted-delivery-attempt'])).toEqual(['1', '2', '3', '4']);
    // Each wait at least the backoff for the attempts failed so far (60, 120 ms; then 240 ms after the timeout).
    for (let n = 1; n < attempts.length; n++) {
      const waited = attempts[n].at - attempts[n - 1].at;
      expect(waited).toBeGreaterThanOrEqual(retryDelayMs(n, OPTIONS.retryBaseMs, OPTIONS.retryCapMs) - 5);
    }
    const [log] = await deliveries(manchester, hook.id);
    expect(log).toEqual(expect.objectContaining({ status: 'DELIVERED', attempts: 4, lastStatusCode: 200, lastError: null }));
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hook.id } });
  });

  test('a receiver that never answers 2xx is given up after the last attempt; the log says why; the authority can have it sent again', async () => {
    receiver.plan('/broken', ...Array<Behaviour>(OPTIONS.maxAttempts).fill('fail'));
    const hook = await endpoint(manchester, '/broken', ['PROVIDER_REGISTERED']);
    await registerProvider(api, { name: 'Broken House' });
    await drain();
    expect(receiver.at('/broken')).toHaveLength(OPTIONS.maxAttempts);
    expect(await deliveries(manchester, hook.id)).toEqual([
      expect.objectContaining({
        status: 'FAILED',
        attempts: OPTIONS.maxAttempts,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        nextAttemptAt: null,
        deliveredAt: null,
      }),
    ]);

    // Once the receiver is mended, the authority has the failed deliveries sent again, from a first attempt.
    const retried = await manchester.gql(RetryFailedWebhookDeliveriesDocument, { input: { endpointId: hook.id } });
    expect(retried.data!.retryFailedWebhookDeliveries).toEqual({ retried: 1, userErrors: [] });
    await drain();
    const sent = receiver.at('/broken');
    expect(sent).toHaveLength(OPTIONS.maxAttempts + 1);
    expect(sent.at(-1)!.headers['x-ofsted-event-id']).toBe(sent[0].headers['x-ofsted-event-id']);
    expect(await deliveries(manchester, hook.id)).toEqual([
      expect.objectContaining({ status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null }),
    ]);
    expect(
      (await manchester.gql(RetryFailedWebhookDeliveriesDocument, { input: { endpointId: hook.id } })).data!.retryFailedWebhookDeliveries
        .retried,
    ).toBe(0);
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hook.id } });
    const removed = await manchester.gql(RetryFailedWebhookDeliveriesDocument, { input: { endpointId: hook.id } });
    expect(removed.data!.retryFailedWebhookDeliveries.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  test('a receiver that cannot be reached is logged as such; removing its endpoint stops the retries', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { data } = await manchester.gql(RegisterWebhookEndpointDocument, {
      input: { url: `http://127.0.0.1:${port}/gone`, eventTypes: ['PROVIDER_REGISTERED'] },
    });
    const hookId = data!.registerWebhookEndpoint.endpoint!.id;
    await registerProvider(api, { name: 'Unreachable House' });
    await worker.runOnce();
    expect(await deliveries(manchester, hookId)).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        attempts: 1,
        lastStatusCode: null,
        lastError: expect.stringMatching(/^Could not connect/),
      }),
    ]);
    // Removing the endpoint stops what was still waiting, and the log says so.
    await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hookId } });
    expect(await deliveries(manchester, hookId)).toEqual([
      expect.objectContaining({ status: 'FAILED', attempts: 1, lastError: 'The endpoint was removed' }),
    ]);
    expect(await worker.runOnce()).toBe(0);
  });

  test('a removed endpoint gets nothing more; its log stays', async () => {
    const hook = await endpoint(manchester, '/removed', ['PROVIDER_REGISTERED']);
    await registerProvider(api, { name: 'Before House' });
    await drain();
    const removed = await manchester.gql(RemoveWebhookEndpointDocument, { input: { endpointId: hook.id } });
    expect(removed.data!.removeWebhookEndpoint.endpoint).toEqual({ id: hook.id, active: false });
    await registerProvider(api, { name: 'After House' });
    await drain();
    expect(receiver.at('/removed')).toHaveLength(1);
    expect(await deliveries(manchester, hook.id)).toHaveLength(1);
  });
});

describe('notifications', () => {
  test('CHA-078 the placing and host authorities each get their own notification; nobody else does', async () => {
    const leedsApi = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'leeds', localAuthority: LEEDS }));
    const liverpoolApi = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'liverpool', localAuthority: LIVERPOOL }));
    const types: FeedEventTypeName[] = ['INADEQUATE_JUDGEMENT_NOTIFICATION', 'SERIOUS_CONCERNS_NOTIFICATION'];
    await endpoint(leedsApi, '/leeds', types);
    await endpoint(manchester, '/manchester', types);
    await endpoint(liverpoolApi, '/liverpool', types);

    const home = await registerProvider(api, { name: 'Inadequate House' });
    await proposeFull(api, await toFeedback(api, home.id, { start: '2026-10-12', placingAuthorities: [LEEDS] }), INADEQUATE);
    await drain();

    const leeds = receiver
      .at('/leeds')
      .map(
        (r) =>
          JSON.parse(r.body) as { type: string; urn: string; notification: { recipient: string; ruleId: string; settingName: string } },
      );
    const host = receiver.at('/manchester').map((r) => JSON.parse(r.body) as { notification: { recipient: string } });
    expect(leeds).toEqual([
      expect.objectContaining({
        type: 'INADEQUATE_JUDGEMENT_NOTIFICATION',
        urn: home.urn,
        notification: expect.objectContaining({ recipient: 'PLACING_AUTHORITY_DCS', ruleId: 'CHA-078', settingName: 'Inadequate House' }),
      }),
    ]);
    expect(host.map((h) => h.notification.recipient)).toEqual(['HOST_AUTHORITY_DCS']);
    expect(receiver.at('/liverpool')).toEqual([]);
  });
});

describe('the queue', () => {
  test('two workers draining the same queue never send a delivery twice', async () => {
    const hook = await endpoint(manchester, '/busy', ['PROVIDER_REGISTERED']);
    const em = api.orm.em.fork();
    const ids: string[] = [];
    await em.transactional(async (tx) => {
      for (let i = 0; i < 40; i++) {
        const event = tx.create(FeedEvent, {
          type: FeedEventType.PROVIDER_REGISTERED,
          urn: String(3_100_000 + i),
          settingType: SettingType.CHILDRENS_HOME,
          localAuthority: MANCHESTER,
          region: 'E12000002',
          occurredOn: '2026-11-20',
          payload: { area: { localAuthorityCode: MANCHESTER }, setting: { urn: String(3_100_000 + i) } } as unknown as FeedPayload,
        });
        ids.push(event.id);
      }
    });
    const second = new DeliveryWorker(api.orm, { ...OPTIONS, batchSize: 3 }, undefined, { allowLoopback: true });
    const first = new DeliveryWorker(api.orm, { ...OPTIONS, batchSize: 3 }, undefined, { allowLoopback: true });
    await drain([first, second, first, second]);
    const sent = receiver.at('/busy').map((r) => r.headers['x-ofsted-event-id']);
    expect([...sent].sort()).toEqual([...ids].sort());
    expect((await deliveries(manchester, hook.id)).every((d) => d.status === 'DELIVERED' && d.attempts === 1)).toBe(true);
  });

  test('an event that rolls back with its change is never queued', async () => {
    const hook = await endpoint(manchester, '/rolled-back', ['PROVIDER_REGISTERED']);
    const em = api.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        tx.create(FeedEvent, {
          type: FeedEventType.PROVIDER_REGISTERED,
          urn: '3199999',
          settingType: SettingType.CHILDRENS_HOME,
          localAuthority: MANCHESTER,
          region: 'E12000002',
          occurredOn: '2026-11-20',
          payload: {} as unknown as FeedPayload,
        });
        await tx.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await drain();
    expect(receiver.at('/rolled-back')).toEqual([]);
    expect(await deliveries(manchester, hook.id)).toEqual([]);
  });
});
