import { Permission } from '../../domain/access';
import { recordedAtInspection } from '../inspections';
import { registerNode } from '../shared/node-registry';

/*
 * node(id) for evidence and the protected register: only for those who may read evidence (as the
 * `evidence` and `protectedPeople` fields of an inspection), within the inspection's scope.
 */
registerNode(
  'Evidence',
  recordedAtInspection(Permission.READ_EVIDENCE, (loaders, key) => loaders.evidenceById.load(key)),
);
registerNode(
  'ProtectedPerson',
  recordedAtInspection(Permission.READ_EVIDENCE, (loaders, key) => loaders.protectedPersonById.load(key)),
);
