/**
 * A webhook receiver on a loopback port that records every delivery, and a worker run until
 * nothing is pending: for tests that read what the webhooks sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/modules/feeds/delivery.worker';
import type { TestApp } from './app';

export interface Delivery {
  type: string;
  body: string;
}

export interface RecordingReceiver {
  url: string;
  received: Delivery[];
  stop(): Promise<void>;
}

export async function startRecordingReceiver(): Promise<RecordingReceiver> {
  const received: Delivery[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ type: String(request.headers['x-ofsted-event-type']), body: Buffer.concat(chunks).toString() });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A worker's timings for the tests of delivery and retries: quick, five attempts (with another `timeoutMs`, say). */
export function testWorkerOptions(overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorkerOptions {
  return { batchSize: 10, pollIntervalMs: 20, timeoutMs: 300, retryBaseMs: 60, retryCapMs: 500, maxAttempts: 5, ...overrides };
}

/** A delivery worker with short timings, and a way to send everything pending now. */
export function quickDeliveries(api: TestApp) {
  const worker = new DeliveryWorker(
    api.orm,
    { batchSize: 50, pollIntervalMs: 20, timeoutMs: 2_000, retryBaseMs: 50, retryCapMs: 200, maxAttempts: 3 },
    undefined,
    { allowLoopback: true },
  );
  return {
    async drain(): Promise<void> {
      for (let round = 0; round < 50; round++) {
        await worker.runOnce();
        const [row] = await api.orm.em
          .fork()
          .getConnection()
          .execute<{ n: number }[]>(`select count(*)::int as n from webhook_delivery where status = 'PENDING'`);
        if (row.n === 0) return;
      }
      throw new Error('webhook deliveries still pending');
    },
  };
}
