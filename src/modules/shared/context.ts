import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { PublicReads } from '../../db/public-changes';
import type { AccessDecision, FieldAccess, Principal } from '../../domain/access';
import type { Clock } from '../../domain/clock';
import type { NotificationPolicy } from '../../domain/notifications';
import type { EnforcementService, enforcementLoaders } from '../enforcement';
import type { EvidenceService, evidenceLoaders } from '../evidence';
import type { FeedService, WebhookService } from '../feeds';
import type { InspectionService, inspectionLoaders } from '../inspections';
import type { JudgementService, judgementLoaders } from '../judgements';
import type { ProviderService, providerLoaders } from '../providers';
import type { PublicService } from '../public';
import type { referenceLoaders } from '../reference';
import type { SchedulingPolicy } from '../../domain/scheduling';
import type { Regulation40Service } from '../regulation40';
import type { ReportService, reportLoaders } from '../reports';
import type { RequirementService, requirementLoaders } from '../requirements';
import type { schedulingLoaders } from '../scheduling';

/*
 * What every resolver is given: the request's context. The server builds it (src/server/context.ts
 * and app.ts); the modules only name it, so it lives here rather than in the server layer. The
 * types below are each module's own (through its index.ts); nothing here runs a module's code.
 */

/** This request's DataLoaders: every module's, each group built by the server the first time one of its loaders is used. */
export type Loaders = ReturnType<typeof referenceLoaders> &
  ReturnType<typeof providerLoaders> &
  ReturnType<typeof inspectionLoaders> &
  ReturnType<typeof evidenceLoaders> &
  ReturnType<typeof judgementLoaders> &
  ReturnType<typeof requirementLoaders> &
  ReturnType<typeof reportLoaders> &
  ReturnType<typeof enforcementLoaders> &
  ReturnType<typeof schedulingLoaders>;

/** This request's services, each made by the server on first use (`ctx.services.reports.publish(...)`). */
export interface RequestServices {
  readonly inspections: InspectionService;
  readonly reports: ReportService;
  readonly judgements: JudgementService;
  readonly evidence: EvidenceService;
  readonly requirements: RequirementService;
  readonly enforcement: EnforcementService;
  readonly providers: ProviderService;
  readonly regulation40: Regulation40Service;
  readonly webhooks: WebhookService;
  /** The public, redacted reads: for anyone, signed in or not. */
  readonly public: PublicService;
  /** The judgement feed: public, but for the notifications a signed-in local authority reads. */
  readonly feed: FeedService;
}

/** Everything one GraphQL request works with; built afresh for every request. */
export interface Context {
  /** This request's own EntityManager (a fork): never the global one. */
  em: EntityManager;
  loaders: Loaders;
  /** This request's services, each made on first use (`ctx.services.reports.publish(...)`). */
  services: RequestServices;
  clock: Clock;
  log: FastifyBaseLogger;
  requestId: string;
  /** The authenticated caller, or null for the public. */
  principal: Principal | null;
  /** Set when a public field served this caller data that is not public (its own notifications): the read is audited. */
  servedProtectedData?: boolean;
  /** What the public fields read, for the public answer cache (src/server/answer-cache.ts); absent when it is off. */
  publicReads?: PublicReads;
  /** Which webhook URLs this server accepts. */
  webhookPolicy: { allowLoopback: boolean };
  /** The readings of Annex L's timescales for Regulation 40 notifications (the defaults unless configured). */
  regulation40: NotificationPolicy;
  /** The readings the schedule depends on (CH-179's anchor; the default unless configured). */
  scheduling: SchedulingPolicy;
  /** What the rate limit leaves this caller (null when it is off), reported in `extensions.cost`. */
  rateLimit?: { limit: number; remaining: number; resetSeconds: number } | null;
  /** What the access check decided, and on which root fields; set once the operation is resolved. */
  access?: { rootFields: { name: string; access: FieldAccess | undefined }[]; decision: AccessDecision };
}
