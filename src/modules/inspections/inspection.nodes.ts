import { isUuid } from '../shared/node';
import { registerNode } from '../shared/node-registry';
import { assertMayReadInspection } from './inspection.access';
import type { Inspection } from './inspection.entity';

/* node(id) for inspections: only within the caller's scope (its region, its own settings, its assignments). */

registerNode<Inspection>('Inspection', {
  fetch: ({ loaders }, key) => (isUuid(key) ? loaders.inspectionById.load(key) : null),
  assertMayRead: ({ em }, principal, inspection) => assertMayReadInspection(em, principal, inspection.id),
});
