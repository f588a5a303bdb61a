import { Permission } from '../../domain/access';
import { registerRecordedAtInspection } from '../inspections';

/* node(id) for what inspections make: for those who may read inspections, within the inspection's scope. */
registerRecordedAtInspection(Permission.READ_INSPECTIONS, {
  Requirement: (loaders, key) => loaders.requirementById.load(key),
  Recommendation: (loaders, key) => loaders.recommendationById.load(key),
  ComplianceNotice: (loaders, key) => loaders.complianceNoticeById.load(key),
});
