import { Permission } from '../../domain/access';
import { recordedAtInspection } from '../inspections';
import { registerNode } from '../shared/node-registry';

/* node(id) for what an inspection's outcome opened: for those who may read inspections, within the inspection's scope. */
registerNode(
  'CaseReview',
  recordedAtInspection(Permission.READ_INSPECTIONS, (loaders, key) => loaders.caseReviewById.load(key)),
);
registerNode(
  'NotificationTask',
  recordedAtInspection(Permission.READ_INSPECTIONS, (loaders, key) => loaders.notificationTaskById.load(key)),
);
