import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { pagedChildrenLoader } from '../shared/paged-children';
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
        em.find(
          Inspection,
          { provider: { $in: [...ids] }, draftSentOn: { $ne: null } },
          { orderBy: [{ draftSentOn: 'desc' }, { id: 'asc' }] },
        ),
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
  };
}
