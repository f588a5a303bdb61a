import type { EntityManager } from '@mikro-orm/postgresql';
import type { Permission, Principal } from '../../domain/access';
import { assertMayActOnInspection, assertPermission } from '../auth';
import type { Loaders } from '../shared/context';
import { isUuid, type NodeTypeName } from '../shared/node';
import { registerNode, type NodeSource } from '../shared/node-registry';
import { Inspection } from './inspection.entity';

/** Reading an inspection by ID: the caller's scope must cover it. */
export async function assertMayReadInspection(em: EntityManager, principal: Principal, inspectionId: string): Promise<void> {
  const inspection = await em.findOneOrFail(Inspection, { id: inspectionId }, { populate: ['provider'] });
  await assertMayActOnInspection(em, principal, inspection, inspection.provider.getEntity(), 'READ');
}

/**
 * How node(id) reaches something recorded at an inspection (evidence, a requirement, a case
 * review...): by its row key, with `load`, and only for a caller with the permission to see that
 * kind of record at all (`permission`) and with the inspection in its scope.
 */
function recordedAtInspection<T extends { inspection: { id: string } }>(
  permission: Permission,
  load: (loaders: Loaders, key: string) => Promise<T | null>,
): NodeSource<T> {
  return {
    fetch: ({ loaders }, key) => (isUuid(key) ? load(loaders, key) : null),
    assertMayRead: async ({ em }, principal, record) => {
      assertPermission(principal, permission);
      await assertMayReadInspection(em, principal, record.inspection.id);
    },
  };
}

/**
 * Registers node(id) sources for kinds of record kept at an inspection, each by its type name and
 * the loader that fetches one by row key, all under the same `permission` (see `recordedAtInspection`).
 */
export function registerRecordedAtInspection(
  permission: Permission,
  loads: Partial<Record<NodeTypeName, (loaders: Loaders, key: string) => Promise<{ inspection: { id: string } } | null>>>,
): void {
  for (const [type, load] of Object.entries(loads)) registerNode(type as NodeTypeName, recordedAtInspection(permission, load));
}
