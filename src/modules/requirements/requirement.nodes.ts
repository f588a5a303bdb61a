import { Permission } from '../../domain/access';
import { recordedAtInspection } from '../inspections';
import { registerNode } from '../shared/node-registry';

/* node(id) for what inspections make: for those who may read inspections, within the inspection's scope. */
registerNode(
  'Requirement',
  recordedAtInspection(Permission.READ_INSPECTIONS, (loaders, key) => loaders.requirementById.load(key)),
);
registerNode(
  'Recommendation',
  recordedAtInspection(Permission.READ_INSPECTIONS, (loaders, key) => loaders.recommendationById.load(key)),
);
registerNode(
  'ComplianceNotice',
  recordedAtInspection(Permission.READ_INSPECTIONS, (loaders, key) => loaders.complianceNoticeById.load(key)),
);
