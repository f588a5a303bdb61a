import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';

export function requirementLoaders(em: EntityManager) {
  return {
    requirementsByInspection: groupLoader(
      (ids: readonly string[]) =>
        em.find(Requirement, { inspection: { $in: [...ids] } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (requirement) => requirement.inspection.id,
    ),
    recommendationsByInspection: groupLoader(
      (ids: readonly string[]) =>
        em.find(Recommendation, { inspection: { $in: [...ids] } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (recommendation) => recommendation.inspection.id,
    ),
    complianceNoticesByInspection: groupLoader(
      (ids: readonly string[]) =>
        em.find(ComplianceNotice, { inspection: { $in: [...ids] } }, { orderBy: [{ servedOn: 'asc' }, { id: 'asc' }] }),
      (notice) => notice.inspection.id,
    ),
    actionsByComplianceNotice: groupLoader(
      (ids: readonly string[]) => em.find(ComplianceNoticeAction, { notice: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (action) => action.notice.id,
    ),
    evidenceIdsByRequirement: groupLoader(
      async (ids: readonly string[]) => {
        const rows = await em.find(Requirement, { id: { $in: [...ids] } }, { populate: ['evidence'] });
        return rows.flatMap((r) => r.evidence.getItems().map((e) => ({ ownerId: r.id, evidence: e })));
      },
      (row) => row.ownerId,
    ),
    evidenceIdsByRecommendation: groupLoader(
      async (ids: readonly string[]) => {
        const rows = await em.find(Recommendation, { id: { $in: [...ids] } }, { populate: ['evidence'] });
        return rows.flatMap((r) => r.evidence.getItems().map((e) => ({ ownerId: r.id, evidence: e })));
      },
      (row) => row.ownerId,
    ),
    requirementById: keyLoader(
      (ids: readonly string[]) => em.find(Requirement, { id: { $in: [...ids] } }),
      (r) => r.id,
    ),
    recommendationById: keyLoader(
      (ids: readonly string[]) => em.find(Recommendation, { id: { $in: [...ids] } }),
      (r) => r.id,
    ),
    complianceNoticeById: keyLoader(
      (ids: readonly string[]) => em.find(ComplianceNotice, { id: { $in: [...ids] } }),
      (n) => n.id,
    ),
  };
}
