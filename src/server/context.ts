import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../domain/access';
import type { Clock } from '../domain/clock';
import type { NotificationPolicy } from '../domain/notifications';
import type { ManagerVacancyPolicy } from '../domain/judgements';
import type { PublicReads } from '../db/public-changes';
import { enforcementLoaders } from '../modules/enforcement/enforcement.loaders';
import { evidenceLoaders } from '../modules/evidence/evidence.loaders';
import { inspectionLoaders } from '../modules/inspections/inspection.loaders';
import { judgementLoaders } from '../modules/judgements/judgement.loaders';
import { providerLoaders } from '../modules/providers/provider.loaders';
import { referenceLoaders } from '../modules/reference/reference.loaders';
import { schedulingLoaders } from '../modules/scheduling/scheduling.loaders';
import { reportLoaders } from '../modules/reports/report.loaders';
import { requirementLoaders } from '../modules/requirements/requirement.loaders';
import type { Loaders, RequestServices } from '../modules/shared/context';
import { signedIn } from '../modules/auth/authorize';
import { EnforcementService } from '../modules/enforcement/enforcement.service';
import { EvidenceService } from '../modules/evidence/evidence.service';
import { FeedService } from '../modules/feeds/feed.service';
import { WebhookService } from '../modules/feeds/webhook.service';
import { InspectionService } from '../modules/inspections/inspection.service';
import { JudgementService } from '../modules/judgements/judgement.service';
import { ProviderService } from '../modules/providers/provider.service';
import { PublicService } from '../modules/public/public.service';
import { DEFAULT_SCHEDULING_POLICY, type SchedulingPolicy } from '../domain/scheduling';
import { Regulation40Service } from '../modules/regulation40/regulation40.service';
import { ReportService } from '../modules/reports/report.service';
import { RequirementService } from '../modules/requirements/requirement.service';

/** Every module's DataLoaders, by group: a group is built the first time one of its loaders is used. */
const LOADER_GROUPS = [
  (em: EntityManager) => referenceLoaders(em),
  (em: EntityManager) => providerLoaders(em),
  (em: EntityManager) => inspectionLoaders(em),
  (em: EntityManager) => evidenceLoaders(em),
  (em: EntityManager) => judgementLoaders(em),
  (em: EntityManager) => requirementLoaders(em),
  (em: EntityManager) => reportLoaders(em),
  (em: EntityManager) => enforcementLoaders(em),
  (em: EntityManager, clock: Clock, policies: LoaderPolicies) => schedulingLoaders(em, () => clock.today(), policies.scheduling),
] as const;

/** The configured readings some loaders work with. */
export interface LoaderPolicies {
  scheduling: SchedulingPolicy;
}
const DEFAULT_LOADER_POLICIES: LoaderPolicies = { scheduling: DEFAULT_SCHEDULING_POLICY };

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllLoaders = UnionToIntersection<ReturnType<(typeof LOADER_GROUPS)[number]>>;

/** Which group makes each loader: found once per process (making a group's loaders runs no query). */
let groupOfLoader: Map<string, number> | undefined;
function groupsByLoader(): Map<string, number> {
  if (!groupOfLoader) {
    const idle = {} as EntityManager;
    const clock = { today: () => '1970-01-01', now: () => new Date(0) } as unknown as Clock;
    groupOfLoader = new Map(
      LOADER_GROUPS.flatMap((make, group) => Object.keys(make(idle, clock, DEFAULT_LOADER_POLICIES)).map((name) => [name, group] as const)),
    );
  }
  return groupOfLoader;
}

/**
 * This request's DataLoaders. None is made up front: a request builds only the groups its
 * resolvers use (a public lookup by URN uses none), and each at most once.
 */
export function createLoaders(em: EntityManager, clock: Clock, policies: LoaderPolicies = DEFAULT_LOADER_POLICIES): Loaders {
  const groups = groupsByLoader();
  const made = new Map<number, Record<string, unknown>>();
  return new Proxy({} as AllLoaders, {
    get(_target, name) {
      const group = typeof name === 'string' ? groups.get(name) : undefined;
      if (group === undefined) return undefined;
      let loaders = made.get(group);
      if (!loaders) made.set(group, (loaders = LOADER_GROUPS[group]!(em, clock, policies) as Record<string, unknown>));
      return loaders[name as string];
    },
    has: (_target, name) => typeof name === 'string' && groups.has(name),
  });
}

export type { Loaders };

/** What a request's services are made with: its own EntityManager, the clock, the caller. */
export interface ServiceScope {
  em: EntityManager;
  clock: Clock;
  principal: Principal | null;
  publicReads?: PublicReads;
  webhookPolicy: { allowLoopback: boolean };
  /** The readings of Annex L's timescales (the defaults unless configured). */
  regulation40?: NotificationPolicy;
  /** How a long registered manager vacancy is read (Annex N's reading unless configured). */
  managerVacancy?: ManagerVacancyPolicy;
}

/**
 * This request's services, one of each at most. None is made up front: each is made the first
 * time a resolver uses it (a public lookup by URN makes only the public one), with the request's
 * forked EntityManager, clock and caller. A service that acts for a signed-in caller refuses the
 * public (UNAUTHENTICATED) where it is first used, as `signedIn` does.
 */
export class Services implements RequestServices {
  private made: { [K in ServiceName]?: Services[K] } = {};

  constructor(private readonly scope: ServiceScope) {}

  /** The caller, who must be signed in. */
  private get caller(): Principal {
    return signedIn(this.scope.principal);
  }

  private once<K extends ServiceName>(name: K, make: (scope: ServiceScope) => Services[K]): Services[K] {
    return (this.made[name] ??= make(this.scope)) as Services[K];
  }

  get inspections(): InspectionService {
    return this.once('inspections', ({ em, clock }) => new InspectionService(em, clock, this.caller));
  }

  get reports(): ReportService {
    return this.once('reports', ({ em, clock }) => new ReportService(em, clock, this.caller));
  }

  get judgements(): JudgementService {
    return this.once('judgements', ({ em, managerVacancy }) => new JudgementService(em, this.caller, managerVacancy));
  }

  get evidence(): EvidenceService {
    return this.once('evidence', ({ em }) => new EvidenceService(em, this.caller));
  }

  get requirements(): RequirementService {
    return this.once('requirements', ({ em, clock }) => new RequirementService(em, clock, this.caller));
  }

  get enforcement(): EnforcementService {
    return this.once('enforcement', ({ em, clock }) => new EnforcementService(em, clock, this.caller));
  }

  get regulation40(): Regulation40Service {
    return this.once('regulation40', ({ em, clock, regulation40 }) => new Regulation40Service(em, clock, this.caller, regulation40));
  }

  get providers(): ProviderService {
    return this.once('providers', ({ em, clock }) => new ProviderService(em, clock, this.caller));
  }

  get webhooks(): WebhookService {
    return this.once('webhooks', ({ em, webhookPolicy }) => new WebhookService(em, this.caller, webhookPolicy));
  }

  /** The public, redacted reads: for anyone, signed in or not. */
  get public(): PublicService {
    return this.once('public', ({ em, publicReads }) => new PublicService(em, publicReads));
  }

  /** The judgement feed: public, but for the notifications a signed-in local authority reads. */
  get feed(): FeedService {
    return this.once('feed', ({ em, principal, publicReads }) => new FeedService(em, principal, publicReads));
  }
}

/** The services by name (the public getters of `Services`). */
type ServiceName = keyof Services;

export function createServices(scope: ServiceScope): Services {
  return new Services(scope);
}

/** Everything one GraphQL request works with: the modules name it, the server builds it (app.ts). */
export type { Context } from '../modules/shared/context';
