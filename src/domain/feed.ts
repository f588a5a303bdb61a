import { badInput, type Violation } from './rule-violation';

/**
 * The judgement feed: what local authorities and frontends learn of, in the order it happened.
 * Public events carry only public data; notifications go to their addressees alone.
 */
export enum FeedEventType {
  /** A full inspection, interim inspection or assurance visit report is published. */
  REPORT_PUBLISHED = 'REPORT_PUBLISHED',
  /** A published report carries judgements (a grade, an interim outcome, or a monitoring visit's new grade). */
  JUDGEMENT_PUBLISHED = 'JUDGEMENT_PUBLISHED',
  /** A monitoring visit report is published. */
  MONITORING_VISIT_PUBLISHED = 'MONITORING_VISIT_PUBLISHED',
  /** A published report is amended: a new version. */
  REPORT_AMENDED = 'REPORT_AMENDED',
  /** A published report is withdrawn from the public (every version): receivers delete what they hold of it. */
  REPORT_WITHDRAWN = 'REPORT_WITHDRAWN',
  /** Statutory enforcement: a compliance notice served. */
  ENFORCEMENT_ACTION_TAKEN = 'ENFORCEMENT_ACTION_TAKEN',
  PROVIDER_REGISTERED = 'PROVIDER_REGISTERED',
  PROVIDER_CLOSED = 'PROVIDER_CLOSED',
  PROVIDER_CANCELLED = 'PROVIDER_CANCELLED',
  /** To the placing and host authorities only: a setting judged inadequate (CHA-078, RFC-082, ASA-111). */
  INADEQUATE_JUDGEMENT_NOTIFICATION = 'INADEQUATE_JUDGEMENT_NOTIFICATION',
  /** To the placing and host authorities only: serious or widespread concerns (CA-084). */
  SERIOUS_CONCERNS_NOTIFICATION = 'SERIOUS_CONCERNS_NOTIFICATION',
}

/** The events of a publication: the report (or monitoring visit) itself, and its judgements if it carries any. */
export function publicationEventTypes(inspectionType: string, carriesJudgements: boolean): FeedEventType[] {
  const report = inspectionType === 'MONITORING_VISIT' ? FeedEventType.MONITORING_VISIT_PUBLISHED : FeedEventType.REPORT_PUBLISHED;
  return carriesJudgements ? [report, FeedEventType.JUDGEMENT_PUBLISHED] : [report];
}

/** Whether a published report carries judgements: a grade, an interim outcome, a monitoring visit's new grade, or an assurance visit's finding. */
export function carriesJudgements(j: {
  overallExperiencesAndProgress?: string | null;
  interimOutcome?: string | null;
  newOverallGrade?: string | null;
  seriousOrWidespreadConcerns?: boolean | null;
}): boolean {
  return (
    Boolean(j.overallExperiencesAndProgress || j.interimOutcome || j.newOverallGrade) || (j.seriousOrWidespreadConcerns ?? null) !== null
  );
}

/** Which notification an authority is sent: serious or widespread concerns, or an inadequate judgement. */
export function notificationEventType(triggers: readonly string[]): FeedEventType {
  return triggers.includes('SERIOUS_OR_WIDESPREAD_CONCERNS')
    ? FeedEventType.SERIOUS_CONCERNS_NOTIFICATION
    : FeedEventType.INADEQUATE_JUDGEMENT_NOTIFICATION;
}

/**
 * Which events a reader gets: the public events of the area asked for; and, for a local authority
 * reading its own area, the notifications addressed to it (wherever the setting is).
 */
export function feedAudience(
  reader: { localAuthority: string | null },
  asked: { localAuthority?: string | null },
): { addressee: string | null } {
  return { addressee: reader.localAuthority && asked.localAuthority === reader.localAuthority ? reader.localAuthority : null };
}

/** Webhook retries: exponential backoff from `baseMs`, doubling each attempt, capped at `capMs`. */
export function retryDelayMs(failedAttempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

export const MAX_WEBHOOK_ENDPOINTS = 10;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A webhook URL: absolute https, without credentials. Plain http is accepted only for a loopback
 * address, and only where the server allows it (development and tests): a local authority's
 * receiver is on the internet, never inside Ofsted's network.
 */
export function validateWebhookUrl(url: string, options: { allowLoopback: boolean }): Violation[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [badInput(['url'], 'Not an absolute URL')];
  }
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.username || parsed.password) return [badInput(['url'], 'The URL may not carry credentials: verify the signature instead')];
  if (loopback && !options.allowLoopback) return [badInput(['url'], 'Loopback addresses are not accepted here')];
  if (parsed.protocol === 'https:') return [];
  if (parsed.protocol === 'http:' && loopback) return [];
  return [badInput(['url'], 'Use an https URL')];
}

export function validateWebhookSubscription(
  input: { url: string; eventTypes: readonly string[] },
  existing: number,
  options: { allowLoopback: boolean },
): Violation[] {
  const violations = validateWebhookUrl(input.url.trim(), options);
  if (input.eventTypes.length === 0) violations.push(badInput(['eventTypes'], 'Name at least one event type'));
  if (existing >= MAX_WEBHOOK_ENDPOINTS)
    violations.push({ field: ['url'], code: 'CONFLICT', message: `At most ${MAX_WEBHOOK_ENDPOINTS} active endpoints per authority` });
  return violations;
}
