import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessDecision, FieldAccess, Principal } from '../domain/access';
import type { Clock } from '../domain/clock';
import type { PublicReads } from '../db/public-changes';
import { enforcementLoaders } from '../modules/enforcement/enforcement.loaders';
import { evidenceLoaders } from '../modules/evidence/evidence.loaders';
import { inspectionLoaders } from '../modules/inspections/inspection.loaders';
import { providerLoaders } from '../modules/providers/provider.loaders';
import { referenceLoaders } from '../modules/reference/reference.loaders';
import { schedulingLoaders } from '../modules/scheduling/scheduling.loaders';
import { reportLoaders } from '../modules/reports/report.loaders';

/** Every module's DataLoaders, by group: a group is built the first time one of its loaders is used. */
const LOADER_GROUPS = [
  (em: EntityManager) => referenceLoaders(em),
  (em: EntityManager) => providerLoaders(em),
  (em: EntityManager) => inspectionLoaders(em),
  (em: EntityManager) => evidenceLoaders(em),
  (em: EntityManager) => reportLoaders(em),
  (em: EntityManager) => enforcementLoaders(em),
  (em: EntityManager, clock: Clock) => schedulingLoaders(em, () => clock.today()),
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllLoaders = UnionToIntersection<ReturnType<(typeof LOADER_GROUPS)[number]>>;

/** Which group makes each loader: found once per process (making a group's loaders runs no query). */
let groupOfLoader: Map<string, number> | undefined;
function groupsByLoader(): Map<string, number> {
  if (!groupOfLoader) {
    const idle = {} as EntityManager;
    const clock = { today: () => '1970-01-01', now: () => new Date(0) } as unknown as Clock;
    groupOfLoader = new Map(LOADER_GROUPS.flatMap((make, group) => Object.keys(make(idle, clock)).map((name) => [name, group] as const)));
  }
  return groupOfLoader;
}

/**
 * This request's DataLoaders. None is made up front: a request builds only the groups its
 * resolvers use (a public lookup by URN uses none), and each at most once.
 */
export function createLoaders(em: EntityManager, clock: Clock): AllLoaders {
  const groups = groupsByLoader();
  const made = new Map<number, Record<string, unknown>>();
  return new Proxy({} as AllLoaders, {
    get(_target, name) {
      const group = typeof name === 'string' ? groups.get(name) : undefined;
      if (group === undefined) return undefined;
      let loaders = made.get(group);
      if (!loaders) made.set(group, (loaders = LOADER_GROUPS[group]!(em, clock) as Record<string, unknown>));
      return loaders[name as string];
    },
    has: (_target, name) => typeof name === 'string' && groups.has(name),
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything one GraphQL request works with; built afresh for every request. */
export interface Context {
  /** This request's own EntityManager (a fork): never the global one. */
  em: EntityManager;
  loaders: Loaders;
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
  /** What the rate limit leaves this caller (null when it is off), reported in `extensions.cost`. */
  rateLimit?: { limit: number; remaining: number; resetSeconds: number } | null;
  /** What the access check decided, and on which root fields; set once the operation is resolved. */
  access?: { rootFields: { name: string; access: FieldAccess | undefined }[]; decision: AccessDecision };
}
