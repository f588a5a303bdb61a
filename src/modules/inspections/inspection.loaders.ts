import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '../shared/loader';
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
    draftsByProvider: childrenLoader(em, Inspection, 'provider', {
      where: { draftSentOn: { $ne: null } },
      orderBy: [{ draftSentOn: 'desc' }, { id: 'asc' }],
    }),
    inspectionById: byIdLoader(em, Inspection),
    linesOfEnquiryByInspection: childrenLoader(em, LineOfEnquiry, 'inspection', { orderBy: { position: 'asc' } }),
  };
}
