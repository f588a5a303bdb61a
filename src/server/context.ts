import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessDecision, FieldAccess, Principal } from '../domain/access';
import type { Clock } from '../domain/clock';
import { enforcementLoaders } from '../modules/enforcement/enforcement.loaders';
import { evidenceLoaders } from '../modules/evidence/evidence.loaders';
import { inspectionLoaders } from '../modules/inspections/inspection.loaders';
import { providerLoaders } from '../modules/providers/provider.loaders';
import { referenceLoaders } from '../modules/reference/reference.loaders';
import { schedulingLoaders } from '../modules/scheduling/scheduling.loaders';
import { reportLoaders } from '../modules/reports/report.loaders';

export function createLoaders(em: EntityManager, clock: Clock) {
  return {
    ...referenceLoaders(em),
    ...providerLoaders(em),
    ...inspectionLoaders(em),
    ...evidenceLoaders(em),
    ...reportLoaders(em),
    ...enforcementLoaders(em),
    ...schedulingLoaders(em, () => clock.today()),
  };
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
  /** Which webhook URLs this server accepts. */
  webhookPolicy: { allowLoopback: boolean };
  /** What the rate limit leaves this caller (null when it is off), reported in `extensions.cost`. */
  rateLimit?: { limit: number; remaining: number; resetSeconds: number } | null;
  /** What the access check decided, and on which root fields; set once the operation is resolved. */
  access?: { rootFields: { name: string; access: FieldAccess | undefined }[]; decision: AccessDecision };
}
