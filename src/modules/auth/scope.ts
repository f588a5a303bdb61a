import type { EntityManager } from '@mikro-orm/postgresql';
import {
  GRANTS,
  listScope,
  mayActOnInspection,
  mayReachSetting,
  scopeDependsOnRegion,
  regionForList,
  type InspectionAction,
  type Permission,
  type Principal,
  type SettingScope,
} from '../../domain/access';
import { Inspection } from '../inspections/inspection.entity';
import { Provider } from '../providers/provider.entity';
import { LocalAuthority } from '../reference/local-authority.entity';
import { forbidden, outOfScope } from './authorize';

/*
 * The scope checks that need data: where a setting is, who an inspection is assigned to. Each
 * service runs them once, where it loads the record; the rules themselves live in the domain.
 */

/** Where a setting is; its region is looked up only for a caller whose scope depends on it. */
export async function settingScopeOf(em: EntityManager, provider: Provider, principal: Principal): Promise<SettingScope> {
  const localAuthority = provider.localAuthority.onsCode;
  if (!scopeDependsOnRegion(principal)) return { urn: provider.urn, localAuthority, region: '' };
  const authority = await em.findOneOrFail(LocalAuthority, { onsCode: localAuthority });
  return { urn: provider.urn, localAuthority, region: authority.region.code };
}

export async function assertMayReachSetting(em: EntityManager, principal: Principal, provider: Provider): Promise<void> {
  if (!mayReachSetting(principal, await settingScopeOf(em, provider, principal))) throw outOfScope(`Setting ${provider.urn}`);
}

export async function assertMayActOnInspection(
  em: EntityManager,
  principal: Principal,
  inspection: Inspection,
  provider: Provider,
  action: InspectionAction,
): Promise<void> {
  const scope = { setting: await settingScopeOf(em, provider, principal), leadInspector: inspection.leadInspector, teamInspectors: inspection.teamInspectors };
  if (!mayActOnInspection(principal, scope, action)) {
    if (action === 'RECORD') throw forbidden('This inspection is not assigned to you, or is outside your region');
    throw outOfScope(action === 'DECIDE' ? 'A decision on this inspection' : 'This inspection');
  }
}

/** The region a region-scoped list is read for; refuses another region than the caller's own. */
export function listRegion(principal: Principal, requested: string | null | undefined): string | null {
  const scoped = regionForList(principal, requested);
  if (!scoped) throw outOfScope(requested ? `Region ${requested}` : 'This list');
  return scoped.region;
}

/** Reading an inspection (or something recorded at it) by ID: the caller's scope must cover it. */
export async function assertMayReadInspection(em: EntityManager, principal: Principal, inspectionId: string): Promise<void> {
  const inspection = await em.findOneOrFail(Inspection, { id: inspectionId }, { populate: ['provider'] });
  await assertMayActOnInspection(em, principal, inspection, inspection.provider.getEntity(), 'READ');
}

/** A caller needs this permission for a record reached by ID (node) whose type it may not see at all. */
export function assertPermission(principal: Principal, permission: Permission): void {
  if (!GRANTS[principal.role].has(permission)) throw forbidden('Your role may not see this');
}

/** A registered provider (an organisation or person) is visible to a provider only when it runs one of its settings. */
export async function assertMayReadRegisteredProvider(em: EntityManager, principal: Principal, registeredProviderId: string): Promise<void> {
  const scope = listScope(principal);
  if (scope.kind === 'ALL' || scope.kind === 'REGION') return;
  const owns = scope.kind === 'URNS' && (await em.count(Provider, { registeredProvider: registeredProviderId, urn: { $in: [...scope.urns] } })) > 0;
  if (!owns) throw outOfScope('This registered provider');
}
