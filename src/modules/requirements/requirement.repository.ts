import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../../domain/local-date';
import { ItemStatus } from '../../domain/requirements';
import type { Inspection } from '../inspections';
import type { Provider } from '../providers';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';

const OLDEST_FIRST = { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] };

/** Requirements, recommendations and compliance notices as other modules read them. */
export class RequirementRepository {
  constructor(private readonly em: EntityManager) {}

  /** The requirements made at an inspection, in the order made. */
  requirementsMadeAt(inspection: Inspection): Promise<Requirement[]> {
    return this.em.find(Requirement, { inspection }, OLDEST_FIRST);
  }

  /** The recommendations made at an inspection, in the order made. */
  recommendationsMadeAt(inspection: Inspection): Promise<Recommendation[]> {
    return this.em.find(Recommendation, { inspection }, OLDEST_FIRST);
  }

  /** How many requirements made at the setting's other inspections are not (yet) found met. */
  countNotMetElsewhere(provider: Provider, inspection: Inspection): Promise<number> {
    return this.em.count(Requirement, { inspection: { provider, id: { $ne: inspection.id } }, status: { $ne: ItemStatus.MET } });
  }

  /** Compliance notices served on the setting after `after` and up to `upTo`, in the order served. */
  noticesServedBetween(provider: Provider, after: LocalDate, upTo: LocalDate): Promise<ComplianceNotice[]> {
    return this.em.find(
      ComplianceNotice,
      { inspection: { provider }, servedOn: { $gt: after, $lte: upTo } },
      { orderBy: { servedOn: 'asc' } },
    );
  }

  /** The actions of the compliance notices served after these inspections, each with its notice loaded. */
  noticeActionsAfter(inspectionIds: readonly string[]): Promise<ComplianceNoticeAction[]> {
    if (inspectionIds.length === 0) return Promise.resolve([]);
    return this.em.find(ComplianceNoticeAction, { notice: { inspection: { $in: [...inspectionIds] } } }, { populate: ['notice'] });
  }
}
