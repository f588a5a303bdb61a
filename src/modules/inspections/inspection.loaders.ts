import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { pagedChildrenLoader } from '../shared/paged-children';
import { JudgementRecord } from '../judgements/judgement.entity';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from '../requirements/requirement.entity';
import { Inspection, LineOfEnquiry } from './inspection.entity';
import { inspectionKey } from './inspection.service';

export function inspectionLoaders(em: EntityManager) {
  return {
    /** A page of a setting's inspections; pages for many settings are fetched together. */
    inspectionPageByProvider: pagedChildrenLoader(em, {
      entity: Inspection,
      table: 'inspection',
      parentColumn: 'provider_id',
      orderColumns: ['scheduled_start', 'id'],
      casts: ['date', 'uuid'],
      keyOf: inspectionKey,
    }),
    draftsByProvider: groupLoader(
      (ids: readonly string[]) =>
        em.find(Inspection, { provider: { $in: [...ids] }, draftSentOn: { $ne: null } }, { orderBy: [{ draftSentOn: 'desc' }, { id: 'asc' }] }),
      (inspection) => inspection.provider.id,
    ),
    inspectionById: keyLoader(
      (ids: readonly string[]) => em.find(Inspection, { id: { $in: [...ids] } }),
      (inspection) => inspection.id,
    ),
    linesOfEnquiryByInspection: groupLoader(
      (ids: readonly string[]) => em.find(LineOfEnquiry, { inspection: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (line) => line.inspection.id,
    ),
    judgementHistoryByInspection: groupLoader(
      (ids: readonly string[]) => em.find(JudgementRecord, { inspection: { $in: [...ids] } }, { orderBy: { version: 'asc' } }),
      (record) => record.inspection.id,
    ),
    requirementsByInspection: groupLoader(
      (ids: readonly string[]) => em.find(Requirement, { inspection: { $in: [...ids] } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (requirement) => requirement.inspection.id,
    ),
    recommendationsByInspection: groupLoader(
      (ids: readonly string[]) => em.find(Recommendation, { inspection: { $in: [...ids] } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (recommendation) => recommendation.inspection.id,
    ),
    complianceNoticesByInspection: groupLoader(
      (ids: readonly string[]) => em.find(ComplianceNotice, { inspection: { $in: [...ids] } }, { orderBy: [{ servedOn: 'asc' }, { id: 'asc' }] }),
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
