/**
 * The evidence module's public face: evidence and the protected register of the people it names,
 * as GraphQL types, and how other modules read them.
 */
export { Evidence, ProtectedPerson } from './evidence.entity';
export { EvidenceRepository } from './evidence.repository';
export { evidenceLoaders } from './evidence.loaders';
export type { EvidenceService } from './evidence.service';
