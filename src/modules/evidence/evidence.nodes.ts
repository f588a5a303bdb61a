import { Permission } from '../../domain/access';
import { registerRecordedAtInspection } from '../inspections';

/*
 * node(id) for evidence and the protected register: only for those who may read evidence (as the
 * `evidence` and `protectedPeople` fields of an inspection), within the inspection's scope.
 */
registerRecordedAtInspection(Permission.READ_EVIDENCE, {
  Evidence: (loaders, key) => loaders.evidenceById.load(key),
  ProtectedPerson: (loaders, key) => loaders.protectedPersonById.load(key),
});
