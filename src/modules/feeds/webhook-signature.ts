import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How webhook deliveries are signed, and how a receiver checks them (the README shows the same
 * steps): HMAC-SHA256, keyed with the endpoint's secret, of `<timestamp>.<raw body>`, sent as
 * `X-Ofsted-Signature: v1=<hex>` beside `X-Ofsted-Timestamp` (Unix seconds). The timestamp is
 * inside what is signed, so a captured delivery cannot be replayed later under a new one.
 */
export const SIGNATURE_HEADER = 'x-ofsted-signature';
export const TIMESTAMP_HEADER = 'x-ofsted-timestamp';
export const EVENT_ID_HEADER = 'x-ofsted-event-id';
export const EVENT_TYPE_HEADER = 'x-ofsted-event-type';
export const ATTEMPT_HEADER = 'x-ofsted-delivery-attempt';
/**
 * The event's ID again, under the name HTTP APIs use for idempotency keys: delivery is at least once
 * (an attempt interrupted mid-send is made again), so a receiver drops a key it has processed.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A receiver's check: the signature matches and the timestamp is recent (default: five minutes). */
export function verifySignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
