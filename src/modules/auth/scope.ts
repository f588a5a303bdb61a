import type { EntityManager } from '@mikro-orm/postgresql';
import {
  GRANTS,
  mayActOnInspection,
  mayReachSetting,
  scopeDependsOnRegion,
  regionForList,
  type InspectionAction,
  type Permission,
  type Principal,
  type SettingScope,
} from '../../domain/access';
import type { Inspection } from '../inspections';
import type { Provider } from '../providers';
import { ReferenceRepository } from '../reference';
import { forbidden, outOfScope } from './authorize';

/*
 * The scope checks that need data: where a setting is, who an inspection is assigned to. Each
 * service runs them once, where it loads the record; the rules themselves live in the domain.
 * Reading an inspection or a registered provider by ID is checked by the module that owns it
 * (inspections/inspection.access.ts, providers/provider.access.ts).
 */

/** Where a setting is; its region is looked up only for a caller whose scope depends on it. */
export async function settingScopeOf(em: EntityManager, provider: Provider, principal: Principal): Promise<SettingScope> {
  const localAuthority = provider.localAuthority.onsCode;
  if (!scopeDependsOnRegion(principal)) return { urn: provider.urn, localAuthority, region: '' };
  return { urn: provider.urn, localAuthority, region: await new ReferenceRepository(em).regionOf(localAuthority) };
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
  const scope = {
    setting: await settingScopeOf(em, provider, principal),
    leadInspector: inspection.leadInspector,
    teamInspectors: inspection.teamInspectors,
  };
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

/** A caller needs this permission for a record reached by ID (node) whose type it may not see at all. */
export function assertPermission(principal: Principal, permission: Permission): void {
  if (!GRANTS[principal.role].has(permission)) throw forbidden('Your role may not see this');
}
