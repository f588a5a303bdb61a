import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, groupLoader } from '../shared/loader';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';

/** The evidence each requirement or recommendation (by ID) is backed by, as rows of owner and evidence. */
function evidenceByItem(em: EntityManager, entity: typeof Requirement | typeof Recommendation) {
  return groupLoader(
    async (ids: readonly string[]) => {
      const rows: (Requirement | Recommendation)[] = await em.find(entity, { id: { $in: [...ids] } }, { populate: ['evidence'] });
      return rows.flatMap((r) => r.evidence.getItems().map((e) => ({ ownerId: r.id, evidence: e })));
    },
    (row) => row.ownerId,
  );
}

export function requirementLoaders(em: EntityManager) {
  return {
    requirementsByInspection: childrenLoader(em, Requirement, 'inspection', { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    recommendationsByInspection: childrenLoader(em, Recommendation, 'inspection', { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    complianceNoticesByInspection: childrenLoader(em, ComplianceNotice, 'inspection', { orderBy: [{ servedOn: 'asc' }, { id: 'asc' }] }),
    actionsByComplianceNotice: childrenLoader(em, ComplianceNoticeAction, 'notice', { orderBy: { position: 'asc' } }),
    evidenceIdsByRequirement: evidenceByItem(em, Requirement),
    evidenceIdsByRecommendation: evidenceByItem(em, Recommendation),
    requirementById: byIdLoader(em, Requirement),
    recommendationById: byIdLoader(em, Recommendation),
    complianceNoticeById: byIdLoader(em, ComplianceNotice),
  };
}
