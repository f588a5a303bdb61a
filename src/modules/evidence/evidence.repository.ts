import type { EntityManager } from '@mikro-orm/postgresql';
import type { Inspection } from '../inspections';
import type { Provider } from '../providers';
import { Evidence, ProtectedPerson } from './evidence.entity';

/** Evidence and the protected registers, as other modules read them. */
export class EvidenceRepository {
  constructor(private readonly em: EntityManager) {}

  /** The evidence with these IDs (row keys) recorded at this inspection; the others are left out. */
  recordedAt(inspection: Inspection, ids: readonly string[]): Promise<Evidence[]> {
    return this.em.find(Evidence, { id: { $in: [...ids] }, inspection });
  }

  /** Everyone in the protected registers of all the setting's inspections: whom redaction must never let through. */
  protectedPeopleOf(provider: Provider): Promise<ProtectedPerson[]> {
    return this.em.find(ProtectedPerson, { inspection: { provider } });
  }
}
